/**
 * Result tables out of the pane as files: one table as CSV (papaparse), all of a view's tables as
 * an XLSX workbook with a sheet per table (write-excel-file). Cells pass through `safeCell`, as
 * on the way into Excel: text a spreadsheet would take for a formula gets a leading apostrophe.
 */
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/browser';
import { headerNames } from '../excel/cell-values.ts';
import type { ResultBlock } from '../excel/result-block.ts';
import { safeCell } from '../excel/safe-cell.ts';
import { sanitizeSheetName, uniqueSheetName } from '../excel/sheet-name.ts';

/** The block's header and rows as CSV text (comma-separated, CRLF, quoted where needed). */
export function blockToCsv(block: ResultBlock): string {
  const header = headerNames(block.header).map(safeCell);
  return Papa.unparse([header, ...block.rows.map((row) => row.map(safeCell))], { newline: '\r\n' });
}

/** Sheet names for the blocks: their titles made legal and unique (Excel's rules). */
export function sheetNamesFor(blocks: readonly ResultBlock[]): string[] {
  const names: string[] = [];
  for (const block of blocks) names.push(uniqueSheetName(sanitizeSheetName(block.title.split(/[:;(]/)[0]), names));
  return names;
}

/** An XLSX workbook: per block a sheet with its title on row 1 and the table from row 2. */
export function blocksToXlsx(blocks: readonly ResultBlock[]): Promise<Blob> {
  const names = sheetNamesFor(blocks);
  const sheets = blocks.map((block, i) => ({
    sheet: names[i],
    data: [[{ value: String(safeCell(block.title)), fontWeight: 'bold' as const }], headerNames(block.header).map((h) => ({ value: String(safeCell(h)), fontWeight: 'bold' as const })), ...block.rows.map((row) => row.map(safeCell))],
  }));
  return writeXlsxFile(sheets).toBlob();
}

/** A file name from a sheet name: `CVK Segments` → `cvk-segments`. */
export function fileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'results';
}

/** Hands the blob to the browser as a download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
