import * as aq from 'arquero';
import { rfmSummary } from '../../../src/core/segments/rfm-summary.ts';
import { seededRandom } from '../../../src/core/math/random.ts';
import { dayNumber, isoDate } from '../../../src/core/time/day-number.ts';

describe('rfmSummary', () => {
  test('the JSDoc example', () => {
    const out = rfmSummary(
      [
        { customer: 'a', date: '2024-01-01', amount: 10 },
        { customer: 'b', date: '2024-01-20', amount: 5 },
        { customer: 'a', date: '2024-01-25', amount: 2.5 },
      ],
      { asOf: '2024-01-31' },
    );
    expect(out.objects()).toEqual([
      { customer: 'a', recency: 6, frequency: 2, monetary: 12.5 },
      { customer: 'b', recency: 11, frequency: 1, monetary: 5 },
    ]);
  });

  test('all date forms give the same day: ISO, Date, Excel serial, yyyymmdd number and string', () => {
    // 2024-01-25 is Excel serial 45316 (1900 system) and 19747 days after 1970-01-01.
    const forms = ['2024-01-25', new Date(Date.UTC(2024, 0, 25)), 45316, 20240125, '20240125', '2024-01-25T15:30:00'];
    for (const date of forms) {
      const out = rfmSummary([{ customer: 1, date, amount: 1 }], { asOf: 20240131 });
      expect(out.get('recency', 0)).toBe(6);
    }
  });

  test('the date memo never confuses dates that share a slot (same day and month, other decade) or other text forms', () => {
    // 2014-03-05 and 2024-03-05 share the memo slot; yyyymmdd strings and timestamps use it too.
    const dates = ['2024-03-05', '2014-03-05', '20240305', '2014-03-05T10:00:00', '2004-03-05', '2024-03-05', '19940305'];
    const rows = dates.map((date, i) => ({ customer: i, date, amount: 1 }));
    const out = rfmSummary([...rows, ...rows], { asOf: '2024-03-05' });
    const expected = dates.map((date) => dayNumber('2024-03-05', 'asOf') - dayNumber(date, 'date'));
    expect(Array.from(out.array('recency') as Int32Array)).toEqual(expected);
    expect(expected).toEqual([0, 3653, 0, 3653, 7305, 0, 10958]);
  });

  test('asOf defaults to the last transaction day', () => {
    const out = rfmSummary(aq.table({ customer: [1, 2, 1], date: ['2024-01-01', '2024-01-11', '2024-01-03'], amount: [1, 2, 3] }));
    expect(out.objects()).toEqual([
      { customer: 1, recency: 8, frequency: 2, monetary: 4 },
      { customer: 2, recency: 0, frequency: 1, monetary: 2 },
    ]);
  });

  test('amounts are summed with compensation (0.1 + 0.2 + 0.3 is 0.6)', () => {
    const out = rfmSummary(
      [0.1, 0.2, 0.3].map((amount) => ({ customer: 'x', date: '2024-01-01', amount })),
      { asOf: '2024-01-01' },
    );
    expect(out.get('monetary', 0)).toBe(0.6);
  });

  test('numeric and string customer ids, filtered tables, column names', () => {
    const t = aq.table({ id: [10, 20, 10, 30], day: [20240101, 20240102, 20240103, 20240104], value: ['1.5', '2', '3', '4'] });
    const out = rfmSummary(t.filter((d: { id: number }) => d.id !== 30), { customer: 'id', date: 'day', amount: 'value', asOf: 20240110 });
    expect(out.objects()).toEqual([
      { customer: 10, recency: 7, frequency: 2, monetary: 4.5 },
      { customer: 20, recency: 8, frequency: 1, monetary: 2 },
    ]);
  });

  /*
   * Cross-check against pandas 1.5.3 (Debian /usr/bin/python3), data drawn by mulberry32(99)
   * ported to Python (see rfm-scores.test.ts for the port):
   *
   *   rows = []
   *   for i in range(3000):
   *       c = 'C%03d' % math.floor(r() * 200); day = 19000 + math.floor(r() * 400)
   *       amt = math.floor(r() * 10000) / 100; rows.append((c, day, amt))
   *   df = pd.DataFrame(rows, columns=['customer', 'day', 'amount'])
   *   df['date'] = pd.to_datetime(df.day, unit='D'); asof = pd.Timestamp('2023-03-01')
   *   g = df.groupby('customer').agg(last=('date', 'max'), frequency=('date', 'size'), monetary=('amount', 'sum'))
   *   g['recency'] = (asof - g['last']).dt.days; g = g.sort_index(); w = np.arange(1, len(g) + 1)
   *   → 200 customers; Σrecency 9092, Σfrequency 3000, Σmonetary 149578.55;
   *     Σw·recency 896899, Σw·frequency 302217, Σw·monetary 14972335.75;
   *     C000: recency 22, frequency 12, monetary 683.29; C001: 82, 15, 885.92; C002: 18, 17, 819.30
   */
  test('matches pandas groupby on 3,000 transactions', () => {
    const r = seededRandom(99);
    const rows = [];
    for (let i = 0; i < 3000; i++) {
      const customer = 'C' + String(Math.floor(r() * 200)).padStart(3, '0');
      const date = isoDate(19000 + Math.floor(r() * 400));
      const amount = Math.floor(r() * 10000) / 100;
      rows.push({ customer, date, amount });
    }
    const out = rfmSummary(rows, { asOf: '2023-03-01' }).orderby('customer');
    expect(out.numRows()).toBe(200);
    const recency = out.array('recency') as number[];
    const frequency = out.array('frequency') as number[];
    const monetary = out.array('monetary') as number[];
    const weighted = (xs: number[]) => xs.reduce((s, x, i) => s + (i + 1) * x, 0);
    expect(recency.reduce((a, b) => a + b, 0)).toBe(9092);
    expect(frequency.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(monetary.reduce((a, b) => a + b, 0)).toBeCloseTo(149578.55, 6);
    expect(weighted(recency)).toBe(896899);
    expect(weighted(frequency)).toBe(302217);
    expect(weighted(monetary)).toBeCloseTo(14972335.75, 4);
    expect(out.slice(0, 3).objects()).toEqual([
      { customer: 'C000', recency: 22, frequency: 12, monetary: 683.29 },
      { customer: 'C001', recency: 82, frequency: 15, monetary: 885.92 },
      { customer: 'C002', recency: 18, frequency: 17, monetary: 819.3 },
    ]);
  });

  test('errors name the column and the row', () => {
    expect(() => rfmSummary([{ customer: 'a', date: '2024-13-01', amount: 1 }])).toThrow(
      'date: column "date", row 1 is not a date (got "2024-13-01"); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date',
    );
    expect(() =>
      rfmSummary([
        { customer: 'a', date: '2024-01-01', amount: 1 },
        { customer: '', date: '2024-01-01', amount: 1 },
      ]),
    ).toThrow('customer: column "customer", row 2 is blank');
    expect(() =>
      rfmSummary([
        { customer: 1, date: '2024-01-01', amount: 1 },
        { customer: null, date: '2024-01-01', amount: 1 },
      ]),
    ).toThrow('customer: column "customer", row 2 is blank');
    expect(() => rfmSummary([{ customer: 'a', date: '2024-01-01', amount: 'ten' }])).toThrow(
      'amount: column "amount", row 1 is not a number (got "ten")',
    );
    expect(() =>
      rfmSummary(
        [
          { customer: 'a', date: '2024-01-01', amount: 1 },
          { customer: 'a', date: '2024-02-05', amount: 1 },
        ],
        { asOf: '2024-01-31' },
      ),
    ).toThrow('date: column "date", row 2 (2024-02-05) is after asOf (2024-01-31); filter the transactions or move asOf');
    expect(() => rfmSummary([{ customer: 'a', date: '2024-01-01', amount: 1 }], { asOf: 'soon' })).toThrow('asOf is not a date (got "soon"); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date');
    // numeric ids take the direct-address path: same messages
    const numeric: Record<string, unknown>[] = [
      { customer: 7, date: '2024-01-01', amount: 1 },
      { customer: 8, date: 20240230, amount: 1 },
      { customer: 7, date: '2024-01-02', amount: 3 },
    ];
    expect(() => rfmSummary(numeric)).toThrow('date: column "date", row 2 is not a date (got 20240230); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date');
    numeric[1].date = 20240229;
    numeric[2].amount = '';
    expect(() => rfmSummary(numeric)).toThrow('amount: column "amount", row 3 is not a number (got "")');
    expect(() => rfmSummary(numeric.slice(0, 2), { asOf: 20240201 })).toThrow(
      'date: column "date", row 2 (2024-02-29) is after asOf (2024-02-01)',
    );
    expect(() =>
      rfmSummary(aq.table({ customer: [1, 2], date: [20240101, 20240102], amount: Float64Array.from([1, NaN]) })),
    ).toThrow('amount: column "amount", row 2 is not a number (got NaN)');
    expect(() => rfmSummary([{ client: 'a', date: '2024-01-01', amount: 1 }])).toThrow(
      'customer: column "customer" not found (columns: client, date, amount)',
    );
  });
});
