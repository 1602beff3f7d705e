/**
 * Reading the result of `compressedSummarySql`: its two parts as the tables the fits take.
 */
import * as aq from 'arquero';
import { mustBe, notANumber, notOneOf } from '../messages.ts';
import { cellNumber } from '../table/cell.ts';
import { inputColumn, rowCount } from '../table/column-values.ts';
import { PURCHASES_PART, SPEND_PART } from './compressed-summary-sql.ts';

const ARGUMENT = 'result';

/** A result cell as a number: drivers give counts as numbers, bigints (DuckDB) or decimal strings (pg). */
function numberAt(values: ArrayLike<unknown>, i: number, column: string): number {
  const value = values[i];
  const number = cellNumber(typeof value === 'bigint' ? Number(value) : value);
  if (number !== number) throw notANumber({ argument: ARGUMENT, column, row: i + 1 }, value);
  return number;
}

/**
 * Splits the rows `compressedSummarySql` returned into the compressed summary for the purchase
 * fits (`x, t_x, T, count`: what `compressSummary` gives, for `fitBgNbd` and `fitParetoNbd`) and
 * the compressed spend for Gamma-Gamma (`x, monetary, count`: what `compressSpend` gives, for
 * `fitGammaGamma`), keeping the result's row order. O(rows).
 *
 * @param result an Arquero table or row objects with the columns `part, x, t_x, T, monetary,
 *   count` (counts as numbers, bigints or numeric strings, as a driver returns them)
 * @returns `{ purchases, spend }`, two Arquero tables with Float64Array columns
 * @throws {InputError} naming the column and row of a `part` that is neither 'purchases' nor
 *   'spend', a needed value that is not a number, an x that is not a whole number ≥ 0 or a count
 *   that is not a whole number ≥ 1
 * @example splitCompressedSummary([
 *   { part: 'purchases', x: 0, t_x: 0, T: 5, monetary: null, count: 3n },
 *   { part: 'spend', x: 2, t_x: null, T: null, monetary: 12.5, count: 1n },
 * ]).spend.numRows(); // => 1
 */
export function splitCompressedSummary(result: unknown) {
  const part = inputColumn(result, 'part', ARGUMENT);
  const x = inputColumn(result, 'x', ARGUMENT);
  const tx = inputColumn(result, 't_x', ARGUMENT);
  const T = inputColumn(result, 'T', ARGUMENT);
  const monetary = inputColumn(result, 'monetary', ARGUMENT);
  const count = inputColumn(result, 'count', ARGUMENT);
  const rows = rowCount(result);
  let purchaseRows = 0;
  for (let i = 0; i < rows; i++) {
    if (part[i] === PURCHASES_PART) purchaseRows++;
    else if (part[i] !== SPEND_PART) {
      throw notOneOf({ argument: ARGUMENT, column: 'part', row: i + 1 }, [PURCHASES_PART, SPEND_PART], part[i]);
    }
  }
  const spendRows = rows - purchaseRows;
  const purchases = {
    x: new Float64Array(purchaseRows),
    t_x: new Float64Array(purchaseRows),
    T: new Float64Array(purchaseRows),
    count: new Float64Array(purchaseRows),
  };
  const spend = { x: new Float64Array(spendRows), monetary: new Float64Array(spendRows), count: new Float64Array(spendRows) };
  let p = 0;
  let s = 0;
  for (let i = 0; i < rows; i++) {
    const xi = numberAt(x, i, 'x');
    if (!(Number.isInteger(xi) && xi >= 0)) {
      throw mustBe({ argument: ARGUMENT, column: 'x', row: i + 1 }, 'a whole number ≥ 0', { value: x[i], code: 'num' });
    }
    const n = numberAt(count, i, 'count');
    if (!(Number.isInteger(n) && n >= 1)) {
      throw mustBe({ argument: ARGUMENT, column: 'count', row: i + 1 }, 'a whole number ≥ 1', { value: count[i], code: 'num' });
    }
    if (part[i] === PURCHASES_PART) {
      purchases.x[p] = xi;
      purchases.t_x[p] = numberAt(tx, i, 't_x');
      purchases.T[p] = numberAt(T, i, 'T');
      purchases.count[p++] = n;
    } else {
      spend.x[s] = xi;
      spend.monetary[s] = numberAt(monetary, i, 'monetary');
      spend.count[s++] = n;
    }
  }
  return { purchases: aq.table(purchases), spend: aq.table(spend) };
}
