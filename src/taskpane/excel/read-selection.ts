/**
 * Reads what the user points at: the Excel table the selection is in (its whole range), else the
 * selection itself when it spans several cells, else the region around the active cell
 * (`getSurroundingRegion`, like Ctrl+A). The first row is the header.
 *
 * Large blocks are read in chunks of rows (at most `maxCellsPerRequest` cells per request, 50,000
 * by default): Excel on the web caps a response at about 5 MB, and a 100,000 × 4 block in one
 * request would exceed it. Number formats are read for the first `formatSampleRows` data rows
 * only (they decide which columns hold dates), which halves the payload of a big read.
 */
import { MAX_CELLS_READ } from '../analysis/limits.ts';
import type { SheetTable } from './cell-values.ts';
import { SheetColumns } from './sheet-columns.ts';

export interface SelectionData extends SheetTable {
  /** The block read, e.g. `Sales!A1:D2358`. */
  address: string;
  /** What was read: the table around the selection, the selection, or the region around the cell. */
  source: 'table' | 'selection' | 'region';
  /** The Excel table's name when `source` is `'table'`. */
  tableName: string | null;
  /** The sheet row number (1-based) of the first data row, so messages can point at real rows. */
  firstDataRow: number;
  /** Requests used to read the values (1 for small blocks). */
  chunks: number;
}

export interface ReadOptions {
  maxCellsPerRequest?: number;
  /** The largest block read at all (default `MAX_CELLS_READ`); a larger one is refused before reading. */
  maxCells?: number;
  formatSampleRows?: number;
  /** Called after each chunk (rows read so far, rows in all); may throw to stop reading (Cancel). */
  onChunk?: (rowsRead: number, rows: number) => void;
}

/** Rows turned into columns between two looks at the clock. */
const ROWS_PER_SLICE = 2048;

/** One number format per column: the first non-General format among the sampled data cells. */
export function columnFormats(formats: readonly (readonly unknown[])[], columns: number): string[] {
  const out: string[] = new Array(columns).fill('General');
  for (let j = 0; j < columns; j++) {
    for (const row of formats) {
      const format = row[j];
      if (typeof format === 'string' && format !== '' && format !== 'General') {
        out[j] = format;
        break;
      }
    }
  }
  return out;
}

export async function readSelection(context: Excel.RequestContext, options: ReadOptions = {}): Promise<SelectionData> {
  const maxCells = options.maxCellsPerRequest ?? 50_000;
  const sampleRows = options.formatSampleRows ?? 100;

  const selected = context.workbook.getSelectedRange();
  selected.load('address,cellCount');
  const count = selected.getTables(false).getCount();
  await context.sync();

  let block: Excel.Range;
  let source: SelectionData['source'];
  let tableName: string | null = null;
  if (count.value > 0) {
    const table = selected.getTables(false).getFirst();
    table.load('name');
    block = table.getRange();
    source = 'table';
    await context.sync();
    tableName = table.name;
  } else if (selected.cellCount > 1) {
    // Whole columns (A:D) select a million rows: keep the used part of the selection.
    block = selected.getUsedRangeOrNullObject(true);
    source = 'selection';
  } else {
    block = selected.getSurroundingRegion();
    source = 'region';
  }
  block.load('address,rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (block.isNullObject) throw new Error(`${selected.address} is empty: select a range with a header row and data.`);

  const { rowIndex, columnIndex, rowCount, columnCount } = block;
  const maxTotal = options.maxCells ?? MAX_CELLS_READ;
  if (rowCount * columnCount > maxTotal) {
    const cells = (rowCount * columnCount).toLocaleString('en-US');
    throw new Error(`${block.address} has ${cells} cells; the pane reads at most ${maxTotal.toLocaleString('en-US')}: select only the rows and columns to analyse.`);
  }
  if (rowCount < 2) {
    throw new Error(`${block.address} has no data rows under its header: select a range with a header row and data.`);
  }
  const sheet = block.worksheet;
  const sample = sheet.getRangeByIndexes(rowIndex + 1, columnIndex, Math.min(sampleRows, rowCount - 1), columnCount);
  sample.load('numberFormat');
  const rowsPerChunk = Math.max(1, Math.floor(maxCells / columnCount));
  // Each chunk becomes columns as it arrives (sheet-columns.ts): no pass over the whole block.
  let columns: SheetColumns | null = null;
  let sliceStart = performance.now();
  let chunks = 0;
  for (let start = 0; start < rowCount; start += rowsPerChunk) {
    const chunk = sheet.getRangeByIndexes(rowIndex + start, columnIndex, Math.min(rowsPerChunk, rowCount - start), columnCount);
    chunk.load('values');
    await context.sync();
    chunks++;
    let rows: readonly (readonly unknown[])[] = chunk.values;
    if (!columns) {
      columns = new SheetColumns(rows[0], columnFormats(sample.numberFormat, columnCount));
      rows = rows.slice(1);
    }
    // A chunk's rows go in by slices, with the browser's turn between them when a slice ran long:
    // a chunk of 16,000 rows turned into columns in one go can take 50 ms or more on a busy machine.
    for (let from = 0; from < rows.length; from += ROWS_PER_SLICE) {
      columns.add(from === 0 && rows.length <= ROWS_PER_SLICE ? rows : rows.slice(from, from + ROWS_PER_SLICE));
      // A host whose sync resolves at once (a stub, a cache) would keep the whole read in one task.
      if (performance.now() - sliceStart > 16) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
    options.onChunk?.(Math.min(start + rowsPerChunk, rowCount), rowCount);
  }
  const table = columns!.finish();
  return { ...table, address: block.address, source, tableName, firstDataRow: rowIndex + 2, chunks };
}
