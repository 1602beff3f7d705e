import * as aq from 'arquero';
import { customerSummary } from '../../../src/core/lifetime/customer-summary.ts';
import { cdnowRows, cdnowSummary } from './cdnow-fixture.ts';

const sumOf = (values: ArrayLike<number>) => Array.from(values).reduce((s, v) => s + v, 0);

describe('customerSummary', () => {
  test('the documented example: two rows on one day are one purchase', () => {
    const table = customerSummary(
      [
        { customer: 'a', date: '1997-01-01', amount: 10 },
        { customer: 'a', date: '1997-01-15', amount: 20 },
        { customer: 'a', date: '1997-01-15', amount: 5 },
      ],
      { calibrationEnd: '1997-01-29' },
    );
    expect(table.objects()).toEqual([{ customer: 'a', x: 1, t_x: 2, T: 4, monetary: 25 }]);
  });

  test('holdout, time units, mixed date forms, ignored late rows and late customers', () => {
    const rows = aq.table({
      customer: ['a', 'a', 'a', 'a', 'b', 'b', 'c'],
      when: ['1997-01-01', 19970201, new Date('1997-03-01'), '19970401', 35461, '1997-01-31', '1997-03-15'],
      value: [10, 20, 30, 40, 5, 7, 99],
    });
    // b: 35461 is 1997-01-31 as an Excel serial, so b has one purchase day worth 12.
    const table = customerSummary(rows, {
      customer: 'customer',
      date: 'when',
      amount: 'value',
      calibrationEnd: '1997-02-28',
      holdoutEnd: '1997-03-31',
      timeUnit: 'day',
    });
    expect(table.objects()).toEqual([
      { customer: 'a', x: 1, t_x: 31, T: 58, monetary: 20, x_holdout: 1, monetary_holdout: 30 },
      { customer: 'b', x: 0, t_x: 0, T: 28, monetary: 0, x_holdout: 0, monetary_holdout: 0 },
    ]);
    const months = customerSummary(rows, { date: 'when', amount: 'value', calibrationEnd: '1997-02-28', timeUnit: 'month' });
    expect(months.array('T')[0]).toBeCloseTo(58 / 30.4375, 14);
  });

  test('zero and negative days: counted by default, dropped with nonPositive: "drop"', () => {
    const rows = [
      { customer: 1, date: '2020-01-01', amount: 0 },
      { customer: 1, date: '2020-01-08', amount: 50 },
      { customer: 1, date: '2020-01-15', amount: 30 },
      { customer: 1, date: '2020-01-15', amount: -30 },
      { customer: 2, date: '2020-01-02', amount: -5 },
    ];
    const counted = customerSummary(rows, { calibrationEnd: '2020-01-29' }).objects();
    expect(counted[0]).toMatchObject({ x: 2, t_x: 2, T: 4, monetary: 25 });
    expect(counted).toHaveLength(2);
    const dropped = customerSummary(rows, { calibrationEnd: '2020-01-29', nonPositive: 'drop' }).objects();
    // The $0 day and the netted-out day go; the first purchase becomes 2020-01-08.
    expect(dropped).toEqual([{ customer: 1, x: 0, t_x: 0, T: 3, monetary: 0 }]);
  });

  test('money is summed with compensation (0.1 + 0.2 + 0.3 on one day is 0.6)', () => {
    const rows = [
      { customer: 1, date: '2020-01-01', amount: 1 },
      { customer: 1, date: '2020-01-02', amount: 0.1 },
      { customer: 1, date: '2020-01-02', amount: 0.2 },
      { customer: 1, date: '2020-01-02', amount: 0.3 },
    ];
    expect(customerSummary(rows, { calibrationEnd: '2020-01-02' }).array('monetary')[0]).toBe(0.6);
  });

  test('errors name the argument, the column and the row', () => {
    const ok = [{ customer: 1, date: '2020-01-01', amount: 1 }];
    expect(() => customerSummary(ok, {} as never)).toThrow('calibrationEnd is required');
    expect(() => customerSummary(ok, { calibrationEnd: '2020-02-30' })).toThrow('calibrationEnd is not a date (got "2020-02-30"); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date');
    expect(() => customerSummary(ok, { calibrationEnd: '2020-01-31', holdoutEnd: '2020-01-01' })).toThrow(
      'holdoutEnd must be after calibrationEnd',
    );
    expect(() => customerSummary(ok, { calibrationEnd: '2020-01-31', timeUnit: 'year' as never })).toThrow(
      `timeUnit must be 'day', 'week' or 'month'`,
    );
    expect(() =>
      customerSummary([...ok, { customer: 1, date: '2020-13-01', amount: 1 }], { calibrationEnd: '2020-01-31' }),
    ).toThrow('date: column "date", row 2 is not a date (got "2020-13-01"); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date');
    expect(() =>
      customerSummary([...ok, { customer: 1, date: '2020-01-03', amount: 'ten' }], { calibrationEnd: '2020-01-31' }),
    ).toThrow('amount: column "amount", row 2 is not a number (got "ten")');
    expect(() =>
      customerSummary([...ok, { customer: null, date: '2020-01-03', amount: 1 }], { calibrationEnd: '2020-01-31' }),
    ).toThrow('customer: column "customer", row 2 is blank');
    expect(() => customerSummary(ok, { calibrationEnd: '2020-01-31', amount: 'spend' })).toThrow(
      'amount: column "spend" not found (columns: customer, date, amount)',
    );
  });

  describe('on the CDNOW sample (Fader, Hardie & Lee 2005)', () => {
    const summary = cdnowSummary();
    test('2,357 customers, 946 repeat buyers, Σx = 2,457; T at most 38.857 weeks', () => {
      const x = summary.array('x') as Int32Array;
      expect(summary.numRows()).toBe(2357);
      expect(Array.from(x).filter((v) => v > 0)).toHaveLength(946);
      expect(sumOf(x)).toBe(2457);
      expect(Math.max(...(summary.array('T') as Float64Array))).toBeCloseTo(272 / 7, 12);
    });
    test('matches an independent pandas summary', () => {
      // Computed with pandas 1.5.3 (/usr/bin/python3):
      //   g = d.groupby(['mid','date'], as_index=False).amt.sum()          # one purchase per day
      //   first = g[g.date <= '1997-09-30'].groupby('mid').date.min()
      //   rep = g[(g.date > first) & (g.date <= '1997-09-30')]; hold = g[(g.date > '1997-09-30') & (g.date <= '1998-06-30')]
      //   t_x = (rep.groupby('mid').date.max() - first).dt.days / 7; T = ('1997-09-30' - first).dt.days / 7
      //   m = rep.groupby('mid').amt.mean(); xh = hold.groupby('mid').size(); mh = hold.groupby('mid').amt.mean()
      // Σt_x = 16135.571428571428, ΣT = 77111.28571428571, Σm = 33183.64376687058,
      // Σxh = 1882, Σmh = 25495.94028183697; customer 4: x 2, t_x 30.428571, m 22.345, xh 1, mh 26.48.
      expect(sumOf(summary.array('t_x') as Float64Array)).toBeCloseTo(16135.571428571428, 8);
      expect(sumOf(summary.array('T') as Float64Array)).toBeCloseTo(77111.28571428571, 8);
      expect(sumOf(summary.array('monetary') as Float64Array)).toBeCloseTo(33183.64376687058, 8);
      expect(sumOf(summary.array('x_holdout') as Int32Array)).toBe(1882);
      expect(sumOf(summary.array('monetary_holdout') as Float64Array)).toBeCloseTo(25495.94028183697, 8);
      expect(summary.object(0)).toEqual({
        customer: 4,
        x: 2,
        t_x: 213 / 7,
        T: 272 / 7,
        monetary: 22.345,
        x_holdout: 1,
        monetary_holdout: 26.48,
      });
    });
    test('the 8 $0 rows are one-time buyers kept as customers (dropping them loses 8 customers)', () => {
      const dropped = customerSummary(cdnowRows(), { calibrationEnd: '1997-09-30', nonPositive: 'drop' });
      expect(dropped.numRows()).toBe(2349);
      expect(sumOf(dropped.array('x') as Int32Array)).toBe(2457);
    });
  });
});
