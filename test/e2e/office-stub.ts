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
  /** Pictures added with `shapes.addImage` (base64 PNG), with their placement in points. */
  shapes?: StubShape[];
  /** Charts added with `charts.add`: series as range addresses. */
  charts?: StubChart[];
}

export interface StubChart {
  type: string;
  name: string;
  title: string;
  xTitle: string;
  yTitle: string;
  left: number;
  top: number;
  series: { name: string; chartType: string; x: string; y: string }[];
}

export interface StubShape {
  name: string;
  altTextTitle?: string;
  image: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The stub's cell size in points (Excel's default column width and row height). */
export const STUB_CELL = { width: 48, height: 15 };

export interface StubBook {
  sheets: StubSheet[];
  /** The selected block (zero-based) on the first sheet. */
  selection: { row: number; column: number; rows: number; columns: number };
  /** The block getSurroundingRegion returns. */
  region: { row: number; column: number; rows: number; columns: number };
  /** The document's settings (`Office.context.document.settings`), as saved by `saveAsync`. */
  settings?: Record<string, unknown>;
}

/**
 * The address suffix Office adds when it hosts the pane (Excel on Windows here): the pane loads
 * office.js only when it sees such a sign (src/taskpane/office-loader.ts).
 */
export const IN_EXCEL = '?_host_Info=Excel$Win32$16.01$en-US$$$$0';

export function officeStub(book: StubBook): string {
  return `
window.__book = ${JSON.stringify(book)};
window.Office = {
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  context: {
    document: {
      settings: (function () {
        const pending = Object.assign({}, window.__book.settings);
        return {
          get: (name) => (name in pending ? pending[name] : null),
          set: (name, value) => { pending[name] = value; },
          saveAsync: (callback) => { window.__book.settings = Object.assign({}, pending); if (callback) callback({ status: 'succeeded' }); },
        };
      })(),
    },
  },
};
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
      format: { autofitColumns() {} },
      worksheet: worksheet(sheet),
      getTables: () => ({ getCount: () => ({ value: 0 }) }),
      getSurroundingRegion: () => range(sheet, book.region.row, book.region.column, book.region.rows, book.region.columns),
      getUsedRangeOrNullObject: () => r,
    };
    // Position and size in points (Excel's default cell size), readable as in Excel only once
    // loaded and synced: reading them earlier throws PropertyNotLoaded.
    const geometry = { left: column * ${STUB_CELL.width}, top: row * ${STUB_CELL.height}, width: columns * ${STUB_CELL.width}, height: rows * ${STUB_CELL.height} };
    const loaded = new Set();
    r.load = (names) => {
      const wanted = names === undefined ? Object.keys(geometry) : (Array.isArray(names) ? names : String(names).split(',')).map((n) => n.trim());
      queued.push(() => wanted.forEach((n) => loaded.add(n)));
      return r;
    };
    for (const name of Object.keys(geometry)) {
      Object.defineProperty(r, name, {
        get: () => {
          if (!loaded.has(name)) throw new Error("PropertyNotLoaded: The property '" + name + "' is not available. Before reading the property's value, call the load method on the containing object and call \\"context.sync()\\" on the associated request context.");
          return geometry[name];
        },
      });
    }
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
      isNullObject: false,
      load() { return this; },
      getUsedRange: () => worksheet(sheet).getUsedRangeOrNullObject(),
      charts: {
        add: (type, source) => {
          const record = { type, name: '', title: '', xTitle: '', yTitle: '', left: 0, top: 0, series: [{ name: '', chartType: type, x: '', y: source.address }] };
          (sheet.charts ??= []).push(record);
          const seriesApi = (s) => ({
            set name(v) { s.name = v; },
            set chartType(v) { s.chartType = v; },
            setXAxisValues: (r) => { s.x = r.address; },
            setValues: (r) => { s.y = r.address; },
          });
          const titled = (key) => ({ title: { set text(v) { record[key] = v; } } });
          return {
            series: {
              getItemAt: (i) => seriesApi(record.series[i]),
              add: (name) => { const s = { name, chartType: type, x: '', y: '' }; record.series.push(s); return seriesApi(s); },
            },
            title: { set text(v) { record.title = v; } },
            axes: { categoryAxis: titled('xTitle'), valueAxis: titled('yTitle') },
            set name(v) { record.name = v; },
            set left(v) { record.left = v; },
            set top(v) { record.top = v; },
          };
        },
      },
      // The smallest block holding every non-blank cell. Written sheets leave rows out between
      // blocks: \`values\` may have holes (which Array.prototype.map skips) and short rows.
      getUsedRangeOrNullObject: () => {
        let top = Infinity, left = Infinity, bottom = -1, right = -1;
        Array.from(sheet.values, (cells) => Array.from(cells ?? [])).forEach((cells, i) => cells.forEach((v, j) => {
          if (v === undefined || v === null || v === '') return;
          top = Math.min(top, i); bottom = Math.max(bottom, i); left = Math.min(left, j); right = Math.max(right, j);
        }));
        if (bottom < 0) return { isNullObject: true, load() { return this; } };
        return range(sheet, top, left, bottom - top + 1, right - left + 1);
      },
      shapes: {
        get items() { return sheet.shapes ?? []; },
        load() { return this; },
        addImage: (image) => {
          if (!/^[A-Za-z0-9+/]+=*$/.test(image)) throw new Error('addImage: not base64');
          const shape = { name: '', image, left: 0, top: 0, width: 320, height: 240 };
          (sheet.shapes ??= []).push(shape);
          return shape;
        },
      },
    };
  }
  // Set window.__failSyncs = [n, …] to make the n-th sync (counted in window.__syncs) fail as
  // Excel's would; writes made before it stay (Excel may apply part of a batch), queued sheet
  // deletions are dropped.
  window.__syncs = 0;
  window.__failSyncs = [];
  let queued = [];
  const context = {
    sync: () => {
      window.__syncs += 1;
      const actions = queued;
      queued = [];
      if (window.__failSyncs.includes(window.__syncs)) return Promise.reject(new Error('InvalidOperation: sync ' + window.__syncs + ' failed'));
      actions.forEach((action) => action());
      return Promise.resolve();
    },
    workbook: {
      getSelectedRange: () => range(book.sheets[0], book.selection.row, book.selection.column, book.selection.rows, book.selection.columns),
      worksheets: {
        getItemOrNullObject: (name) => ({
          ...(find(name) ? worksheet(find(name)) : {}),
          isNullObject: !find(name),
          delete: () => queued.push(() => book.sheets.splice(book.sheets.indexOf(find(name)), 1)),
        }),
        getItem: (name) => {
          if (!find(name)) throw new Error('ItemNotFound: ' + name);
          return worksheet(find(name));
        },
        getActiveWorksheet: () => worksheet(find(book.active ?? '') ?? book.sheets[0]),
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
