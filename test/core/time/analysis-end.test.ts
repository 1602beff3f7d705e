import { analysisEnd } from '../../../src/core/time/analysis-end.ts';
import { errorOf } from '../error-of.ts';

const log = ['1997-01-01', '1997-03-05', '2099-01-01', '1997-02-10', '2100-06-30'];

test('without an end: the last date on or before today, and the rows after it listed in row order', () => {
  const result = analysisEnd(log, { today: '2026-12-01', column: 'Date' });
  expect(result.end).toBe('1997-03-05');
  expect(result.source).toBe('data');
  expect(Array.from(result.lateRows)).toEqual([2, 4]);
  expect(result.lateDates).toEqual(['2099-01-01', '2100-06-30']);
  expect(result.today).toBe('2026-12-01');
});

test('a row dated today is not late; a row dated tomorrow is', () => {
  const result = analysisEnd(['2026-11-30', '2026-12-01', '2026-12-02'], { today: '2026-12-01' });
  expect(result.end).toBe('2026-12-01');
  expect(Array.from(result.lateRows)).toEqual([2]);
});

test('an end given by the user wins: rows after it are late, even when they are before today', () => {
  const result = analysisEnd(log, { end: '1997-02-28', today: '2026-12-01' });
  expect(result.end).toBe('1997-02-28');
  expect(result.source).toBe('given');
  expect(Array.from(result.lateRows)).toEqual([1, 2, 4]);
});

test('an end given in any date form the core reads (yyyymmdd, Excel serial)', () => {
  expect(analysisEnd(log, { end: 19970305, today: '2026-12-01' }).end).toBe('1997-03-05');
  // Excel serial 35494 is 1997-03-05.
  expect(analysisEnd(log, { end: 35494, today: '2026-12-01' }).end).toBe('1997-03-05');
});

test('no late rows: an empty list', () => {
  const result = analysisEnd(['1997-01-01', '1997-01-02'], { today: '2026-12-01' });
  expect(result.lateRows).toHaveLength(0);
  expect(result.end).toBe('1997-01-02');
});

test('every date after today: an error that asks for the end date, naming the column', () => {
  const error = errorOf(() => analysisEnd(['2099-01-01', '2100-01-01'], { today: '2026-12-01', column: 'Order date' }));
  expect(error.argument).toBe('end');
  expect(error.message).toBe(
    'end: every date in column "Order date" is after today (2026-12-01); give the end date of the analysis',
  );
});

test('bad input: an empty column, a bad end, a bad today, a bad date naming the row', () => {
  expect(errorOf(() => analysisEnd([], { today: '2026-12-01', column: 'Date' })).message).toBe(
    'dates: column "Date" has no dates',
  );
  expect(errorOf(() => analysisEnd(log, { end: 'soon', today: '2026-12-01' })).argument).toBe('end');
  expect(errorOf(() => analysisEnd(log, { today: 'now' })).argument).toBe('today');
  expect(errorOf(() => analysisEnd(['1997-01-01', 'n/a'], { today: '2026-12-01', column: 'Date' })).message).toContain(
    'column "Date", row 2 is not a date',
  );
});
