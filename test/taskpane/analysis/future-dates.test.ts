/**
 * Future-dated rows (issue 9, item 5): one row dated 2099-01-01 moved the calibration end of the
 * whole CDNOW log (total CLV 20,390 → 18.81, mean P(alive) 0.787 → 0.518) without a word. The
 * default end is now the last date on or before today; later rows are left out and reported with
 * their sheet rows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { parseCdnow } from '../../../src/core/index.ts';
import { lateRowsNote } from '../../../src/taskpane/analysis/data-notes.ts';
import { localToday, withoutRows } from '../../../src/taskpane/analysis/dates.ts';
import { runLifetime } from '../../../src/taskpane/analysis/lifetime.ts';
import { runSegments } from '../../../src/taskpane/analysis/segments.ts';

const mapping = { customer: 'customer', date: 'date', amount: 'amount' };
const TODAY = '2026-12-01';

function cdnow(extra: { customer: number; date: string; amount: number }[] = []) {
  const rows = parseCdnow(fs.readFileSync(path.join(__dirname, '../../../data/CDNOW_sample.txt'), 'utf8'));
  const iso = (d: number) => `${String(d).slice(0, 4)}-${String(d).slice(4, 6)}-${String(d).slice(6)}`;
  return aq.table({
    customer: [...rows.map((r) => r.customer), ...extra.map((r) => r.customer)],
    date: [...rows.map((r) => iso(r.date)), ...extra.map((r) => r.date)],
    amount: [...rows.map((r) => r.amount), ...extra.map((r) => r.amount)],
  });
}

function totalClv(result: ReturnType<typeof runLifetime>): number {
  return Array.from(result.clv.table.array('clv') as ArrayLike<number>).reduce((s, v) => s + v, 0);
}

const options = { margin: 0.3, monthlyDiscount: 0.01, months: 12, today: TODAY };

test('lifetime: a row dated 2099 neither moves the calibration end nor changes any number; it is reported', () => {
  const clean = runLifetime(cdnow(), mapping, options);
  // Customer 1 buys again in 2099: before the fix this one row moved T of every customer to 2099.
  const dirty = runLifetime(cdnow([{ customer: 1, date: '2099-01-01', amount: 10 }]), mapping, options);
  expect(clean.calibrationEnd).toBe('1998-06-30');
  expect(dirty.calibrationEnd).toBe('1998-06-30');
  expect(totalClv(dirty)).toBe(totalClv(clean));
  expect(dirty.bgNbd).toEqual(clean.bgNbd);
  expect(Array.from(dirty.window.lateRows)).toEqual([6919]);
  expect(dirty.window.lateDates).toEqual(['2099-01-01']);
  expect(dirty.transactions).toBe(6919);
  expect(clean.window.lateRows).toHaveLength(0);
});

test('segments: a row dated 2099 no longer moves "as of" (nor throws); it is left out and reported', () => {
  const clean = runSegments(cdnow(), mapping, { bins: 5, ties: 'quantile', today: TODAY });
  const dirty = runSegments(cdnow([{ customer: 1, date: '2099-01-01', amount: 10 }]), mapping, { bins: 5, ties: 'quantile', today: TODAY });
  expect(dirty.asOf).toBe('1998-06-30');
  expect(dirty.transactions).toBe(6919);
  expect(dirty.customers.objects()).toEqual(clean.customers.objects());
  expect(dirty.window.lateDates).toEqual(['2099-01-01']);
});

test('segments with an "as of" the user gives: the later rows are left out, not an error', () => {
  const result = runSegments(cdnow(), mapping, { bins: 5, ties: 'quantile', asOf: '1997-12-31', today: TODAY });
  expect(result.asOf).toBe('1997-12-31');
  expect(result.window.source).toBe('given');
  expect(result.transactions + result.window.lateRows.length).toBe(6919);
  expect(result.window.lateRows.length).toBeGreaterThan(0);
});

test('the note names the column, the end and the sheet rows of the first five late rows', () => {
  const window = {
    end: '1998-06-30',
    source: 'data' as const,
    today: TODAY,
    lateRows: Int32Array.from([3, 7, 8, 9, 10, 11, 12]),
    lateDates: ['2099-01-01', '2099-01-02', '2099-01-03', '2099-01-04', '2099-01-05', '2099-01-06', '2099-01-07'],
  };
  // Sheet rows: the header is on row 1, data from row 2.
  expect(lateRowsNote(window, 'Order date', (i) => i + 2)).toBe(
    'Column "Order date": 7 rows dated after 1998-06-30 (the last date on or before today, 2026-12-01) are left out: ' +
      'row 5 (2099-01-01), row 9 (2099-01-02), row 10 (2099-01-03), row 11 (2099-01-04), row 12 (2099-01-05) and 2 more.',
  );
  expect(lateRowsNote({ ...window, source: 'given', lateRows: Int32Array.from([0]), lateDates: ['1999-01-01'] }, 'Date', (i) => i + 2, 'the calibration end')).toBe(
    'Column "Date": 1 row dated after the calibration end, 1998-06-30, is left out: row 2 (1999-01-01).',
  );
  expect(lateRowsNote({ ...window, lateRows: new Int32Array(0), lateDates: [] }, 'Date', (i) => i + 2)).toBeNull();
});

test("today is the analyst's calendar day, not the UTC day", () => {
  // 00:30 local time on 2 December: still 1 December in UTC east of Greenwich, but today is the 2nd.
  expect(localToday(new Date(2026, 11, 2, 0, 30))).toBe('2026-12-02');
  expect(localToday(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
});

test('withoutRows keeps the other rows in order, typed columns typed, and works with any column name', () => {
  const table = aq.table(new Map<string, ArrayLike<unknown>>([
    ['constructor', ['a', 'b', 'c', 'd']],
    ['x', Int32Array.from([1, 2, 3, 4])],
    ['y', Float64Array.from([0.5, 1.5, 2.5, 3.5])],
  ]) as never);
  const out = withoutRows(table, Int32Array.from([0, 2]));
  expect(out.columnNames()).toEqual(['constructor', 'x', 'y']);
  expect(Array.from(out.array('constructor') as ArrayLike<unknown>)).toEqual(['b', 'd']);
  expect(out.column('x')).toBeInstanceOf(Int32Array);
  expect(Array.from(out.array('x') as ArrayLike<number>)).toEqual([2, 4]);
  expect(out.column('y')).toBeInstanceOf(Float64Array);
  expect(Array.from(out.array('y') as ArrayLike<number>)).toEqual([1.5, 3.5]);
  expect(withoutRows(table, new Int32Array(0))).toBe(table);
});
