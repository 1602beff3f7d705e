/**
 * =CRM.RFM and =CRM.ABC typed into a real formula engine (HyperFormula, see formula-engine.ts).
 *
 * Ten customers, scores worked out by hand (n = 10, h = 9k/5 = 1.8, 3.6, 5.4, 7.2):
 * - recency sorted 1 3 5 10 20 30 40 60 90 120 → breaks 4.6, 16, 34, 66 → raw 2 4 1 5 3 4 1 5 2 3,
 *   reversed R = 4 2 5 1 3 2 5 1 4 3;
 * - frequency sorted 1 1 1 2 3 4 6 8 10 12 → breaks 1, 2.6, 4.8, 8.4 → F = 5 2 4 2 3 2 5 2 4 3
 *   (no customer scores 1: the three one-time buyers tie at the first break);
 * - monetary sorted 15 20 40 80 150 300 500 700 900 1200 → breaks 36, 122, 380, 740 →
 *   M = 5 2 4 1 3 2 5 1 4 3;
 * - segments (first matching rule of DESIGN.md's table): (4,5,5) Potential Loyalist, (2,2,2)
 *   Loyal Customers, (5,4,4) Potential Loyalist, (1,2,1) Lost, (3,3,3) Potential Loyalist, (2,2,2)
 *   Loyal Customers, (5,5,5) Champions, (1,2,1) Lost, (4,4,4) Potential Loyalist, (3,3,3) Potential
 *   Loyalist;
 * - ABC on monetary (total 3905, sorted 1200 900 700 500 300 150 80 40 20 15): shares held above
 *   0, .307, .538, .717, .845, .922, .960, … → A A A A B B C C C C, i.e. in row order
 *   A C A C B C A C A B; with cutoffs 0.5 / 0.9: A C B C B C A C B C.
 */
import type { HyperFormula } from 'hyperformula';
import { cellValue, createEngine } from './formula-engine.ts';

const customers = [
  ['c01', 5, 10, 900],
  ['c02', 40, 2, 80],
  ['c03', 3, 8, 700],
  ['c04', 90, 1, 20],
  ['c05', 20, 4, 300],
  ['c06', 60, 1, 40],
  ['c07', 1, 12, 1200],
  ['c08', 120, 1, 15],
  ['c09', 10, 6, 500],
  ['c10', 30, 3, 150],
];
const R = [4, 2, 5, 1, 3, 2, 5, 1, 4, 3];
const F = [5, 2, 4, 2, 3, 2, 5, 2, 4, 3];
const M = [5, 2, 4, 1, 3, 2, 5, 1, 4, 3];
const SEGMENTS = [
  'Potential Loyalist',
  'Loyal Customers',
  'Potential Loyalist',
  'Lost',
  'Potential Loyalist',
  'Loyal Customers',
  'Champions',
  'Lost',
  'Potential Loyalist',
  'Potential Loyalist',
];

let engine: HyperFormula;
const at = (sheet: string, a1: string) => cellValue(engine, sheet, a1);

beforeAll(async () => {
  const data: unknown[][] = [['customer', 'recency', 'frequency', 'monetary'], ...customers, [null, null, null, null], [null, null, null, null], [null, null, null, null]];
  const bad: unknown[][] = [['recency', 'frequency', 'monetary'], [1, 2, 3], [7, 'many', 9], [-5, 1, 1]];
  const gap: unknown[][] = [[1, 2, 3], [4, null, 6], [1, 1, 1]];
  engine = await createEngine({
    Data: data,
    Bad: bad,
    Gap: gap,
    Rfm: [['=CRM.RFM(Data!B1:B14, Data!C1:C14, Data!D1:D14)']],
    Rfm3: [['=CRM.RFM(Data!B2:B11, Data!C2:C11, Data!D2:D11, 3)']],
    Abc: [['=CRM.ABC(Data!D1:D14)', null, '=CRM.ABC(Data!D2:D11, 0.5, 0.9)']],
    Errors: [
      ['=CRM.RFM(Gap!A1:A3, Gap!B1:B3, Gap!C1:C3)'],
      ['=CRM.RFM(Bad!A1:A3, Bad!B1:B3, Bad!C1:C3)'],
      ['=CRM.ABC(Bad!A1:A4)'],
      ['=CRM.RFM(Data!B2:B11, Data!C2:C10, Data!D2:D11)'],
      ['=CRM.ABC(Data!D2:D11, 0.9, 0.5)'],
      ['=CRM.RFM(Data!B2:B11, Data!C2:C11, Data!D2:D11, 1)'],
    ],
  });
});

