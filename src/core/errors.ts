/**
 * The one way the core rejects input. Adapters translate it: formulas to an Excel error
 * (`value` → #VALUE!, `na` → #N/A, `num` → #NUM!), the taskpane to a message in the pane.
 *
 * The message always names the argument and the problem, e.g.
 * `"weights: item 3 must be non-negative (got -0.2)"`. Errors are built by the named builders in
 * `messages.ts`; where the problem sits (argument, row, item, column, customer) is also kept as
 * data in `location`, so that an adapter moves an error to its own positions with `relocated`
 * and never reads the message text.
 */
export type InputErrorCode = 'value' | 'na' | 'num';

/**
 * Where a problem is: the argument, and the cell within it as the caller counts (1-based).
 * `column` is a column's name (a header) or its 1-based position in a range.
 */
export interface InputErrorLocation {
  argument?: string;
  column?: string | number;
  row?: number;
  item?: number;
  customer?: number;
}

/**
 * A location as text, the same in formulas and in the pane: the argument, then the cell —
 * `amount: column "Amount", row 14`, `scores: row 2, column 3`, `values: item 4`, `margin`.
 * A named column comes before the row (a header over its cells), a numbered one after it.
 *
 * @param location where the problem is
 * @returns the location as it starts a message ('' when there is none)
 * @example formatLocation({ argument: 'amount', column: 'Amount', row: 14 }); // => 'amount: column "Amount", row 14'
 */
export function formatLocation(location: InputErrorLocation): string {
  const cell: string[] = [];
  const { column } = location;
  if (typeof column === 'string') cell.push(`column ${JSON.stringify(column)}`);
  if (location.customer !== undefined) cell.push(`customer ${location.customer}`);
  if (location.row !== undefined) cell.push(`row ${location.row}`);
  if (typeof column === 'number') cell.push(`column ${column}`);
  if (location.item !== undefined) cell.push(`item ${location.item}`);
  const where = cell.join(', ');
  if (location.argument === undefined) return where;
  return where === '' ? location.argument : `${location.argument}: ${where}`;
}

export interface InputErrorOptions {
  code?: InputErrorCode;
  /** The argument (or column) the problem is in; defaults to `location.argument`. */
  argument?: string;
  location?: InputErrorLocation;
  /**
   * What is wrong, without the location, when the message is `formatLocation(location)` followed
   * by it (as the builders make it): lets `relocated` restate the same problem elsewhere.
   */
  problem?: string;
}

export class InputError extends Error {
  readonly code: InputErrorCode;
  /** The argument (or column) the problem is in, when there is one. */
  readonly argument: string | undefined;
  /** Where the problem is, as data (argument, row, item, column, customer as they apply). */
  readonly location: Readonly<InputErrorLocation>;
  /** The message without its location, when the message is location + problem. */
  readonly problem: string | undefined;

  constructor(message: string, options: InputErrorOptions = {}) {
    super(message);
    this.name = 'InputError';
    this.code = options.code ?? 'value';
    this.argument = options.argument ?? options.location?.argument;
    this.location = { ...options.location, argument: this.argument };
    this.problem = options.problem;
  }
}

/** Type guard that survives module duplication (e.g. a notebook and a bundle). */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError || (error instanceof Error && error.name === 'InputError');
}

/**
 * An error whose message is its location followed by the problem (`"x: item 3 is blank"`).
 *
 * @param location where the problem is
 * @param problem what is wrong, starting with its verb (`"is blank"`, `"must be …"`)
 * @param code the Excel error it becomes
 * @returns the error, with its location kept as data
 * @example locatedError({ argument: 'x', item: 3 }, 'is blank', 'na').message; // => 'x: item 3 is blank'
 */
export function locatedError(location: InputErrorLocation, problem: string, code: InputErrorCode = 'value'): InputError {
  const where = formatLocation(location);
  const message = where === '' ? problem : /^[:;,]/.test(problem) ? `${where}${problem}` : `${where} ${problem}`;
  return new InputError(message, { code, location, problem });
}

/**
 * The same problem at another place: how adapters translate positions (a customer among the
 * non-blank rows to a row of the range, an argument of the core to a formula argument). Fields
 * given in `location` replace the error's own; a field set to `undefined` is dropped.
 *
 * @param error the error to move
 * @param location the fields to replace
 * @returns a new error with the same code and problem, its message restated at the new location;
 *   an error not made by a builder keeps its message and gets the location as a prefix
 */
export function relocated(error: InputError, location: InputErrorLocation): InputError {
  const merged: InputErrorLocation = { ...error.location };
  for (const [key, value] of Object.entries(location) as [keyof InputErrorLocation, never][]) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  if (error.problem !== undefined) return locatedError(merged, error.problem, error.code);
  const { argument: _argument, ...cell } = location;
  const where = formatLocation(cell);
  return new InputError(where === '' ? error.message : `${where}: ${error.message}`, { code: error.code, location: merged });
}
