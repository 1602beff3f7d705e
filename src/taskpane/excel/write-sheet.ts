/**
 * Writes results to a NEW worksheet, never into anything the user owns: the sheet gets the first
 * free name among `CVK Segments`, `CVK Segments (2)`, … (Excel compares names without regard to
 * case), each block is written under its title and formatted as an Excel table, and the new sheet
 * is activated. Large blocks are written in chunks of rows (see `readSelection` for why).
 *
 * Nothing half-written: a write either completes or removes the sheet it added, and says which
 * (`WriteFailure`). A sync that fails after every block and table is in place (sizing columns,
 * activating the sheet) keeps the complete sheet and says what was not done (`WriteResult.note`).
 * A sheet whose removal failed too is remembered in `leftovers` and removed by the next write, so
 * retries leave one result sheet, not an orphan each time.
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
  /**
   * Incomplete sheets earlier writes added and could not remove (kept by the caller across
   * writes): removed before this write starts; a sheet this write cannot remove is added.
   */
  leftovers?: Set<string>;
}

export interface WriteResult {
  sheetName: string;
  /** Address of each block's table (header and rows), in block order. */
  tables: string[];
  /** Set when all data was written but a finishing step (column widths, activation) failed. */
  note?: string;
}

/** A write that did not complete; the message says what happened to the workbook. */
export class WriteFailure extends Error {
  constructor(
    message: string,
    /** The incomplete sheet when it could not be removed, else null. */
    readonly leftover: string | null,
  ) {
    super(message);
    this.name = 'WriteFailure';
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

/** Deletes the sheet named `name` if it exists; resolves to whether it existed. */
async function removeSheet(context: Excel.RequestContext, name: string): Promise<boolean> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  if (sheet.isNullObject) return false;
  sheet.delete();
  await context.sync();
  return true;
}

/** Every block under its title, as an Excel table; resolves to the tables' addresses and the rows used. */
async function writeBlocks(context: Excel.RequestContext, sheet: Excel.Worksheet, blocks: readonly ResultBlock[], maxCells: number): Promise<{ tables: string[]; rows: number }> {
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
  return { tables, rows: row };
}

export async function writeResultSheet(
  context: Excel.RequestContext,
  baseName: string,
  blocks: readonly ResultBlock[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const maxCells = options.maxCellsPerRequest ?? 50_000;
  const leftovers = options.leftovers ?? new Set<string>();
  for (const name of [...leftovers]) {
    try {
      await removeSheet(context, name);
      leftovers.delete(name);
    } catch {
      // Still there: tried again next time; this write goes ahead under another name.
    }
  }
  let sheetName: string;
  try {
    sheetName = await freeSheetName(context, baseName, options.namesPerRequest ?? 10);
  } catch (error) {
    throw new WriteFailure(`The results could not be written (${reason(error)}). Nothing was added to the workbook.`, null);
  }
  let sheet: Excel.Worksheet;
  let tables: string[];
  let rows: number;
  try {
    sheet = context.workbook.worksheets.add(sheetName);
    ({ tables, rows } = await writeBlocks(context, sheet, blocks, maxCells));
  } catch (error) {
    try {
      await removeSheet(context, sheetName);
    } catch (cleanup) {
      leftovers.add(sheetName);
      throw new WriteFailure(
        `The results could not be written (${reason(error)}), and the incomplete sheet "${sheetName}" could not be removed (${reason(cleanup)}). ` +
          'Write again to replace it, or delete it.',
        sheetName,
      );
    }
    throw new WriteFailure(`The results could not be written (${reason(error)}). The incomplete sheet "${sheetName}" was removed; the workbook is as it was.`, null);
  }
  // Every block and table is in place: a failure from here on leaves a complete sheet.
  try {
    sheet.getRangeByIndexes(0, 0, Math.max(1, rows), Math.max(1, ...blocks.map((b) => b.header.length))).format.autofitColumns();
    sheet.activate();
    await context.sync();
  } catch (error) {
    return { sheetName, tables, note: `All results were written; sizing the columns or switching to the sheet failed (${reason(error)}).` };
  }
  return { sheetName, tables };
}
