/**
 * The pane in a browser (issue 13): end-to-end time per view on a 1,048,576-row selection, from
 * "Use selection" to the last chart drawn. Needs the development build in dist/ and Chromium.
 */
import type { BenchCase } from './harness.ts';

export const paneCases: BenchCase[] = [
  { name: 'pane-segments-1m', script: 'bench/cases/pane-segments-1m.ts' },
  { name: 'pane-lifetime-1m', script: 'bench/cases/pane-lifetime-1m.ts' },
];
