/**
 * A file's grid as the pane's table: header detection, typed columns, file row numbers; CSV through
 * papaparse; result tables out as CSV and XLSX and back in through read-excel-file.
 */
import { readSheet } from 'read-excel-file/node';
import { gridToTable } from '../../../src/taskpane/files/grid-table.ts';
import { csvGrid } from '../../../src/taskpane/files/read-file.ts';
import { blocksToXlsx, blockToCsv, sheetNamesFor } from '../../../src/taskpane/files/export-tables.ts';
import type { ResultBlock } from '../../../src/taskpane/excel/result-block.ts';

test('a CSV with a header, day-first dates, currency amounts and a bad cell', () => {
  const csv = [
    'Customer;Order date;Amount',
    'C1;25/12/2023;"1.234,50 €"',
    '',
    'C2;02/01/2024;12,00 €',
    'C1;03/01/2024;n/a',
    'C3;04.01.2024;-3,5',
    'C4;05/01/2024;7',
  ].join('\r\n');
  const grid = csvGrid(`\uFEFF${csv}\r\n`);
  expect(grid).toHaveLength(7);
  const read = gridToTable(grid);
  expect(read.headerFound).toBe(true);
  expect(read.header).toEqual(['Customer', 'Order date', 'Amount']);
  expect(read.table.array('Order date')).toEqual(['2023-12-25', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
  expect(read.table.array('Amount')).toEqual([1234.5, 12, 'n/a', -3.5, 7]);
  // File rows as a spreadsheet numbers them: the blank line 3 is skipped, not renumbered.
  expect(read.rows).toEqual([2, 4, 5, 6, 7]);
  expect(read.notes).toEqual([
    'First row read as column names.',
    'Order date: dates read as day/month/year.',
    'Amount: numbers read with "," as the decimal mark (currency signs and thousands separators dropped).',
  ]);
});

test('a first row of data is no header; codes with leading zeros stay text; Date cells become ISO days', () => {
  const read = gridToTable([
    ['00123', new Date(Date.UTC(2024, 0, 5)), '$1,200.00', '__proto__'],
    ['00124', new Date(Date.UTC(2024, 1, 29)), '$15', 'x'],
  ]);
  expect(read.headerFound).toBe(false);
  expect(read.header).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4']);
  expect(read.table.array('Column 1')).toEqual(['00123', '00124']);
  expect(read.table.array('Column 2')).toEqual(['2024-01-05', '2024-02-29']);
  expect(read.table.array('Column 3')).toEqual([1200, 15]);
  expect(read.rows).toEqual([1, 2]);
});

test('names are data: a header cell __proto__ is a column like any other', () => {
  const read = gridToTable([['__proto__', 'constructor'], ['a', '1'], ['b', '2']]);
  expect(read.table.columnNames()).toEqual(['__proto__', 'constructor']);
  expect(read.table.array('__proto__')).toEqual(['a', 'b']);
  expect(read.table.array('constructor')).toEqual([1, 2]);
});

test('month-first dates with month names, and ambiguous numeric dates are flagged', () => {
  const read = gridToTable([['day', 'when'], ['Jan 5, 2024', '01/02/2024'], ['5-Feb-2024', '03/04/2024']]);
  expect(read.table.array('day')).toEqual(['2024-01-05', '2024-02-05']);
  expect(read.table.array('when')).toEqual(['2024-01-02', '2024-03-04']);
  expect(read.notes).toContain('when: dates read as month/day/year (no day above 12 tells the order: check it).');
});

const block: ResultBlock = {
  title: 'Customers: RFM scores (recency in days to 1997-09-30)',
  header: ['customer', 'monetary', 'segment'],
  rows: [['=cmd|x', 12.5, 'Champions'], ['c2', -3, 'Lost, "really"']],
};

test('CSV export: header, quoted fields, formula-like text made safe', () => {
  expect(blockToCsv(block)).toBe('customer,monetary,segment\r\n\'=cmd|x,12.5,Champions\r\nc2,-3,"Lost, ""really"""');
});

test('XLSX export: one sheet per table, title then table, read back by read-excel-file', async () => {
  const second: ResultBlock = { title: 'ABC classes', header: ['class', 'customers'], rows: [['A', 10], ['B', 5]] };
  expect(sheetNamesFor([block, second, second])).toEqual(['Customers', 'ABC classes', 'ABC classes (2)']);
  const blob = await blocksToXlsx([block, second]);
  const bytes = Buffer.from(await blob.arrayBuffer());
  const first = await readSheet(bytes, 1);
  expect(first).toEqual([[block.title, null, null], ['customer', 'monetary', 'segment'], ["'=cmd|x", 12.5, 'Champions'], ['c2', -3, 'Lost, "really"']]);
  expect(await readSheet(bytes, 'ABC classes')).toEqual([['ABC classes', null], ['class', 'customers'], ['A', 10], ['B', 5]]);
});
