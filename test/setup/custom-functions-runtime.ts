/**
 * The Excel runtime defines a global `CustomFunctions` namespace; outside Excel (jest, the
 * formula-engine tests) this stand-in provides the same `Error` class and `ErrorCode` values
 * (as documented for the custom functions runtime), so adapters throw what Excel would receive.
 */
class CustomFunctionsError extends Error {
  code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = 'CustomFunctions.Error';
    this.code = code;
  }
}

const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate: () => undefined,
};
