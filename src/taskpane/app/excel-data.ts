/** The app's two Excel operations: read the selection as a data source, write result blocks to a new sheet. */
import type { ResultBlock } from '../excel/result-block.ts';
import { readSelection, type ReadOptions } from '../excel/read-selection.ts';
import { writeResultSheet } from '../excel/write-sheet.ts';
import type { DataSource } from './data-source.ts';
import type { WrittenSheet } from '../views/view.ts';

export async function selectionSource(options: ReadOptions = {}): Promise<DataSource> {
  const data = await Excel.run((context) => readSelection(context, options));
  const where = data.source === 'table' ? `table ${data.tableName} (${data.address})` : data.address;
  return {
    label: `${where}: ${data.table.numRows().toLocaleString('en-US')} rows × ${data.header.length} columns${data.dateColumns.length ? `; dates in ${data.dateColumns.join(', ')}` : ''}`,
    header: data.header,
    table: data.table,
    rowNumber: (i) => data.firstDataRow + i,
    origin: 'excel',
  };
}

/** Incomplete sheets a failed write could not remove: the next write removes them first. */
const leftovers = new Set<string>();

export async function writeBlocks(baseName: string, blocks: ResultBlock[]): Promise<WrittenSheet> {
  const result = await Excel.run((context) => writeResultSheet(context, baseName, blocks, { leftovers }));
  return { sheetName: result.sheetName, note: result.note };
}
