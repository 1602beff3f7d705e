/**
 * The Segments view's migration panel: RFM segments at two dates (`segmentMigration`), the
 * customers who moved from a valuable segment to an at-risk one, and default dates (the end of
 * the first half of the data and its last day).
 */
import { segmentMigration, type SegmentMigration } from '../../core/index.ts';
import { dayNumbers } from '../../core/table/date-column.ts';
import { isoDate } from '../../core/time/day-number.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping } from '../mapping/roles.ts';
import { rowObjects } from '../../core/table/row-objects.ts';

/** Segments worth keeping, and segments of customers slipping away (default RFM rules). */
export const VALUABLE_SEGMENTS = ['Champions', 'Loyal Customers', 'Potential Loyalist'];
export const AT_RISK_SEGMENTS = ['At Risk', "Can't Lose Them", 'About To Sleep', 'Lost'];

export interface MigrationResult {
  migration: SegmentMigration;
  /** Customers who moved from a valuable to an at-risk segment: customer, fromSegment, toSegment, spend. */
  slipping: Record<string, unknown>[];
}

/** The middle day of the data (as "from") and its last day (as "to"). */
export function defaultMigrationDates(table: ColumnTable, dateColumn: string): { from: string; to: string } {
  const days = dayNumbers(table.array(dateColumn) as ArrayLike<unknown>, dateColumn);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < days.length; i++) {
    if (days[i] < first) first = days[i];
    if (days[i] > last) last = days[i];
  }
  return { from: isoDate(Math.floor((first + last) / 2)), to: isoDate(last) };
}

export function runMigration(table: ColumnTable, mapping: Mapping, from: string, to: string): MigrationResult {
  const migration = segmentMigration(table, {
    customer: mapping.customer as string,
    date: mapping.date as string,
    amount: mapping.amount as string,
    from,
    to,
  });
  const valuable = new Set(VALUABLE_SEGMENTS);
  const atRisk = new Set(AT_RISK_SEGMENTS);
  const slipping = (rowObjects(migration.customers) as Record<string, unknown>[]).filter(
    (c) => valuable.has(c.fromSegment as string) && atRisk.has(c.toSegment as string),
  );
  return { migration, slipping };
}
