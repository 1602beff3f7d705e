/**
 * Writing results to a new sheet through an office-addin-mock workbook: the sheet gets a free
 * name (`CVK Segments (2)` when `CVK Segments` exists, whatever its case), existing sheets are
 * left exactly as they were, blocks become Excel tables, big blocks go in chunks.
 */
import { writeResultSheet, safeCell } from '../../../src/taskpane/excel/write-sheet.ts';
import { uniqueSheetName, sanitizeSheetName } from '../../../src/taskpane/excel/sheet-name.ts';
import type { ResultBlock } from '../../../src/taskpane/excel/result-block.ts';
import { fakeExcel } from './fake-excel.ts';

const block: ResultBlock = {
  title: 'RFM segments',
  header: ['customer', 'segment', 'monetary'],
  rows: [
    ['c1', 'Champions', 120.5],
    ['c2', 'Lost', 3],
  ],
};

test('a new sheet named CVK Segments, formatted as a table, existing sheets untouched', async () => {
  const own = [['my', 'data'], [1, 2]];
  const { context, book } = fakeExcel([{ name: 'Sheet1', values: own }]);
  const result = await writeResultSheet(context, 'CVK Segments', [block]);
  expect(result.sheetName).toBe('CVK Segments');
  expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'CVK Segments']);
  expect(book.sheets[0].values).toEqual(own);
  const sheet = book.sheets[1];
  expect(sheet.values).toEqual([['RFM segments'], ['customer', 'segment', 'monetary'], ['c1', 'Champions', 120.5], ['c2', 'Lost', 3]]);
  expect(sheet.tables).toEqual(['CVK Segments!A2:C4']);
  expect(sheet.activated).toBe(true);
});

test('a name clash (any case) gives CVK Segments (2), (3)… and never touches the existing sheets', async () => {
  const theirs = [['keep me']];
  const { context, book } = fakeExcel([
    { name: 'cvk segments', values: theirs },
    { name: 'CVK Segments (2)', values: [['mine too']] },
  ]);
  const result = await writeResultSheet(context, 'CVK Segments', [block]);
  expect(result.sheetName).toBe('CVK Segments (3)');
  expect(book.sheets[0].values).toEqual(theirs);
  expect(book.sheets[1].values).toEqual([['mine too']]);
  expect(book.sheets[2].values[2]).toEqual(['c1', 'Champions', 120.5]);
});

test('free names are found past the first batch of candidates', async () => {
  const taken = ['CVK Segments', ...Array.from({ length: 11 }, (_, i) => `CVK Segments (${i + 2})`)];
  const { context } = fakeExcel(taken.map((name) => ({ name, values: [['x']] })));
  const result = await writeResultSheet(context, 'CVK Segments', [block], { namesPerRequest: 5 });
  expect(result.sheetName).toBe('CVK Segments (13)');
});

test('several blocks stack with their titles; big blocks are written in chunks', async () => {
  const big: ResultBlock = {
    title: 'All customers',
    header: ['customer', 'value'],
    rows: Array.from({ length: 250 }, (_, i) => [`c${i}`, i]),
  };
  const { context, book } = fakeExcel([]);
  const result = await writeResultSheet(context, 'CVK Lifetime', [block, big], { maxCellsPerRequest: 100 });
  const sheet = book.sheets[0];
  expect(result.tables).toEqual(['CVK Lifetime!A2:C4', 'CVK Lifetime!A8:B258']);
  expect(sheet.values[6]).toEqual(['All customers']);
  expect(sheet.values[7]).toEqual(['customer', 'value']);
  expect(sheet.values[257]).toEqual(['c249', 249]);
});

test('text that Excel would take for a formula is written as text', () => {
  expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
  expect(safeCell('-5')).toBe("'-5"); // text stays text; the number -5 stays a number
  expect(safeCell(-5)).toBe(-5);
  expect(safeCell('Champions')).toBe('Champions');
  expect(safeCell(3)).toBe(3);
});

test('titles, headers and cells that look like formulas reach the sheet as text', async () => {
  const hostile: ResultBlock = {
    title: ' =HYPERLINK("http://x")',
    header: ['customer', '\t=cmd', '\uff1dSUM(A1)'],
    rows: [['\r=1+1', '\u3000@x', -5]],
  };
  const { context, book } = fakeExcel([]);
  await writeResultSheet(context, 'CVK Segments', [hostile]);
  expect(book.sheets[0].values).toEqual([
    ['\' =HYPERLINK("http://x")'],
    ['customer', "'=cmd", "'\uff1dSUM(A1)"], // header cells are trimmed (headerNames)
    ["'\r=1+1", "'\u3000@x", -5],
  ]);
});

test('sheet names are made legal and unique without regard to case', () => {
  expect(sanitizeSheetName('CVK: Value map [cars]/2024')).toBe('CVK Value map cars 2024');
  expect(sanitizeSheetName('x'.repeat(40))).toHaveLength(26);
  expect(uniqueSheetName('CVK Segments', ['cvk segments', 'CVK SEGMENTS (2)'])).toBe('CVK Segments (3)');
});
