/**
 * The Value map view over two surveys (two periods, or the same offers against two competitor
 * sets): with a survey column chosen, the map shows the later survey and each offer's movement
 * from the earlier one (`valueMapMovement`).
 */
import { valueMapMovement, type ValueMapResult } from '../../core/index.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping } from '../mapping/roles.ts';
import { rowsWhere } from './tracking.ts';
import { runValueMap, type ValueMapViewOptions } from './value-map.ts';

export interface MovementSettings {
  /** The column naming each row's survey (period or competitor set). */
  survey: string;
  before: string;
  after: string;
}

export interface ValueMapMovement {
  settings: MovementSettings;
  /** The earlier survey's map (the view's map is the later one). */
  before: ValueMapResult;
  /** `valueMapMovement(before, after)`: one row per offer. */
  table: ColumnTable;
}

export type ValueMapRun = ValueMapResult & { movement: ValueMapMovement | null };

/** A column that looks like a survey, period or wave; none when no header suggests one. */
export function guessSurveyColumn(header: readonly string[]): string | null {
  return header.find((h) => /survey|wave|period|quarter|year|date/i.test(h)) ?? null;
}

/**
 * The value map of all rows, or with a survey column the map of the later survey and the
 * movement of each offer from the earlier one (same fair-value line rule and band in both).
 *
 * @throws {InputError} (from the core) when an offer is in one survey only, naming it
 */
export function runValueMapOverTime(table: ColumnTable, mapping: Mapping, options: ValueMapViewOptions, settings: MovementSettings | null): ValueMapRun {
  if (!settings) return { ...runValueMap(table, mapping, options), movement: null };
  const before = runValueMap(rowsWhere(table, settings.survey, settings.before), mapping, options);
  const after = runValueMap(rowsWhere(table, settings.survey, settings.after), mapping, options);
  return { ...after, movement: { settings, before, table: valueMapMovement(before, after) } };
}
