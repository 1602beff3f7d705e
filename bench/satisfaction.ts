/**
 * Satisfaction modeling benchmarks (PLS path models on seeded ECSI-shaped surveys from
 * `bench/generate/survey.ts`). No Python counterpart: Debian has no PLS-PM library, and a numpy
 * port of the algorithm would time numpy, not a tool an analyst would use.
 */
import type { BenchCase } from './harness.ts';

export const satisfactionCases: BenchCase[] = [
  { name: 'pls-250x24', script: 'bench/cases/pls-250x24.ts', target: 20 },
  { name: 'pls-100k', script: 'bench/cases/pls-100k.ts', target: 1000 },
  { name: 'distinctive-terms-100k', script: 'bench/cases/distinctive-terms-100k.ts', target: 2000 },
];
