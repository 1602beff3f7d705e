/**
 * A stand-in for office.js in the browser: `Office.onReady` says Excel, and `Excel.run` works on
 * an in-memory workbook (`window.__book`) with just the calls the pane makes (selection, its
 * table / region, ranges by index, new sheets, tables). Served instead of office.js by
 * `page.route`, it lets the browser test drive the pane's Excel mode: "Use selection" and
 * "Write to new sheet".
 */
export interface StubSheet {
  name: string;
  values: unknown[][];
  formats?: string[][];
  tables?: string[];
}

export interface StubBook {
  sheets: StubSheet[];
  /** The selected block (zero-based) on the first sheet. */
  selection: { row: number; column: number; rows: number; columns: number };
  /** The block getSurroundingRegion returns. */
  region: { row: number; column: number; rows: number; columns: number };
}

/**
 * The address suffix Office adds when it hosts the pane (Excel on Windows here): the pane loads
 * office.js only when it sees such a sign (src/taskpane/office-loader.ts).
 */
export const IN_EXCEL = '?_host_Info=Excel$Win32$16.01$en-US$$$$0';

export function officeStub(book: StubBook): string {
  return `
window.__book = ${JSON.stringify(book)};
window.Office = { onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }) };
// The shared runtime also loads the custom functions bundle, which registers its functions.
window.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: {} };
(function () {
  const book = window.__book;
  const col = (i) => { let s = ''; for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
  const find = (name) => book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  function range(sheet, row, column, rows, columns) {
    const r = {
      rowIndex: row, columnIndex: column, rowCount: rows, columnCount: columns, cellCount: rows * columns,
      address: sheet.name + '!' + col(column) + (row + 1) + (rows * columns > 1 ? ':' + col(column + columns - 1) + (row + rows) : ''),
      isNullObject: false,
      load() { return r; },
      format: { autofitColumns() {} },
      worksheet: worksheet(sheet),
      getTables: () => ({ getCount: () => ({ value: 0 }) }),
      getSurroundingRegion: () => range(sheet, book.region.row, book.region.column, book.region.rows, book.region.columns),
      getUsedRangeOrNullObject: () => r,
    };
    Object.defineProperty(r, 'values', {
      get: () => Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => sheet.values[row + i]?.[column + j] ?? '')),
      set: (grid) => grid.forEach((cells, i) => cells.forEach((v, j) => { (sheet.values[row + i] ??= [])[column + j] = v; })),
    });
    Object.defineProperty(r, 'numberFormat', {
      get: () => Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => sheet.formats?.[row + i]?.[column + j] ?? 'General')),
    });
    return r;
  }
  function worksheet(sheet) {
    return {
      name: sheet.name,
      getRangeByIndexes: (row, column, rows, columns) => range(sheet, row, column, rows, columns),
      tables: { add: (r) => { (sheet.tables ??= []).push(r.address); return {}; } },
      activate: () => { book.active = sheet.name; },
    };
  }
  const context = {
    sync: () => Promise.resolve(),
    workbook: {
      getSelectedRange: () => range(book.sheets[0], book.selection.row, book.selection.column, book.selection.rows, book.selection.columns),
      worksheets: {
        getItemOrNullObject: (name) => ({ isNullObject: !find(name) }),
        add: (name) => {
          if (find(name)) throw new Error('A sheet named ' + name + ' exists');
          const sheet = { name, values: [], tables: [] };
          book.sheets.push(sheet);
          return worksheet(sheet);
        },
      },
    },
  };
  window.Excel = { run: (callback) => callback(context) };
})();
`;
}
