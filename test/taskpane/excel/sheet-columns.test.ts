/**
 * SheetColumns (chunk by chunk) gives the same table as sheetValuesToTable (the whole block at
 * once) for any block, any chunking: blanks, date formats, error text, trailing blank rows.
 */
import fc from 'fast-check';
import { sheetValuesToTable } from '../../../src/taskpane/excel/cell-values.ts';
import { SheetColumns } from '../../../src/taskpane/excel/sheet-columns.ts';

const cell = fc.oneof(fc.constant(''), fc.constant(null), fc.integer({ min: 1, max: 60_000 }), fc.double({ min: -1e6, max: 2_958_465, noNaN: true }) /* Excel's dates end at serial 2,958,465 */, fc.string(), fc.constant('#N/A'));
const format = fc.constantFrom('General', 'yyyy-mm-dd', '#,##0.00', 'd-mmm', 'h:mm');

test('same header, columns and date columns as sheetValuesToTable, however the block is chunked', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 7 }), fc.infiniteStream(cell), fc.array(format, { minLength: 4, maxLength: 4 }), (columns, rows, chunk, cells, formats) => {
      const header = Array.from({ length: columns }, (_, j) => (j === 1 ? '' : `H${j % 2}`));
      const body = Array.from({ length: rows }, () => Array.from({ length: columns }, () => cells.next().value));
      if (rows > 2) body[rows - 1] = body[rows - 1].map(() => ''); // a trailing blank row
      const expected = sheetValuesToTable([header, ...body], [header.map(() => 'General'), ...body.map(() => formats.slice(0, columns))]);
      const built = new SheetColumns(header, formats.slice(0, columns));
      for (let start = 0; start < rows; start += chunk) built.add(body.slice(start, start + chunk));
      const got = built.finish();
      expect(got.header).toEqual(expected.header);
      expect(got.dateColumns).toEqual(expected.dateColumns);
      expect(got.table.numRows()).toBe(expected.table.numRows());
      for (const name of expected.header) expect(Array.from(got.table.array(name) as ArrayLike<unknown>)).toEqual(Array.from(expected.table.array(name) as ArrayLike<unknown>));
    }),
    { numRuns: 300 },
  );
});

test('columns longer than 100,000 rows stay fast arrays (grown by push, not preallocated)', () => {
  const built = new SheetColumns(['a'], ['General']);
  built.add(Array.from({ length: 150_000 }, (_, i) => [i]));
  const column = built.finish().table.array('a') as number[];
  expect(column.length).toBe(150_000);
  expect(column[149_999]).toBe(149_999);
});
