/**
 * The one way the core rejects input. Adapters translate it: formulas to an Excel error
 * (`value` → #VALUE!, `na` → #N/A, `num` → #NUM!), the taskpane to a message in the pane.
 *
 * The message always names the argument and the problem, e.g.
 * `"weights must be non-negative (item 3 is -0.2)"`.
 */
export type InputErrorCode = 'value' | 'na' | 'num';

export class InputError extends Error {
  readonly code: InputErrorCode;
  /** The argument (or column) the problem is in, when there is one. */
  readonly argument: string | undefined;

  constructor(message: string, options: { code?: InputErrorCode; argument?: string } = {}) {
    super(message);
    this.name = 'InputError';
    this.code = options.code ?? 'value';
    this.argument = options.argument;
  }
}

/** Type guard that survives module duplication (e.g. a notebook and a bundle). */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError || (error instanceof Error && error.name === 'InputError');
}
