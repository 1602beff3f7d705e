import { dayNumber } from '../../../src/core/time/day-number.ts';
import { rfmScores } from '../../../src/core/segments/rfm-scores.ts';
import { rfmSegments, type RfmRule } from '../../../src/core/segments/rfm-segments.ts';
import { rfmSummary } from '../../../src/core/segments/rfm-summary.ts';
import { segmentMigration } from '../../../src/core/segments/segment-migration.ts';
import { cdnowRows } from '../lifetime/cdnow-fixture.ts';
import { errorOf } from '../error-of.ts';

type Cell = { from: string; to: string; customers: number; spend: number };
type CustomerRow = { customer: unknown; fromSegment: string; toSegment: string; spend: number };

const rows = cdnowRows();

/** Segment counts of the customers seen by `asOf`, computed directly with the RFM functions. */
function segmentCounts(asOf: string): Map<string, number> {
  const day = dayNumber(asOf, 'asOf');
  const upTo = rows.filter((r) => dayNumber(r.date, 'date') <= day);
  const segments = rfmSegments(rfmScores(rfmSummary(upTo, { asOf }))).table.array('segment') as string[];
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

function sumBy(cells: Cell[], key: 'from' | 'to', value: 'customers' | 'spend'): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cells) out.set(c[key], (out.get(c[key]) ?? 0) + c[value]);
  return out;
}

describe('segmentMigration on CDNOW (1997-01-01..1998-06-30)', () => {
  // 1997-02-15: part of the 1997 Q1 cohort has not bought yet and enters as "New".
  const FROM = '1997-02-15';
  const TO = '1998-06-30';
  const result = segmentMigration(rows, { from: FROM, to: TO });
  const cells = result.matrix.objects() as Cell[];

  test('row sums are the segment counts at from (plus New), column sums those at to', () => {
    const atFrom = segmentCounts(FROM);
    const atTo = segmentCounts(TO);
    const rowSums = sumBy(cells, 'from', 'customers');
    const columnSums = sumBy(cells, 'to', 'customers');
    for (const [segment, count] of atFrom) expect(rowSums.get(segment)).toBe(count);
    for (const [segment, count] of atTo) expect(columnSums.get(segment)).toBe(count);
    const seenByFrom = [...atFrom.values()].reduce((a, b) => a + b, 0);
    expect(rowSums.get('New')).toBe(2357 - seenByFrom);
    expect(rowSums.get('New')).toBeGreaterThan(0);
    expect(result.customers.numRows()).toBe(2357);
    // Every pair is present, zeros included.
    expect(cells.length).toBe(result.segments.from.length * result.segments.to.length);
    expect(result.segments.from.at(-1)).toBe('New');
  });

  test('spend is what was bought after from up to to: totals by cell, by customer and overall agree', () => {
    const fromDay = dayNumber(FROM, 'from');
    const toDay = dayNumber(TO, 'to');
    let total = 0;
    const byCustomer = new Map<unknown, number>();
    for (const r of rows) {
      const day = dayNumber(r.date, 'date');
      if (day > fromDay && day <= toDay) {
        total += r.amount;
        byCustomer.set(r.customer, (byCustomer.get(r.customer) ?? 0) + r.amount);
      }
    }
    const matrixTotal = cells.reduce((s, c) => s + c.spend, 0);
    expect(matrixTotal).toBeCloseTo(total, 6);
    const customers = result.customers.objects() as CustomerRow[];
    for (const c of customers) expect(c.spend).toBeCloseTo(byCustomer.get(c.customer) ?? 0, 8);
    // The cell of the New customers holds exactly their spending.
    const newSpend = customers.filter((c) => c.fromSegment === 'New').reduce((s, c) => s + c.spend, 0);
    expect(sumBy(cells, 'from', 'spend').get('New')).toBeCloseTo(newSpend, 8);
  });

  test('each customer’s segments are those of a separate scoring at each date', () => {
    const day = dayNumber(FROM, 'from');
    const upTo = rows.filter((r) => dayNumber(r.date, 'date') <= day);
    const scored = rfmSegments(rfmScores(rfmSummary(upTo, { asOf: FROM }))).table.objects() as { customer: unknown; segment: string }[];
    const bySegment = new Map(scored.map((s) => [s.customer, s.segment]));
    for (const c of result.customers.objects() as CustomerRow[]) {
      expect(c.fromSegment).toBe(bySegment.get(c.customer) ?? 'New');
    }
  });

  test('the 18 months: from the end of the calibration period to the end of the data', () => {
    const migration = segmentMigration(rows, { from: '1997-09-30', to: '1998-06-30' });
    const all = migration.matrix.objects() as Cell[];
    expect(all.reduce((s, c) => s + c.customers, 0)).toBe(2357);
    // The whole cohort had bought by 1997-03-31: nobody is New.
    expect(migration.segments.from).not.toContain('New');
    // The @example.
    expect(all[0]).toEqual({ from: 'Champions', to: 'Champions', customers: 145, spend: expect.closeTo(32288.31, 6) });
  });
});

