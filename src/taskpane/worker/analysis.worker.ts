/**
 * The analysis worker (its own webpack entry, `analysis-worker.js`): receives tables in parts,
 * runs analyses by name on them, and reports stages, results and errors. The core is DOM-free,
 * so everything in `../analysis` runs here unchanged.
 */
import type { ColumnTable } from '../excel/cell-values.ts';
import { tableFromColumns } from '../../core/table/named-columns.ts';
import { runAnalysis } from './analyses.ts';
import { decode, encode, encodeError } from './codec.ts';
import { isTableRef, ROWS_PER_PART, type FromWorker, type ToWorker } from './protocol.ts';
import { onStage } from './stage.ts';

interface Incoming {
  names: string[];
  columns: unknown[][];
  table: ColumnTable | null;
}

const tables = new Map<number, Incoming>();
const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

function table(id: number): ColumnTable {
  const entry = tables.get(id);
  if (!entry) throw new Error(`the analysis worker has no table ${id}`);
  entry.table ??= tableFromColumns(entry.names, entry.columns);
  return entry.table;
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'table-start') {
    // Grown by pushes, parts in order: `new Array(n)` with n over ~100,000 starts in V8's slow
    // dictionary mode, and every analysis on the table would pay for it.
    tables.set(message.id, { names: message.names, columns: message.names.map(() => []), table: null });
  } else if (message.type === 'table-part') {
    const column = tables.get(message.id)?.columns[message.column];
    if (!column) return;
    const { offset, values } = message;
    if (column.length !== offset) throw new Error(`table ${message.id}: a part arrived out of order`);
    for (let i = 0; i < values.length; i++) column.push(values[i]);
  } else if (message.type === 'run') {
    const { job } = message;
    onStage((stage) => scope.postMessage({ type: 'stage', job, stage }));
    try {
      const args = message.args.map((arg) => (isTableRef(arg) ? table(arg.__cvkTableRef) : decode(arg)));
      const detached: unknown[][] = [];
      const result = encode(runAnalysis(message.name, args), new Map(), detached);
      scope.postMessage({ type: 'stage', job, stage: 'Sending the results' });
      // Long text columns in parts, each a message (and a task in the pane) of its own.
      detached.forEach((values, index) => {
        for (let offset = 0; offset < values.length; offset += ROWS_PER_PART) {
          scope.postMessage({ type: 'part', job, index, values: values.slice(offset, offset + ROWS_PER_PART) });
        }
      });
      scope.postMessage({ type: 'done', job, result });
    } catch (error) {
      scope.postMessage({ type: 'failed', job, error: encodeError(error) });
    } finally {
      onStage(null);
    }
  }
};
