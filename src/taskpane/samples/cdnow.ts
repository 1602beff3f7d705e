/**
 * The CDNOW sample (Fader, Hardie & Lee 2005): 6,919 purchases by 2,357 customers of the 1997 Q1
 * cohort, bundled as text and parsed by the core's `parseCdnow`; dates shown as ISO dates.
 */
import * as aq from 'arquero';
import { parseCdnow } from '../../core/index.ts';
import type { DataSource } from '../app/data-source.ts';
import text from '../../../data/CDNOW_sample.txt';

function iso(yyyymmdd: number): string {
  const s = String(yyyymmdd);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

export function cdnowSample(): DataSource {
  const rows = parseCdnow(text);
  const table = aq.table({
    customer: rows.map((r) => r.customer),
    date: rows.map((r) => iso(r.date)),
    cds: rows.map((r) => r.cds),
    amount: rows.map((r) => r.amount),
  });
  return {
    label: `CDNOW sample (${rows.length.toLocaleString('en-US')} purchases)`,
    header: table.columnNames(),
    table,
    // Data row i is line i + 1 of the file (it has no header).
    rowNumber: (i) => i + 1,
    origin: 'sample',
  };
}
