import { bgNbdPAlive } from '../../../src/core/lifetime/bg-nbd.ts';
import { customerLifetimeValue } from '../../../src/core/lifetime/btyd-clv.ts';
import { customerSummary } from '../../../src/core/lifetime/customer-summary.ts';
import { valueOverPeriods } from '../../../src/core/lifetime/value-over-periods.ts';
import { dayNumber } from '../../../src/core/time/day-number.ts';
import { errorOf } from '../error-of.ts';
import { cdnowRows } from './cdnow-fixture.ts';
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from '../../fixtures/published.ts';

type Row = {
  periodEnd: string;
  customers: number;
  activeCustomers: number;
  repeatBuyers: number;
  meanPAlive: number | null;
  expectedAlive: number | null;
  totalClv: number | null;
  meanClv: number | null;
  converged: boolean | null;
  note: string | null;
};

const rows = cdnowRows();
const CLV = { margin: 0.3, discountRate: 0.01, horizon: 52 };
const quarters = valueOverPeriods(rows, { every: 'quarter', ...CLV }).objects() as Row[];

describe('valueOverPeriods on CDNOW', () => {
  test('six quarter ends; counts of customers and of buyers in each quarter, counted directly', () => {
    expect(quarters.map((q) => q.periodEnd)).toEqual(['1997-03-31', '1997-06-30', '1997-09-30', '1997-12-31', '1998-03-31', '1998-06-30']);
    let previous = -Infinity;
    for (const q of quarters) {
      const end = dayNumber(q.periodEnd, 'end');
      const seen = new Set<unknown>();
      const active = new Set<unknown>();
      for (const r of rows) {
        const day = dayNumber(r.date, 'date');
        if (day <= end) seen.add(r.customer);
        if (day > previous && day <= end) active.add(r.customer);
      }
      expect(q.customers).toBe(seen.size);
      expect(q.activeCustomers).toBe(active.size);
      previous = end;
    }
    // The 1997 Q1 cohort: everyone bought in the first quarter.
    expect(quarters[0].customers).toBe(2357);
    expect(quarters[0].activeCustomers).toBe(2357);
  });

  test('at 1997-09-30 (Fader, Hardie & Lee’s calibration end) the values match the published models', () => {
    const q = quarters[2];
    // Published: 946 repeat buyers (Fader, Hardie & Lee 2005).
    expect(q.repeatBuyers).toBe(946);
    const summary = customerSummary(rows, { calibrationEnd: '1997-09-30', timeUnit: 'week' });
    const published = CDNOW_BG_NBD;
    const x = summary.array('x') as ArrayLike<number>;
    const tx = summary.array('t_x') as ArrayLike<number>;
    const T = summary.array('T') as ArrayLike<number>;
    let alive = 0;
    for (let i = 0; i < x.length; i++) alive += bgNbdPAlive(published, x[i], tx[i], T[i]);
    // The refit agrees with the published parameters to their 3 decimals: P(alive) to 0.2%.
    expect(q.expectedAlive! / alive).toBeCloseTo(1, 2);
    expect(q.meanPAlive).toBeCloseTo(alive / x.length, 3);
    // CLV with the published BG/NBD and Gamma-Gamma (p 6.25, q 3.74, γ 15.44, Fader & Hardie note 025).
    const clv = customerLifetimeValue(summary, published, CDNOW_GAMMA_GAMMA, { ...CLV, timeUnit: 'week' });
    const total = (clv.table.array('clv') as Float64Array).reduce((a, b) => a + b, 0);
    expect(Math.abs(q.totalClv! / total - 1)).toBeLessThan(0.01);
    expect(q.meanClv).toBeCloseTo(q.totalClv! / 2357, 10);
    expect(q.converged).toBe(true);
    expect(q.note).toBeNull();
  });

  test('the first month ends: never a NaN — a value the models cannot give is null with a note', () => {
    const months = valueOverPeriods(rows, { periodEnds: ['1997-01-31', '1997-03-31'], ...CLV }).objects() as Row[];
    for (const m of months) {
      for (const value of [m.meanPAlive, m.expectedAlive, m.totalClv, m.meanClv]) {
        expect(value === null || Number.isFinite(value)).toBe(true);
      }
    }
    // At the end of January the fitted BG/NBD has a + b < 1, where the expected purchases once came
    // out NaN for most customers (issue #9); now every customer has a finite value.
    expect(months[0].totalClv).toBeGreaterThan(0);
    expect(months[0].note).toBeNull();
    expect(months[1].totalClv).toBe(quarters[0].totalClv);
  });

  test('explicit period ends, and bad ones named', () => {
    const two = valueOverPeriods(rows, { periodEnds: ['1997-09-30', 19980630], ...CLV }).objects() as Row[];
    expect(two.map((r) => r.periodEnd)).toEqual(['1997-09-30', '1998-06-30']);
    expect(two[0].totalClv).toBe(quarters[2].totalClv);
    expect(errorOf(() => valueOverPeriods(rows, { periodEnds: ['1998-06-30', '1997-09-30'], ...CLV })).message).toBe(
      'periodEnds: item 2 (1997-09-30) is not after item 1 (1998-06-30): periodEnds must be ascending',
    );
    expect(errorOf(() => valueOverPeriods(rows, { periodEnds: ['1999-01-01'], ...CLV })).message).toBe(
      'periodEnds: item 1 (1999-01-01) is outside the data (1997-01-01 to 1998-06-30)',
    );
    expect(errorOf(() => valueOverPeriods(rows, { ...CLV })).message).toBe(
      "every must be 'month' or 'quarter' (or give periodEnds) (got undefined)",
    );
    expect(errorOf(() => valueOverPeriods(rows, { every: 'quarter', periodEnds: ['1997-09-30'], ...CLV })).argument).toBe('every');
    expect(errorOf(() => valueOverPeriods(rows, { every: 'quarter', ...CLV, margin: 30 })).argument).toBe('margin');
  });

  test('names are data (customer ids __proto__, constructor)', () => {
    const log = [
      { customer: '__proto__', date: '2024-01-03', amount: 10 },
      { customer: 'constructor', date: '2024-01-10', amount: 20 },
      { customer: '__proto__', date: '2024-02-14', amount: 12 },
      { customer: 'constructor', date: '2024-03-20', amount: 8 },
    ];
    const result = valueOverPeriods(log, { every: 'month', ...CLV }).objects() as Row[];
    expect(result.map((r) => [r.periodEnd, r.customers, r.activeCustomers, r.repeatBuyers])).toEqual([
      ['2024-01-31', 2, 2, 0],
      ['2024-02-29', 2, 1, 1],
    ]);
    // Two customers are too few to fit the models: the rows stay, with the reason.
    expect(result[1].totalClv).toBeNull();
    expect(result[1].note).toMatch(/^models not fitted: /);
  });
});
