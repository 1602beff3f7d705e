/**
 * A real formula engine for the custom functions: HyperFormula with every function of
 * `src/functions/functions.ts` registered under its `CRM.` name, typed from the metadata that
 * custom-functions-metadata generates (the same generator the webpack plugin runs). So a test
 * writes `=CRM.CSI(A2:E101, G2:G6)` in a sheet and reads what the cell shows, including the error
 * type and message.
 *
 * Limitation: the size of a spilled result is predicted by evaluating the function once, which is
 * right for sheets whose inputs are values (all our test sheets), not for inputs that are formulas.
 */
import path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import * as functions from '../../src/functions/functions.ts';

export const FUNCTIONS_SOURCE = path.join(__dirname, '../../src/functions/functions.ts');

interface ParameterMetadata {
  name: string;
  type: string;
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: 'scalar' | 'matrix' };
}

export async function loadMetadata(): Promise<{ functions: FunctionMetadata[]; errors: string[] }> {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  return { functions: JSON.parse(generated.metadataJson).functions, errors: generated.errors };
}

type Implementation = (...args: unknown[]) => unknown;

/** HyperFormula's range value to the 2-D array of plain cells Excel hands to a custom function. */
function toExcelArgument(value: unknown, parameter: ParameterMetadata): unknown {
  if (value === undefined || value === EmptyValue) return null;
  if (value instanceof SimpleRangeValue) {
    return value.data.map((row) => row.map((cell) => toExcelCell(cell)));
  }
  const cell = toExcelCell(value);
  return parameter.dimensionality === 'matrix' ? [[cell]] : cell;
}

function toExcelCell(cell: unknown): unknown {
  if (cell === EmptyValue) return null;
  if (cell instanceof CellError) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, cell.message);
  if (typeof cell === 'object' && cell !== null && 'val' in cell) return (cell as { val: unknown }).val; // rich number
  return cell;
}

function toEngineValue(result: unknown): unknown {
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result as never);
  return result;
}

function toEngineError(error: unknown): CellError {
  if (error instanceof CustomFunctions.Error) {
    const type =
      error.code === CustomFunctions.ErrorCode.notAvailable
        ? ErrorType.NA
        : error.code === CustomFunctions.ErrorCode.invalidNumber
          ? ErrorType.NUM
          : ErrorType.VALUE;
    return new CellError(type, error.message);
  }
  // Anything else escaping a custom function is a defect: make it loud in the sheet.
  return new CellError(ErrorType.ERROR, `UNCAUGHT ${String(error)}`);
}

/** Hooks for tests that watch the calls, e.g. to time each one. */
export interface EngineOptions {
  /** Called after every call of a custom function with its id, wall time (ms) and arguments. */
  onCall?: (id: string, milliseconds: number, args: unknown[]) => void;
}

/** Builds a HyperFormula instance whose sheets can call `CRM.*`. */
export async function createEngine(sheets: Record<string, unknown[][]>, options: EngineOptions = {}): Promise<HyperFormula> {
  const { functions: metadata, errors } = await loadMetadata();
  if (errors.length > 0) throw new Error(`custom-functions-metadata: ${errors.join('; ')}`);
  const implementations = functions as unknown as Record<string, Implementation>;

  const implemented: ImplementedFunctions = {};
  const methods: Record<string, unknown> = {};
  for (const fn of metadata) {
    const implementation = implementations[fn.id];
    if (typeof implementation !== 'function') throw new Error(`no export named ${fn.id}`);
    const parameters = fn.parameters.map((p) => ({
      argumentType: p.dimensionality === 'matrix' ? FunctionArgumentType.RANGE : FunctionArgumentType.ANY,
      optionalArg: Boolean(p.optional),
    }));
    const key = fn.id.toLowerCase();
    const call = (plugin: FunctionPlugin & { exposedRun: FunctionPlugin['runFunction'] }, ast: never, state: never) => {
      const astArgs = (ast as { args: { type: string }[] }).args;
      return plugin.exposedRun(astArgs as never, state, implemented[`CRM.${fn.id}`], (...args: unknown[]) => {
        try {
          // Excel passes an omitted argument (`=CRM.CSI(A1:E9, , 1, 5)`) as null.
          const excelArgs = args.map((a, i) => (astArgs[i]?.type === 'EMPTY' ? null : toExcelArgument(a, fn.parameters[i])));
          const started = performance.now();
          try {
            return toEngineValue(implementation(...excelArgs)) as never;
          } finally {
            options.onCall?.(fn.id, performance.now() - started, excelArgs);
          }
        } catch (error) {
          return toEngineError(error);
        }
      });
    };
    methods[key] = function (this: never, ast: never, state: never) {
      return call(this, ast, state);
    };
    methods[`${key}Size`] = function (this: never, ast: never, state: never) {
      if (fn.result.dimensionality !== 'matrix') return ArraySize.scalar();
      const value = call(this, ast, state) as unknown;
      if (value instanceof SimpleRangeValue) return new ArraySize(value.width(), value.height());
      return ArraySize.scalar();
    };
    implemented[`CRM.${fn.id}`] = {
      method: key,
      parameters,
      vectorizationForbidden: true,
      ...(fn.result.dimensionality === 'matrix' ? { sizeOfResultArrayMethod: `${key}Size` } : {}),
    };
  }

  class CrmPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented;
    exposedRun = this.runFunction;
  }
  Object.assign(CrmPlugin.prototype, methods);
  const translations = { enGB: Object.fromEntries(Object.keys(implemented).map((id) => [id, id])) };
  for (const id of Object.keys(implemented)) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) HyperFormula.unregisterFunction(id);
  }
  HyperFormula.registerFunctionPlugin(CrmPlugin, translations);
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: 'gpl-v3', smartRounding: false });
}

/** What a cell shows: a value, or `{ error, message }` for an error. */
export function cellValue(engine: HyperFormula, sheet: string, a1: string): unknown {
  const address = engine.simpleCellAddressFromString(a1, engine.getSheetId(sheet)!);
  const value = engine.getCellValue(address!);
  if (value && typeof value === 'object' && 'type' in value) {
    return { error: (value as { value: string }).value, message: (value as { message: string }).message };
  }
  return value;
}
