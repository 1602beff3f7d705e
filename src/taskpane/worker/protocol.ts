/**
 * Messages between the pane and its analysis worker. Tables go over once, column by column in
 * parts (no single message, on either side, takes long to copy), and are then named by id.
 */
import type { AnalysisName } from './analyses.ts';
import type { EncodedError } from './codec.ts';

/** Rows per table part: 16,384 rows of a column copy in a few milliseconds, even on a busy machine. */
export const ROWS_PER_PART = 16_384;

export type ToWorker =
  | { type: 'table-start'; id: number; names: string[]; rows: number }
  | { type: 'table-part'; id: number; column: number; offset: number; values: ArrayLike<unknown> }
  | { type: 'run'; job: number; name: AnalysisName; args: unknown[] };

export type FromWorker =
  | { type: 'stage'; job: number; stage: string }
  /** A part of an array the result sends apart (codec.ts `detachedText`), before 'done'. */
  | { type: 'part'; job: number; index: number; values: unknown[] }
  | { type: 'done'; job: number; result: unknown }
  | { type: 'failed'; job: number; error: EncodedError };

/** An argument that names a table the worker already holds. */
export interface TableRef {
  __cvkTableRef: number;
}

export function isTableRef(value: unknown): value is TableRef {
  return typeof value === 'object' && value !== null && typeof (value as TableRef).__cvkTableRef === 'number';
}
