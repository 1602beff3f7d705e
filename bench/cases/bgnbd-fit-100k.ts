/**
 * BG/NBD fit 100k: `fitBgNbd` on 100,000 customers simulated from the model itself
 * (`simulateBtydSummary`, CDNOW's parameters, ages 27–39 weeks, times in whole days as a dated
 * log gives them); the summary is built untimed. Target (issue 9): well under a second, converged.
 * Also reports a second parameter set (a ≪ b, frequent buyers) fitted once.
 * Run: npx tsx bench/cases/bgnbd-fit-100k.ts
 */
import * as aq from 'arquero';
import { reportCase, timeMedian } from '../harness.ts';
import { fitBgNbd } from '../../src/core/lifetime/bg-nbd-fit.ts';
import { simulateBtydSummary } from '../../src/core/lifetime/btyd-simulate.ts';

const CUSTOMERS = 100_000;
const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const FREQUENT = { r: 2, alpha: 10, a: 0.3, b: 5 };
const SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

const summary = (bg: typeof CDNOW) =>
  aq.table(simulateBtydSummary(CUSTOMERS, bg, SPEND, { seed: 2026, resolution: 1 / 7 }) as unknown as Record<string, Float64Array>);
const round = (v: number) => Math.round(v * 1000) / 1000;

const data = summary(CDNOW);
let fit = fitBgNbd(data);
const ms = timeMedian(() => (fit = fitBgNbd(data)), { repeats: 5, warmup: 1 });
const other = summary(FREQUENT);
const otherStart = performance.now();
const otherFit = fitBgNbd(other);
const otherMs = performance.now() - otherStart;
reportCase({
  ms,
  customers: CUSTOMERS,
  fitted: { r: round(fit.r), alpha: round(fit.alpha), a: round(fit.a), b: round(fit.b) },
  simulated: CDNOW,
  converged: fit.converged,
  iterations: fit.iterations,
  reason: fit.reason,
  secondSet: {
    ms: round(otherMs),
    simulated: FREQUENT,
    fitted: { r: round(otherFit.r), alpha: round(otherFit.alpha), a: round(otherFit.a), b: round(otherFit.b) },
    converged: otherFit.converged,
  },
});
