/**
 * Ranges for the BTYD formulas: per-customer columns (x, t_x, T, …) that may be a single cell or
 * whole columns, read row by row so that a formula spills one result per customer. A row whose
 * cells are all blank (the tail of a whole-column reference) gives a blank result.
 */
import { isInputError, relocated } from '../core/errors.ts';
import { invalid, notANumber, stated } from '../core/messages.ts';
import { isBlank, vectorCells } from './ranges.ts';

/**
 * Per-customer columns aligned row by row; single cells are repeated for every row.
 *
 * @returns the number of rows, a flag per row (true when all its cells are blank) and the
 *   numbers (NaN where blank)
 * @throws {InputError} for ranges of different lengths, text, or a row blank in some columns only
 */
export function customerColumns(
  ranges: { range: unknown; argument: string }[],
): { rows: number; blank: boolean[]; values: Float64Array[] } {
  const cells = ranges.map(({ range, argument }) => vectorCells(range, argument));
  let rows = 1;
  for (let j = 0; j < cells.length; j++) {
    if (cells[j].length === 1) continue;
    if (rows !== 1 && cells[j].length !== rows) {
      throw invalid(ranges[j].argument, `has ${cells[j].length} cells but the other columns have ${rows}; select the same customers`);
    }
    rows = cells[j].length;
  }
  const values = cells.map(() => new Float64Array(rows));
  const blank = new Array<boolean>(rows).fill(false);
  for (let i = 0; i < rows; i++) {
    let blanks = 0;
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j].length === 1 ? cells[j][0] : cells[j][i];
      if (isBlank(cell)) {
        blanks++;
        values[j][i] = NaN;
      } else if (typeof cell === 'number' && Number.isFinite(cell)) {
        values[j][i] = cell;
      } else {
        const where = { argument: ranges[j].argument, item: i + 1 };
        // Text is shown as the pane shows it; ±Infinity and the like are not shown (never "Infinity").
        throw typeof cell === 'string' ? notANumber(where, cell) : invalid(where, 'is not a number; expected a number');
      }
    }
    if (blanks === cells.length) blank[i] = true;
    else if (blanks > 0) {
      const missing = ranges.filter((_, j) => Number.isNaN(values[j][i])).map((r) => r.argument);
      throw stated({ argument: missing[0], row: i + 1 }, `row ${i + 1}: ${missing.join(', ')} is blank while the others are not`);
    }
  }
  return { rows, blank, values };
}

/**
 * Model parameters from a range: either a single row or column of numbers in the given order,
 * or two columns of labels and values (e.g. the spill of `CRM.BGNBDFIT`, whose third column of
 * standard errors is ignored), looked up by label.
 *
 * @throws {InputError} when a parameter is missing or not a number
 */
export function parameterRange(range: unknown, names: string[], argument: string): number[] {
  const grid = (Array.isArray(range) ? range : [[range]]) as unknown[][];
  if (grid.length > 0 && grid.every((row) => Array.isArray(row) && (row.length === 2 || row.length === 3)) && grid.some((row) => typeof row[0] === 'string' && row[0] !== '')) {
    const byLabel = new Map<string, unknown>();
    for (const row of grid) if (typeof row[0] === 'string') byLabel.set(row[0].trim().toLowerCase(), row[1]);
    return names.map((name) => {
      const value = byLabel.get(name.toLowerCase());
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw invalid(argument, `: no number labelled "${name}" (labels: ${[...byLabel.keys()].join(', ')})`);
      }
      return value;
    });
  }
  const cells = vectorCells(range, argument).filter((cell) => !isBlank(cell));
  if (cells.length !== names.length || !cells.every((c) => typeof c === 'number' && Number.isFinite(c))) {
    throw invalid(argument, `must hold ${names.length} numbers (${names.join(', ')}) or label/value pairs`);
  }
  return cells as number[];
}

/**
 * Runs a core call whose model parameters came from parameter ranges, and prefixes an error about
 * one of those parameters with the formula argument that held it ("bgnbd: r must be …"): the
 * core names its own parameter, which is not an argument of the formula.
 *
 * @param sources each parameter range's formula argument and the parameter names read from it
 */
export function namingParameterRanges<T>(sources: { argument: string; names: string[] }[], body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!isInputError(error) || error.argument === undefined) throw error;
    const source = sources.find((s) => s.names.includes(error.argument as string));
    if (!source) throw error;
    // The whole core message (it names the parameter) follows the formula argument as a clause.
    throw invalid(source.argument, `: ${error.message}`, error.code);
  }
}

/**
 * Runs a fit on the customer columns of a formula, and restates an error about the whole data
 * (the core's `summary` argument) in terms of the formula's own column arguments, e.g.
 * "x, t_x, T: at least two customers are needed to fit BG/NBD (there is 1)".
 *
 * @param columns the formula arguments the customers were read from
 */
export function namingCustomerColumns<T>(columns: string[], body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!isInputError(error) || error.argument !== 'summary') throw error;
    throw relocated(error, { argument: columns.join(', ') });
  }
}
