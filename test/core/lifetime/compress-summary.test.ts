import * as aq from 'arquero';
import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { compressSpend, compressSummary } from '../../../src/core/lifetime/compress-summary.ts';
import { fitGammaGamma } from '../../../src/core/lifetime/gamma-gamma.ts';
import { fitParetoNbd } from '../../../src/core/lifetime/pareto-nbd-fit.ts';
import { seededRandom } from '../../../src/core/math/random.ts';
import { customerSummary } from '../../../src/core/lifetime/customer-summary.ts';
import { CALIBRATION_END, generateCdnowLike } from '../../../bench/generate/cdnow-like.ts';
import { cdnowSummary } from './cdnow-fixture.ts';

/**
 * A seeded CDNOW-like base (the benchmarks' generator: BG/NBD purchases and Gamma-Gamma spend
 * at the CDNOW estimates, on a daily grid), summarized as the kit does.
 */
function syntheticBase(customers: number, seed: number) {
  const log = generateCdnowLike(customers, seed);
  return customerSummary(aq.table(log as unknown as Record<string, unknown[]>), {
    calibrationEnd: CALIBRATION_END,
    timeUnit: 'week',
  });
}

/** The rows of a table in a seeded random order (a warehouse's GROUP BY promises no order). */
function shuffled<T>(rows: T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = rows.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

function expectSameFit(compressed: Record<string, number>, full: Record<string, number>, names: string[]): void {
  for (const name of [...names, 'logLikelihood']) {
    expect(relative(compressed[name], full[name])).toBeLessThan(1e-9);
  }
}

describe.each([
  ['the CDNOW sample', () => cdnowSummary()],
  ['a seeded CDNOW-like base of 5,000 customers', () => syntheticBase(5_000, 7)],
])('compressed fits on %s', (_label, makeSummary) => {
  const summary = makeSummary();
  const compressed = compressSummary(summary);
  const spend = compressSpend(summary);
  const compressedRows = compressed.objects() as Record<string, number>[];

  test('counts add up to the customers, and the distinct rows are fewer', () => {
    const counts = compressed.array('count') as Float64Array;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(summary.numRows());
    expect(compressed.numRows()).toBeLessThan(summary.numRows());
    const repeatBuyers = Array.from(summary.array('x') as ArrayLike<number>).filter((x) => x > 0).length;
    expect((spend.array('count') as Float64Array).reduce((a, b) => a + b, 0)).toBe(repeatBuyers);
  });

  test('fitBgNbd gives the same estimates and log-likelihood to 1e-9, in any row order', () => {
    const full = fitBgNbd(summary);
    expectSameFit(fitBgNbd(compressed) as never, full as never, ['r', 'alpha', 'a', 'b']);
    expectSameFit(fitBgNbd(shuffled(compressedRows, 3)) as never, full as never, ['r', 'alpha', 'a', 'b']);
    expect(fitBgNbd(compressed).customers).toBe(summary.numRows());
  });

  test('fitParetoNbd gives the same estimates and log-likelihood to 1e-9, in any row order', () => {
    const full = fitParetoNbd(summary);
    expectSameFit(fitParetoNbd(compressed) as never, full as never, ['r', 'alpha', 's', 'beta']);
    expectSameFit(fitParetoNbd(shuffled(compressedRows, 4)) as never, full as never, ['r', 'alpha', 's', 'beta']);
  });

  test('fitGammaGamma gives the same estimates and log-likelihood to 1e-9, in any row order', () => {
    const full = fitGammaGamma(summary);
    const fromSpend = fitGammaGamma(spend);
    expectSameFit(fromSpend as never, full as never, ['p', 'q', 'gamma']);
    expectSameFit(fitGammaGamma(shuffled(spend.objects(), 5)) as never, full as never, ['p', 'q', 'gamma']);
    expect(fromSpend.n).toBe(full.n);
    expect(fromSpend.excluded).toBe(full.excluded);
  });
});

describe('compressSummary details', () => {
  test('merges identical rows, sets t_x to 0 where x = 0, and adds counts when compressed again', () => {
    const rows = [
      { x: 0, t_x: 0, T: 5 },
      { x: 2, t_x: 3, T: 5 },
      { x: 0, t_x: 0, T: 5 },
      { x: 2, t_x: 3, T: 5 },
      { x: 2, t_x: 3, T: 5 },
    ];
    const once = compressSummary(rows);
    expect(once.objects()).toEqual([
      { x: 0, t_x: 0, T: 5, count: 2 },
      { x: 2, t_x: 3, T: 5, count: 3 },
    ]);
    const twice = compressSummary([...once.objects(), { x: 2, t_x: 3, T: 5, count: 4 }]);
    expect(twice.objects()).toEqual([
      { x: 0, t_x: 0, T: 5, count: 2 },
      { x: 2, t_x: 3, T: 5, count: 7 },
    ]);
  });

  test('a bad count or row is named', () => {
    expect(() => fitBgNbd([{ x: 1, t_x: 1, T: 2, count: 0 }, { x: 0, t_x: 0, T: 2, count: 1 }])).toThrow(
      'count: row 1 must be a whole number ≥ 1 (got 0)',
    );
    expect(() => compressSummary([{ x: 1, t_x: 3, T: 2 }])).toThrow('t_x: row 1 must be between 0 and T = 2 (got 3)');
    expect(() => compressSpend([{ x: 1.5, monetary: 3 }])).toThrow('x: row 1 must be a whole number ≥ 0 (got 1.5)');
  });

  test('column names that are Object.prototype members do not confuse the reader', () => {
    // JSON.parse makes "__proto__" an own property, as a CSV reader would.
    const rows = JSON.parse(
      '[{"x": 1, "t_x": 1, "T": 2, "constructor": "a", "__proto__": "c"}, {"x": 1, "t_x": 1, "T": 2, "toString": "b"}]',
    ) as unknown[];
    expect(compressSummary(rows).objects()).toEqual([{ x: 1, t_x: 1, T: 2, count: 2 }]);
  });
});
