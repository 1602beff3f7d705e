/**
 * A small Excel workbook behind an `office-addin-mock` OfficeMockObject: sheets are grids of
 * values (and number formats); ranges handed out by `getRangeByIndexes` are mock objects added
 * under their sheet, so, as in Excel, their `values` can only be read after `load` and `sync`.
 * Writes to a range's `values` land in the sheet's grid, so a test can check what changed.
 */
import { OfficeMockObject } from 'office-addin-mock';

export type Grid = unknown[][];

export interface FakeSheet {
  name: string;
  values: Grid;
  formats: string[][];
  /** Excel tables added on this sheet: their range addresses. */
  tables: string[];
  activated: boolean;
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  /** Number of `getRangeByIndexes` value reads (the chunks). */
  reads: number;
  /** Number of `context.sync()` calls so far. */
  syncs: number;
  /**
   * The syncs (counted from 1, as `syncs`) that fail with Excel's InvalidOperation. Writes made
   * before a failing sync stay in the grid (the worst case: Excel applied part of the batch);
   * queued sheet deletions are dropped.
   */
  failSyncs: Set<number>;
}

export interface Selection {
  sheet: string;
  /** Zero-based top-left corner and size of the selection. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  /** The Excel table the selection is in, if any: its name and zero-based block. */
  table?: { name: string; row: number; column: number; rows: number; columns: number };
  /** The region `getSurroundingRegion` returns. */
  region?: { row: number; column: number; rows: number; columns: number };
}