describe('segmentMigration: small cases and bad input', () => {
  const rules: RfmRule[] = [{ name: 'Active', r: [2, 2], f: [1, 2], m: [1, 2] }];
  const log = [
    { id: '__proto__', day: '2024-01-02', value: 10 },
    { id: 'constructor', day: '2024-01-05', value: 20 },
    { id: '__proto__', day: '2024-02-20', value: 5 },
    { id: 'toString', day: '2024-02-25', value: 7 },
    { id: 'constructor', day: '2024-03-01', value: 1 },
  ];

  test('names are data; custom columns, bins and rules', () => {
    const m = segmentMigration(log, { customer: 'id', date: 'day', amount: 'value', from: '2024-01-31', to: '2024-03-01', bins: 2, rules });
    // At 2024-01-31: recencies 29 (__proto__) and 26 (constructor); breaks at the median 27.5 →
    // R 2 for constructor, 1 for __proto__: constructor Active, __proto__ Others.
    // At 2024-03-01: recencies 10, 0, 5 → break at the median 5, which scores 2 (a value scores
    // 1 + the breaks ≤ it), so R = 1, 2, 1: only constructor (F 2, M 2) is Active.
    const customers = m.customers.objects() as CustomerRow[];
    expect(customers).toEqual([
      { customer: '__proto__', fromSegment: 'Others', toSegment: 'Others', spend: 5 },
      { customer: 'constructor', fromSegment: 'Active', toSegment: 'Active', spend: 1 },
      { customer: 'toString', fromSegment: 'New', toSegment: 'Others', spend: 7 },
    ]);
    expect(m.segments).toEqual({ from: ['Active', 'Others', 'New'], to: ['Active', 'Others'] });
    expect(m.matrix.objects()).toEqual([
      { from: 'Active', to: 'Active', customers: 1, spend: 1 },
      { from: 'Active', to: 'Others', customers: 0, spend: 0 },
      { from: 'Others', to: 'Active', customers: 0, spend: 0 },
      { from: 'Others', to: 'Others', customers: 1, spend: 5 },
      { from: 'New', to: 'Active', customers: 0, spend: 0 },
      { from: 'New', to: 'Others', customers: 1, spend: 7 },
    ]);
    expect([m.from, m.to]).toEqual(['2024-01-31', '2024-03-01']);
  });

  test('bad dates and columns are named', () => {
    const options = { customer: 'id', date: 'day', amount: 'value', bins: 2, rules };
    expect(errorOf(() => segmentMigration(log, { ...options, from: '2024-03-01', to: '2024-01-31' })).message).toBe(
      'from (2024-03-01) must be before to (2024-01-31)',
    );
    expect(errorOf(() => segmentMigration(log, { ...options, from: '2023-12-31', to: '2024-01-31' })).message).toBe(
      'from (2023-12-31) is before the first transaction (2024-01-02)',
    );
    expect(errorOf(() => segmentMigration(log, { ...options, from: '2024-01-31', to: '2024-04-01' })).message).toBe(
      'to (2024-04-01) is after the last transaction (2024-03-01)',
    );
    expect(errorOf(() => segmentMigration(log, { ...options, from: 'soon', to: '2024-03-01' })).argument).toBe('from');
    expect(errorOf(() => segmentMigration(log, { from: '2024-01-31', to: '2024-03-01' })).message).toBe(
      'customer: column "customer" not found (columns: id, day, value)',
    );
    const blank = [...log, { id: '', day: '2024-02-02', value: 3 }];
    expect(errorOf(() => segmentMigration(blank, { ...options, from: '2024-01-31', to: '2024-03-01' })).message).toBe(
      'customer: column "id", row 6 is blank',
    );
    const badDate = [...log, { id: 'x', day: 'May', value: 3 }];
    expect(errorOf(() => segmentMigration(badDate, { ...options, from: '2024-01-31', to: '2024-03-01' })).message).toMatch(
      /^date: column "day", row 6 is not a date/,
    );
  });
});
