/**
 * Opens a CSV or XLSX file as the pane's data: CSV parsed by papaparse (delimiter detected:
 * comma, semicolon, tab…; quoted fields), XLSX by read-excel-file (the first sheet; date cells as
 * dates), then typed by `gridToTable`.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/browser';
import type { DataSource } from '../app/data-source.ts';
import { gridToTable } from './grid-table.ts';

export const FILE_TYPES = '.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The CSV text as a grid of strings (blank lines kept, so that row numbers are the file's lines). */
export function csvGrid(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows = parsed.data;
  // papaparse reads a final newline as one more (empty) row.
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell.trim() === '')) rows.pop();
  return rows;
}

function kind(name: string): 'csv' | 'xlsx' | null {
  const lower = name.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export async function readDataFile(file: File): Promise<DataSource> {
  const type = kind(file.name);
  if (!type) throw new Error(`"${file.name}" is not a CSV or XLSX file: open a .csv or .xlsx file (older .xls workbooks: save them as .xlsx first).`);
  let grid: unknown[][];
  try {
    grid = type === 'csv' ? csvGrid(await file.text()) : ((await readSheet(file)) as unknown[][]);
  } catch (error) {
    throw new Error(`"${file.name}" could not be read as ${type === 'csv' ? 'CSV' : 'an XLSX workbook'} (${error instanceof Error ? error.message : String(error)}).`);
  }
  const read = gridToTable(grid);
  if (read.header.length === 0) throw new Error(`"${file.name}" holds no data.`);
  const n = read.table.numRows();
  return {
    label: `${file.name}: ${n.toLocaleString('en-US')} rows × ${read.header.length} columns. ${read.notes.join(' ')}`,
    header: read.header,
    table: read.table,
    rowNumber: (i) => read.rows[i] ?? i + 1,
    origin: 'file',
  };
}
