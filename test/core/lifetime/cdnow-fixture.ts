/** The CDNOW sample as the tests use it: read with node fs (core reads no files). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCdnow } from '../../../src/core/lifetime/cdnow.ts';
import { customerSummary } from '../../../src/core/lifetime/customer-summary.ts';

export const CDNOW_PATH = join(__dirname, '../../../data/CDNOW_sample.txt');

export function cdnowRows() {
  return parseCdnow(readFileSync(CDNOW_PATH, 'utf8'));
}

/** Fader, Hardie & Lee (2005): calibration 1997-01-01..1997-09-30 (39 weeks), holdout to 1998-06-30. */
export function cdnowSummary() {
  return customerSummary(cdnowRows(), {
    calibrationEnd: '1997-09-30',
    holdoutEnd: '1998-06-30',
    timeUnit: 'week',
  });
}
