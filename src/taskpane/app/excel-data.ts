/** The app's two Excel operations: read the selection as a data source, write result blocks to a new sheet. */
import type { ResultBlock } from '../excel/result-block.ts';
import { readSelection, type ReadOptions } from '../excel/read-selection.ts';
import { writeResultSheet } from '../excel/write-sheet.ts';
import type { DataSource } from './data-source.ts';

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

export async function writeBlocks(baseName: string, blocks: ResultBlock[]): Promise<string> {
  const result = await Excel.run((context) => writeResultSheet(context, baseName, blocks));
  return result.sheetName;
}
