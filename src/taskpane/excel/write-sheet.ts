/**
 * Writes results to a NEW worksheet, never into anything the user owns: the sheet gets the first
 * free name among `CVK Segments`, `CVK Segments (2)`, … (Excel compares names without regard to
 * case), each block is written under its title and formatted as an Excel table, and the new sheet
 * is activated. Large blocks are written in chunks of rows (see `readSelection` for why).
 */
import type { ResultBlock } from './result-block.ts';
import { headerNames } from './cell-values.ts';
import { sheetNameCandidate } from './sheet-name.ts';
import { safeCell } from './safe-cell.ts';

export { safeCell };

export interface WriteOptions {
  maxCellsPerRequest?: number;
  /** Candidate names asked about per round trip (default 10). */
  namesPerRequest?: number;
}

export interface WriteResult {
  sheetName: string;
  /** Address of each block's table (header and rows), in block order. */
  tables: string[];
}

/** The first name `base`, `base (2)`, … that no worksheet has; asks Excel in batches. */
export async function freeSheetName(context: Excel.RequestContext, base: string, batch = 10): Promise<string> {
  for (let first = 1; first < 10_000; first += batch) {
    const candidates = Array.from({ length: batch }, (_, i) => sheetNameCandidate(base, first + i));
    const sheets = candidates.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    const free = sheets.findIndex((sheet) => sheet.isNullObject);
    if (free >= 0) return candidates[free];
  }
  throw new Error(`No free sheet name for "${base}"`);
}

export async function writeResultSheet(
  context: Excel.RequestContext,
  baseName: string,
  blocks: readonly ResultBlock[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const maxCells = options.maxCellsPerRequest ?? 50_000;
  const sheetName = await freeSheetName(context, baseName, options.namesPerRequest ?? 10);
  const sheet = context.workbook.worksheets.add(sheetName);
  const tables: string[] = [];
  let row = 0;
  for (const block of blocks) {
    const width = Math.max(1, block.header.length);
    sheet.getRangeByIndexes(row, 0, 1, 1).values = [[safeCell(block.title)]];
    row += 1;
    // Excel tables need unique, non-blank header cells; headers are user text too.
    const header = headerNames(block.header).map(safeCell);
    sheet.getRangeByIndexes(row, 0, 1, width).values = [header];
    const rowsPerChunk = Math.max(1, Math.floor(maxCells / width));
    for (let start = 0; start < block.rows.length; start += rowsPerChunk) {
      const part = block.rows.slice(start, start + rowsPerChunk).map((cells) => cells.map(safeCell));
      sheet.getRangeByIndexes(row + 1 + start, 0, part.length, width).values = part;
      await context.sync();
    }
    const tableRange = sheet.getRangeByIndexes(row, 0, 1 + Math.max(1, block.rows.length), width);
    tableRange.load('address');
    sheet.tables.add(tableRange, true);
    await context.sync();
    tables.push(tableRange.address);
    row += 1 + Math.max(1, block.rows.length) + 2;
  }
  sheet.getRangeByIndexes(0, 0, Math.max(1, row), Math.max(1, ...blocks.map((b) => b.header.length))).format.autofitColumns();
  sheet.activate();
  await context.sync();
  return { sheetName, tables };
}
