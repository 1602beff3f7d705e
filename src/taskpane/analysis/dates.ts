/** The last date of a date column, as ISO text: the default analysis date ("as of"). */
import { dayNumbers, isoDate } from '../../core/time/day-number.ts';
import type { ColumnTable } from '../excel/cell-values.ts';

export function lastDate(table: ColumnTable, column: string): string {
  const days = dayNumbers(table.array(column) as ArrayLike<unknown>, column);
  let max = -Infinity;
  for (let i = 0; i < days.length; i++) if (days[i] > max) max = days[i];
  return isoDate(max);
}
