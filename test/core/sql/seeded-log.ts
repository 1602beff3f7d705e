/**
 * A seeded transaction log with every case the summary queries must get right: same-day
 * duplicates, one-time buyers, purchases in a holdout period, customers whose first purchase is
 * in the holdout, rows after the holdout, amounts with cents, days that net to zero or less
 * (returns), and rows with a NULL customer, date or amount.
 */
import { seededRandom } from '../../../src/core/math/random.ts';
import { isoDate, dayNumber } from '../../../src/core/time/day-number.ts';

export interface LogRow {
  customer: string | null;
  date: string | null;
  amount: number | null;
}

export const LOG_START = '1997-01-01';
export const CALIBRATION_END = '1997-09-30';
export const HOLDOUT_END = '1998-06-30';

/** The log; `complete` leaves out the rows with a NULL (what the SQL summarises). */
export function seededLog(seed: number, customers: number): { rows: LogRow[]; complete: LogRow[] } {
  const random = seededRandom(seed);
  const start = dayNumber(LOG_START, 'start');
  const calibrationEnd = dayNumber(CALIBRATION_END, 'end');
  const span = dayNumber('1998-09-30', 'end') - start; // beyond the holdout end
  const cents = (): number => Math.round((1 + random() * 120) * 100) / 100;
  const rows: LogRow[] = [];
  for (let c = 0; c < customers; c++) {
    const id = `c${String(c).padStart(4, '0')}`;
    // Most customers start in the calibration period, some only later (late customers).
    let day = start + Math.floor(random() * (random() < 0.85 ? calibrationEnd - start + 1 : span));
    const purchases = random() < 0.4 ? 1 : 1 + Math.floor(random() * 8);
    for (let p = 0; p < purchases && day <= start + span; p++) {
      const sameDay = random() < 0.15 ? 2 + Math.floor(random() * 2) : 1;
      for (let k = 0; k < sameDay; k++) rows.push({ customer: id, date: isoDate(day), amount: cents() });
      // A return that cancels the day (net 0) or more (net negative) now and then.
      if (random() < 0.03) rows.push({ customer: id, date: isoDate(day), amount: -rows[rows.length - 1].amount! });
      day += 1 + Math.floor(random() * 90);
    }
  }
  // Purchases on the end dates themselves count: make sure some exist.
  rows.push({ customer: 'c0000', date: CALIBRATION_END, amount: 12.34 }, { customer: 'c0001', date: HOLDOUT_END, amount: 0.1 });
  const complete = rows.slice();
  rows.push(
    { customer: null, date: '1997-02-01', amount: 5 },
    { customer: 'c0002', date: null, amount: 5 },
    { customer: 'c0003', date: '1997-03-01', amount: null },
    { customer: null, date: null, amount: null },
  );
  // Shuffle so that row order carries no information.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return { rows, complete };
}
