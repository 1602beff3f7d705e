/**
 * RFM on 1,000,000 transactions over 100,000 customers: `rfmSummary` (typed-array hash group-by)
 * then `rfmScores` (5 bins). The log is built first, untimed, as the pane receives it from a
 * worksheet: customer numbers, dates as Excel serial numbers, amounts. The Python counterpart
 * (bench/python/rfm.py) reads the same seeded log from CSV with `parse_dates` before its timed
 * section, so neither side is charged for reading or parsing. Run:
 * node --require tsx/cjs bench/cases/rfm-1m.ts
 */
import * as aq from 'arquero';
import { reportCase, timeMedian } from '../harness.ts';
import { AS_OF, generateTransactions } from '../generate/transactions.ts';
import { rfmSummary } from '../../src/core/segments/rfm-summary.ts';
import { rfmScores } from '../../src/core/segments/rfm-scores.ts';

/** Excel's serial of 1970-01-01 (days are counted from 1899-12-30). */
const EXCEL_EPOCH = 25569;

const { customer, date, amount } = generateTransactions();
const serials = new Float64Array(date.length);
for (let i = 0; i < serials.length; i++) serials[i] = Date.parse(date[i]) / 86_400_000 + EXCEL_EPOCH;
date.length = 0; // the ISO strings were only the generator's way to the serials
const table = aq.table({ customer, date: serials, amount });
let scored: ReturnType<typeof rfmScores> | undefined;
const ms = timeMedian(() => (scored = rfmScores(rfmSummary(table, { asOf: AS_OF }))), { repeats: 5, warmup: 1 });
const monetary = scored!.array('monetary') as Float64Array;
let total = 0;
for (let i = 0; i < monetary.length; i++) total += monetary[i];
const R = scored!.array('R') as Int32Array;
let r5 = 0;
for (let i = 0; i < R.length; i++) if (R[i] === 5) r5++;
reportCase({ ms, customers: scored!.numRows(), monetaryTotal: Math.round(total * 100) / 100, r5 });
