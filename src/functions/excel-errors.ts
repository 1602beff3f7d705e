/**
 * Translating core errors into what Excel shows. Excel custom functions may only throw
 * `CustomFunctions.Error`; `#VALUE!` and `#N/A` carry a message (shown in the cell's tooltip),
 * `#NUM!` does not. An analyst needs the message more than the error's flavour, so the core's
 * `num` code (a number out of its allowed range) is shown as `#VALUE!` with its message; `na`
 * (something missing) is `#N/A`.
 */
import { isInputError } from '../core/errors.ts';

const codes = {
  value: () => CustomFunctions.ErrorCode.invalidValue,
  na: () => CustomFunctions.ErrorCode.notAvailable,
  num: () => CustomFunctions.ErrorCode.invalidValue,
} as const;

/** Turns anything thrown by an adapter or the core into a `CustomFunctions.Error`. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (isInputError(error)) return new CustomFunctions.Error(codes[error.code](), error.message);
  // An unexpected failure is still reported in the cell, never thrown raw out of Excel's runtime.
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Internal error: ${message}`);
}

/**
 * Runs a formula body and converts every failure into a `CustomFunctions.Error`, so that nothing
 * else ever escapes a custom function.
 */
export function excelResult<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}