describe('=CRM.RFM', () => {
  test('spills a header, R, F, M and the segment per customer, and blanks for blank rows', () => {
    expect([at('Rfm', 'A1'), at('Rfm', 'B1'), at('Rfm', 'C1'), at('Rfm', 'D1')]).toEqual(['R', 'F', 'M', 'segment']);
    customers.forEach((_, i) => {
      const row = i + 2;
      expect([at('Rfm', `A${row}`), at('Rfm', `B${row}`), at('Rfm', `C${row}`), at('Rfm', `D${row}`)]).toEqual([
        R[i],
        F[i],
        M[i],
        SEGMENTS[i],
      ]);
    });
    for (const row of [12, 13, 14]) expect(at('Rfm', `A${row}`)).toBe('');
    expect(at('Rfm', 'A15')).toBeNull(); // the spill ends with the range
  });

  test('other bin counts give R, F, M only (the named segments are defined for 5)', () => {
    // bins 3, no header: h = 3, 6 → breaks recency 10, 40; frequency 2, 6; monetary 80, 500.
    const R3 = [3, 1, 3, 1, 2, 1, 3, 1, 2, 2];
    const F3 = [3, 2, 3, 1, 2, 1, 3, 1, 3, 2];
    const M3 = [3, 2, 3, 1, 2, 1, 3, 1, 3, 2];
    customers.forEach((_, i) => {
      expect([at('Rfm3', `A${i + 1}`), at('Rfm3', `B${i + 1}`), at('Rfm3', `C${i + 1}`)]).toEqual([R3[i], F3[i], M3[i]]);
    });
    expect(at('Rfm3', 'D1')).toBeNull();
  });

  test('errors name the argument and the row', () => {
    expect(at('Errors', 'A1')).toEqual({ error: '#VALUE!', message: 'row 2: frequency is blank while the others are not' });
    expect(at('Errors', 'A2')).toEqual({
      error: '#VALUE!',
      message: 'frequency: item 3 is not a number (got "many")',
    });
    expect(at('Errors', 'A4')).toEqual({
      error: '#VALUE!',
      message: 'frequency has 9 cells but the other columns have 10; select the same customers',
    });
    // an out-of-range number is #VALUE! so that Excel shows the message (#NUM! cannot carry one)
    expect(at('Errors', 'A6')).toEqual({ error: '#VALUE!', message: 'bins must be an integer from 2 to 20 (got 1)' });
  });
});

describe('=CRM.ABC', () => {
  test('classes per customer with the default cutoffs; header and blank rows kept', () => {
    expect(at('Abc', 'A1')).toBe('class');
    expect(customers.map((_, i) => at('Abc', `A${i + 2}`))).toEqual(['A', 'C', 'A', 'C', 'B', 'C', 'A', 'C', 'A', 'B']);
    expect(at('Abc', 'A12')).toBe('');
  });

  test('custom cutoffs', () => {
    expect(customers.map((_, i) => at('Abc', `C${i + 1}`))).toEqual(['A', 'C', 'B', 'C', 'B', 'C', 'A', 'C', 'B', 'C']);
  });

  test('a negative value is named by its position in the range; bad cutoffs', () => {
    // values 1, 7, -5 below the header: the -5 is item 4 of the range
    expect(at('Errors', 'A3')).toEqual({ error: '#VALUE!', message: 'values: item 4 must be non-negative (got -5)' });
    expect(at('Errors', 'A5')).toEqual({
      error: '#VALUE!',
      message: 'b must be a share between a (0.9) and 1 (got 0.5)',
    });
  });
});
