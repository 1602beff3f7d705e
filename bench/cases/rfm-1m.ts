/**
 * RFM on 1,000,000 transactions over 100,000 customers: `rfmSummary` (typed-array hash group-by,
 * the ISO date strings parsed inside the timed section) then `rfmScores` (5 bins). Data generated
 * first, untimed. Python counterpart: bench/python/rfm.py (pandas groupby on the same log, read
 * from CSV with parse_dates before its timed section, so pandas is not charged for parsing dates
 * and we are). Run: npx tsx bench/cases/rfm-1m.ts
 */
import * as aq from 'arquero';
import { reportCase, timeMedian } from '../harness.ts';
import { AS_OF, generateTransactions } from '../generate/transactions.ts';
import { rfmSummary } from '../../src/core/segments/rfm-summary.ts';
import { rfmScores } from '../../src/core/segments/rfm-scores.ts';

const table = aq.table(generateTransactions() as unknown as Record<string, unknown[]>);
let scored: ReturnType<typeof rfmScores> | undefined;
const ms = timeMedian(() => (scored = rfmScores(rfmSummary(table, { asOf: AS_OF }))), { repeats: 5, warmup: 1 });
const monetary = scored!.array('monetary') as Float64Array;
let total = 0;
for (let i = 0; i < monetary.length; i++) total += monetary[i];
const R = scored!.array('R') as Int32Array;
let r5 = 0;
for (let i = 0; i < R.length; i++) if (R[i] === 5) r5++;
reportCase({ ms, customers: scored!.numRows(), monetaryTotal: Math.round(total * 100) / 100, r5 });
