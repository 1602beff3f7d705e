/**
 * Reading the selection through an office-addin-mock workbook: the table around the selection,
 * the region around one cell, a multi-cell selection, dates recognised by their number format,
 * and a big block read in chunks.
 */
import { readSelection } from '../../../src/taskpane/excel/read-selection.ts';
import { MAX_CELLS_READ } from '../../../src/taskpane/analysis/limits.ts';
import { fakeExcel } from './fake-excel.ts';

const sales = [
  ['notes', '', '', ''],
  ['Customer', 'Date', 'Amount', 'Channel'],
  ['c1', 45292, 10.5, 'web'], // 45292 = 2024-01-01
  ['c2', 45310, 7, 'shop'],
  ['c1', 45322, '', 'web'],
];
const formats = sales.map((row, i) => row.map((_, j) => (i >= 2 && j === 1 ? 'yyyy-mm-dd' : 'General')));

test('the Excel table the selection is in is read whole, dates as ISO strings', async () => {
  const { context } = fakeExcel([{ name: 'Sales', values: sales, formats }], {
    sheet: 'Sales', row: 3, column: 2, rows: 1, columns: 1,
    table: { name: 'SalesTable', row: 1, column: 0, rows: 4, columns: 4 },
  });
  const data = await readSelection(context);
  expect(data.source).toBe('table');
  expect(data.tableName).toBe('SalesTable');
  expect(data.address).toBe('Sales!A2:D5');
  expect(data.header).toEqual(['Customer', 'Date', 'Amount', 'Channel']);
  expect(data.dateColumns).toEqual(['Date']);
  expect(data.table.objects()).toEqual([
    { Customer: 'c1', Date: '2024-01-01', Amount: 10.5, Channel: 'web' },
    { Customer: 'c2', Date: '2024-01-19', Amount: 7, Channel: 'shop' },
    { Customer: 'c1', Date: '2024-01-31', Amount: null, Channel: 'web' },
  ]);
  expect(data.firstDataRow).toBe(3);
});

test('one selected cell outside a table reads its surrounding region', async () => {
  const { context } = fakeExcel([{ name: 'Sales', values: sales, formats }], {
    sheet: 'Sales', row: 2, column: 0, rows: 1, columns: 1,
    region: { row: 1, column: 0, rows: 4, columns: 3 },
  });
  const data = await readSelection(context);
  expect(data.source).toBe('region');
  expect(data.header).toEqual(['Customer', 'Date', 'Amount']);
  expect(data.table.numRows()).toBe(3);
});

test('a multi-cell selection is read as selected; a General-formatted number stays a number', async () => {
  const { context } = fakeExcel([{ name: 'Sales', values: sales }], {
    sheet: 'Sales', row: 1, column: 1, rows: 3, columns: 2,
  });
  const data = await readSelection(context);
  expect(data.source).toBe('selection');
  expect(data.header).toEqual(['Date', 'Amount']);
  expect(data.dateColumns).toEqual([]);
  expect(data.table.array('Date')).toEqual([45292, 45310]);
});

test('a large block is read in chunks of at most maxCellsPerRequest cells', async () => {
  const rows = 1000;
  const values: unknown[][] = [['customer', 'amount']];
  for (let i = 0; i < rows; i++) values.push([`c${i % 37}`, i]);
  const { context, book } = fakeExcel([{ name: 'Big', values }], {
    sheet: 'Big', row: 0, column: 0, rows: 1, columns: 1,
    region: { row: 0, column: 0, rows: rows + 1, columns: 2 },
  });
  const data = await readSelection(context, { maxCellsPerRequest: 300 });
  expect(data.chunks).toBe(Math.ceil((rows + 1) / 150));
  expect(book.reads).toBe(data.chunks);
  expect(data.table.numRows()).toBe(rows);
  expect(data.table.get('amount', 999)).toBe(999);
  expect(data.table.get('customer', 999)).toBe(`c${999 % 37}`);
});

test('a header without data rows is explained', async () => {
  const { context } = fakeExcel([{ name: 'S', values: [['a', 'b']] }], {
    sheet: 'S', row: 0, column: 0, rows: 1, columns: 2,
  });
  await expect(readSelection(context)).rejects.toThrow('S!A1:B1 has no data rows under its header');
});

test('a block larger than the pane reads is refused before any value is read, naming its address and size', async () => {
  const values: unknown[][] = [['customer', 'amount']];
  for (let i = 0; i < 1000; i++) values.push([`c${i}`, i]);
  const { context, book } = fakeExcel([{ name: 'Big', values }], {
    sheet: 'Big', row: 0, column: 0, rows: 1, columns: 1,
    region: { row: 0, column: 0, rows: 1001, columns: 2 },
  });
  await expect(readSelection(context, { maxCells: 2000 })).rejects.toThrow(
    'Big!A1:B1001 has 2,002 cells; the pane reads at most 2,000: select only the rows and columns to analyse.',
  );
  expect(book.reads).toBe(0);
});

test('the default maximum is 4,000,000 cells (1,000,000 rows of 4 columns)', () => {
  expect(MAX_CELLS_READ).toBe(4_000_000);
});
