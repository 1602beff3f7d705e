/**
 * Reader for Fader & Hardie's CDNOW sample (the 1/10 sample of the 1997 Q1 cohort used in
 * Fader, Hardie & Lee 2005). Core reads no files: callers pass the text.
 */
import { invalid } from '../messages.ts';

export interface CdnowRow {
  /** Master customer id (the file's 5-digit first column). */
  customer: number;
  /** Sample id, 1..2357. */
  sampleId: number;
  /** Purchase date as a `yyyymmdd` number, which `customerSummary` reads. */
  date: number;
  /** Number of CDs bought. */
  cds: number;
  /** Dollar value. */
  amount: number;
}

/**
 * Parses the CDNOW sample file: whitespace-separated columns master id, sample id, date
 * `yyyymmdd`, number of CDs, dollar value; no header; CRLF or LF line ends; blank lines skipped.
 *
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2); data at
 * brucehardie.com (CDNOW_sample.txt). O(n).
 *
 * @param text the file's contents
 * @returns one row object per line
 * @throws {InputError} naming the line that does not have five numeric fields
 * @example parseCdnow(' 00004 0001 19970101  2   29.33\r\n'); // => [{ customer: 4, sampleId: 1, date: 19970101, cds: 2, amount: 29.33 }]
 */
export function parseCdnow(text: string): CdnowRow[] {
  if (typeof text !== 'string') throw invalid('text', 'must be a string');
  const rows: CdnowRow[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const fields = line.split(/\s+/);
    const numbers = fields.map(Number);
    if (fields.length !== 5 || numbers.some((v) => !Number.isFinite(v))) {
      throw invalid('text', `: line ${i + 1} is not "id sampleId yyyymmdd cds amount" (${JSON.stringify(line)})`);
    }
    rows.push({ customer: numbers[0], sampleId: numbers[1], date: numbers[2], cds: numbers[3], amount: numbers[4] });
  }
  return rows;
}
