import { satisfactionLoyaltyChart } from '../../../src/core/charts/satisfaction-loyalty-chart.ts';
import { satisfactionLoyalty } from '../../../src/core/satisfaction/satisfaction-loyalty.ts';
import { compileQuietly } from './compile-quietly.ts';

jest.mock('vega', () => jest.requireActual('vega-util'));

const rows = [
  { s: 1, l: 2 }, { s: 1, l: 4 }, { s: 2, l: 5 }, { s: 3, l: 6 }, { s: 3, l: 8 },
  { s: 4, l: 9 }, { s: 5, l: 9 }, { s: 5, l: 3 }, { s: 4, l: 7 }, { s: 2, l: 1 },
];
const result = satisfactionLoyalty(rows, { satisfaction: 's', loyalty: 'l' });

describe('satisfactionLoyaltyChart', () => {
  test('compiles without warnings; the curve, cuts and the four groups with shares are in it', () => {
    const spec = satisfactionLoyaltyChart(result);
    expect(spec.layer.length).toBe(5); // the @example
    expect(compileQuietly(spec).messages).toEqual([]);
    const text = JSON.stringify(spec);
    for (const point of result.curve) expect(text).toContain(`"satisfaction":${point.satisfaction},"loyalty":${point.meanLoyalty}`);
    expect(text).toContain(`"satisfaction":${result.cuts.satisfaction},"loyalty":${result.cuts.loyalty}`);
    for (const q of result.quadrants) expect(text).toContain(`"text":"${q.quadrant} ${(q.share * 100).toFixed(0)}% (${q.count})"`);
  });

  test('a level with one respondent draws no interval (low = high = mean); options apply', () => {
    const spec = satisfactionLoyaltyChart(satisfactionLoyalty([{ s: 1, l: 1 }, { s: 2, l: 2 }], { satisfaction: 's', loyalty: 'l' }), {
      title: 'S–L',
      width: 300,
    });
    const text = JSON.stringify(spec);
    expect(text).toContain('"low":1,"high":1');
    expect(text).toContain('"title":"S–L"');
    expect(compileQuietly(spec).messages).toEqual([]);
  });
});