function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(sheet: string, row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetter(column)}${row + 1}`;
  const end = `${columnLetter(column + columns - 1)}${row + rows}`;
  return `${sheet}!${rows === 1 && columns === 1 ? start : `${start}:${end}`}`;
}

function slice(grid: Grid, row: number, column: number, rows: number, columns: number, blank: unknown): unknown[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => grid[row + i]?.[column + j] ?? blank));
}

/** The mock's own methods for building the object model (typed private in its .d.ts). */
interface MockApi {
  addMock(name: string): void;
  populate(data: object): void;
  setValue(name: string, value: unknown): void;
}
const api = (mock: unknown) => mock as MockApi;

let counter = 0;
/** The address of every range mock handed out (its `address` needs load + sync to read). */
const addresses = new WeakMap<object, string>();

/** A range mock under `parent` (so the context's `sync` reaches it). */
function rangeMock(parent: OfficeMockObject, book: FakeWorkbook, sheet: FakeSheet, row: number, column: number, rows: number, columns: number): OfficeMockObject {
  const key = `range${counter++}`;
  api(parent).addMock(key);
  const range = (parent as unknown as Record<string, OfficeMockObject>)[key];
  api(range).populate({
    address: a1(sheet.name, row, column, rows, columns),
    rowIndex: row,
    columnIndex: column,
    rowCount: rows,
    columnCount: columns,
    format: { autofitColumns: () => undefined },
  });
  addresses.set(range, a1(sheet.name, row, column, rows, columns));
  // Loading `values` is a read of the sheet (counted); assigning it writes into the sheet.
  let loaded: unknown = undefined;
  api(range).setValue('values', slice(sheet.values, row, column, rows, columns, ''));
  api(range).setValue('numberFormat', slice(sheet.formats, row, column, rows, columns, 'General'));
  const mock = range as unknown as { load: (p: string) => unknown };
  const load = mock.load.bind(range);
  mock.load = (properties: string) => {
    if (properties.split(',').includes('values')) book.reads++;
    return load(properties);
  };
  Object.defineProperty(range, 'values', {
    configurable: true,
    get: () => loaded,
    set: (grid: unknown) => {
      loaded = grid;
      if (!Array.isArray(grid)) return; // the mock's load bookkeeping
      grid.forEach((cells: unknown[], i: number) =>
        cells.forEach((cell, j) => {
          (sheet.values[row + i] ??= [])[column + j] = cell;
        }),
      );
    },
  });
  // The mock's own bookkeeping assigns `values` with the (unchanged) loaded snapshot; that write
  // is harmless. Reset to "not loaded" until load + sync.
  loaded = (range as unknown as { _properties: Map<string, { _value: unknown }> })._properties.get('values')?._value;
  return range;
}

function sheetMock(parent: OfficeMockObject, key: string, book: FakeWorkbook, sheet: FakeSheet): OfficeMockObject {
  api(parent).addMock(key);
  const mock = (parent as unknown as Record<string, OfficeMockObject>)[key];
  api(mock).populate({
    name: sheet.name,
    getRangeByIndexes(this: OfficeMockObject, row: number, column: number, rows: number, columns: number) {
      return rangeMock(this, book, sheet, row, column, rows, columns);
    },
    tables: {
      add: (range: object) => {
        sheet.tables.push(addresses.get(range) ?? 'not a range');
        return {};
      },
    },
    activate: () => {
      book.sheets.forEach((s) => (s.activated = s === sheet));
    },
  });
  return mock;
}

/**
 * The request context of a workbook holding `sheets`, with `selection` selected.
 * `context.sync()` is the mock's sync.
 */
export function fakeExcel(sheets: { name: string; values: Grid; formats?: string[][] }[], selection?: Selection) {
  const book: FakeWorkbook = {
    sheets: sheets.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]), formats: s.formats ?? [], tables: [], activated: false })),
    reads: 0,
    syncs: 0,
    failSyncs: new Set(),
  };
  const find = (name: string) => book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const context = new OfficeMockObject({ workbook: { worksheets: {} } });
  const workbook = (context as unknown as { workbook: OfficeMockObject }).workbook;
  const worksheets = (workbook as unknown as { worksheets: OfficeMockObject }).worksheets;
  // Deleting a sheet is queued, as in Excel: it happens at the next sync that succeeds.
  const queued: (() => void)[] = [];
  api(worksheets).setValue('getItemOrNullObject', (name: string) => ({
    isNullObject: find(name) === undefined,
    name,
    delete: () => queued.push(() => book.sheets.splice(book.sheets.indexOf(find(name)!), 1)),
  }));
  api(worksheets).setValue('add', (name: string) => {
    if (find(name)) throw new Error(`A sheet named "${name}" already exists`);
    const sheet: FakeSheet = { name, values: [], formats: [], tables: [], activated: false };
    book.sheets.push(sheet);
    return sheetMock(worksheets, `sheet${counter++}`, book, sheet);
  });

  if (selection) {
    const sheet = find(selection.sheet);
    if (!sheet) throw new Error(`no sheet ${selection.sheet}`);
    const ws = sheetMock(workbook, `selectionSheet${counter++}`, book, sheet);
    const at = (block: { row: number; column: number; rows: number; columns: number }) =>
      rangeMock(ws, book, sheet, block.row, block.column, block.rows, block.columns);
    const selected = at(selection);
    const withSheet = (range: OfficeMockObject) => {
      (range as unknown as { worksheet: unknown }).worksheet = ws;
      api(range).setValue('cellCount', selection.rows * selection.columns);
      (range as unknown as { isNullObject: boolean }).isNullObject = false; // as in Excel: readable after sync, no load
      return range;
    };
    withSheet(selected);
    const table = selection.table;
    api(selected).setValue('getTables', () => ({
      getCount: () => ({ value: table ? 1 : 0 }),
      getFirst: () => {
        if (!table) throw new Error('ItemNotFound');
        api(workbook).addMock(`table${counter}`);
        const holder = (workbook as unknown as Record<string, OfficeMockObject>)[`table${counter++}`];
        api(holder).populate({ name: table.name });
        api(holder).setValue('getRange', () => withSheet(at(table)));
        return holder;
      },
    }));
    api(selected).setValue('getSurroundingRegion', () => withSheet(at(selection.region ?? selection)));
    api(selected).setValue('getUsedRangeOrNullObject', () => selected);
    api(workbook).setValue('getSelectedRange', () => selected);
  }
  const sync = (context as unknown as { sync: () => Promise<void> }).sync.bind(context);
  (context as unknown as { sync: () => Promise<void> }).sync = async () => {
    book.syncs++;
    const actions = queued.splice(0);
    if (book.failSyncs.has(book.syncs)) throw new Error(`InvalidOperation: sync ${book.syncs} failed`);
    actions.forEach((action) => action());
    return sync();
  };
  return { context: context as unknown as Excel.RequestContext, book };
}
