/**
 * Nothing half-written: the office-addin-mock workbook fails each `context.sync()` of a write in
 * turn. Every failure either leaves the workbook as it was (the new sheet removed, and the
 * message says so) or, when it hits only the finishing step after all data and tables are in
 * place, keeps the complete sheet with a note. A retry then leaves exactly one result sheet.
 */
import { WriteFailure, writeResultSheet } from '../../../src/taskpane/excel/write-sheet.ts';
import type { ResultBlock } from '../../../src/taskpane/excel/result-block.ts';
import { fakeExcel } from './fake-excel.ts';

const blocks: ResultBlock[] = [
  { title: 'Customers', header: ['customer', 'value'], rows: Array.from({ length: 7 }, (_, i) => [`c${i}`, i * 10]) },
  { title: 'Segments', header: ['segment', 'customers'], rows: [['Champions', 3], ['Lost', 4]] },
];
const own = [['my', 'data'], [1, 2]];
// Small chunks so that the first block takes several syncs.
const options = { maxCellsPerRequest: 6 };

async function complete() {
  const { context, book } = fakeExcel([{ name: 'Sheet1', values: own }]);
  await writeResultSheet(context, 'CVK Segments', blocks, options);
  return { syncs: book.syncs, sheet: book.sheets[1] };
}

test('each sync of a write failing in turn: complete, or removed and said so; a retry leaves one sheet', async () => {
  const reference = await complete();
  // name lookup, 3 chunks + table for block 1, 1 chunk + table for block 2, finishing step
  expect(reference.syncs).toBe(8);
  for (let k = 1; k <= reference.syncs; k++) {
    const { context, book } = fakeExcel([{ name: 'Sheet1', values: own }]);
    book.failSyncs.add(k);
    const leftovers = new Set<string>();
    if (k < reference.syncs) {
      const failure = await writeResultSheet(context, 'CVK Segments', blocks, { ...options, leftovers }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(WriteFailure);
      const message = (failure as WriteFailure).message;
      expect(message).toContain(`InvalidOperation: sync ${k} failed`);
      expect(message).toMatch(k === 1 ? /Nothing was added to the workbook\.$/ : /The incomplete sheet "CVK Segments" was removed; the workbook is as it was\.$/);
      expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
      expect(book.sheets[0].values).toEqual(own);
    } else {
      const result = await writeResultSheet(context, 'CVK Segments', blocks, { ...options, leftovers });
      expect(result.note).toBe(`All results were written; sizing the columns or switching to the sheet failed (InvalidOperation: sync ${k} failed).`);
      expect(book.sheets[1].values).toEqual(reference.sheet.values);
      expect(book.sheets[1].tables).toEqual(reference.sheet.tables);
      book.sheets.pop(); // the user deletes the complete sheet before trying again
    }
    const retry = await writeResultSheet(context, 'CVK Segments', blocks, { ...options, leftovers });
    expect(retry.sheetName).toBe('CVK Segments');
    expect(retry.note).toBeUndefined();
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'CVK Segments']);
    expect(book.sheets[1].values).toEqual(reference.sheet.values);
    expect(book.sheets[1].tables).toEqual(reference.sheet.tables);
  }
});

test('when the removal fails too, the message names the sheet and the next write replaces it', async () => {
  const { context, book } = fakeExcel([{ name: 'Sheet1', values: own }]);
  const leftovers = new Set<string>();
  // Sync 3 (a data chunk) fails, and so does sync 5 (the delete after the lookup in sync 4).
  book.failSyncs.add(3).add(5);
  const failure = (await writeResultSheet(context, 'CVK Segments', blocks, { ...options, leftovers }).catch((e: unknown) => e)) as WriteFailure;
  expect(failure).toBeInstanceOf(WriteFailure);
  expect(failure.message).toBe(
    'The results could not be written (InvalidOperation: sync 3 failed), and the incomplete sheet "CVK Segments" could not be removed ' +
      '(InvalidOperation: sync 5 failed). Write again to replace it, or delete it.',
  );
  expect(failure.leftover).toBe('CVK Segments');
  expect([...leftovers]).toEqual(['CVK Segments']);
  expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'CVK Segments']);
  const retry = await writeResultSheet(context, 'CVK Segments', blocks, { ...options, leftovers });
  expect(retry.sheetName).toBe('CVK Segments');
  expect(leftovers.size).toBe(0);
  expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'CVK Segments']);
  expect(book.sheets[0].values).toEqual(own);
  expect(book.sheets[1].tables).toEqual(['CVK Segments!A2:B9', 'CVK Segments!A13:B15']);
});

test('twelve failed writes in a row leave no sheet behind', async () => {
  const { context, book } = fakeExcel([{ name: 'Sheet1', values: own }]);
  const leftovers = new Set<string>();
  for (let attempt = 0; attempt < 12; attempt++) {
    book.failSyncs.add(book.syncs + 3);
    await expect(writeResultSheet(context, 'CVK Segments', blocks, { ...options, leftovers })).rejects.toBeInstanceOf(WriteFailure);
  }
  expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});
