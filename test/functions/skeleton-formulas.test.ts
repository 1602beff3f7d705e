/**
 * The skeleton formulas typed into a real formula engine (HyperFormula, with the CRM functions
 * registered from their generated metadata), over sheets with blanks and text.
 */
import type { HyperFormula } from 'hyperformula';
import { cellValue, createEngine } from './formula-engine.ts';

/**
 * Survey: 100 respondents x 5 items, item j of respondent i = 1 + ((i + j) mod 10), so every item
 * holds each answer 1..10 ten times: mean 5.5, i.e. (5.5 − 1)/9·100 = 50 on the 0–100 scale.
 * Item 1 is blank for every tenth respondent (i ≡ 0 mod 10, whose answer would have been 2):
 * its mean becomes (550 − 10·2)/90 = 5.8889, index (5.8889 − 1)/9·100 = 54.3210.
 * With weights 40/30/10/5/15 the CSI is 0.40·54.3210 + 0.60·50 = 51.7284 (hand computation).
 */
function surveySheet(): unknown[][] {
  const rows: unknown[][] = [['Q1', 'Q2', 'Q3', 'Q4', 'Q5', '', 'weight']];
  for (let i = 1; i <= 100; i++) {
    const answers = [1, 2, 3, 4, 5].map((j) => 1 + ((i + j) % 10));
    if (i % 10 === 0) answers[0] = null as unknown as number;
    rows.push([...answers, null, [40, 30, 10, 5, 15][i - 1] ?? null]);
  }
  return rows;
}

let engine: HyperFormula;

beforeAll(async () => {
  const survey = surveySheet();
  const withText = surveySheet();
  withText[3][2] = 'n/a'; // row 3 of the range A2:E101, column 3
  engine = await createEngine({
    Survey: survey,
    Text: withText,
    Gale: [
      // Gale's price profile (car example): weights 60/20/10/10, ours 9/6/9/7, competitor 7/6/8/7.
      ['weight', 'ours', 'competitor', 'rounded ratio', 'one'],
      [60, 9, 7, 1.29, 1],
      [20, 6, 6, 1.0, 1],
      [10, 9, 8, 1.13, 1],
      [10, 7, 7, 1.0, 1],
      [-5, 'x', 0, null, null],
    ],
    Formulas: [
      ['=CRM.CSI(Survey!A2:E101, Survey!G2:G6)'],
      ['=CRM.CSI(Survey!A2:E101)'],
      ['=CRM.CSI(Text!A2:E101, Text!G2:G6)'],
      ['=CRM.CSI(Survey!A2:E101, Survey!G2:G5)'],
      ['=CRM.CSI(Survey!A2:E101, , 10, 1)'],
      ['=CRM.RELATIVE(Gale!B2:B5, Gale!C2:C5, Gale!A2:A5)'],
      ['=CRM.RELATIVE(Gale!D2:D5, Gale!E2:E5, Gale!A2:A5)'],
      ['=CRM.QUALITYLEVEL(Gale!B2:B5, Gale!A2:A5)'],
      ['=CRM.PRICELEVEL(Gale!B2:B6, Gale!A2:A6)'],
      ['=CRM.QUALITYLEVEL(Gale!B2:B5, Gale!A3:A6)'],
      ['=CRM.CLV(100, 0.8, 0.1)'],
      ['=CRM.CLV(100, 0.8, 0.1, 2, 50)'],
      ['=CRM.CLV(100, 0.95, 0.1)'],
      ['=CRM.CLV(100, 1.2, 0.1)'],
      ['=CRM.NPS(Survey!A2:E101)'],
      ['=CRM.LOYALTY(0.8, 0.9, 0.5)'],
      ['=CRM.LOYALTY("high", 0.9, 0.5)'],
      ['=CRM.CSI(Survey!F2:F20)'],
      ['=CRM.RELATIVE(Gale!B2:B5, Gale!C2:C6, Gale!A2:A5)'],
      ['=CRM.CLV(100, 1, 0)'],
    ],
  });
});

const at = (row: number) => cellValue(engine, 'Formulas', `A${row}`);

test('CSI over a range with blanks, with weights (hand-computed 51.7284)', () => {
  expect(at(1)).toBeCloseTo(0.4 * ((530 / 90 - 1) / 9) * 100 + 0.6 * 50, 10);
  expect(at(1)).toBeCloseTo(51.7284, 4);
});

test('CSI with equal weights: (54.3210 + 4·50)/5 = 50.8642', () => {
  expect(at(2)).toBeCloseTo(50.8642, 4);
});

test('text in the scores is #VALUE! naming the argument and the cell', () => {
  expect(at(3)).toEqual({ error: '#VALUE!', message: 'scores: row 3, column 3 is not a number (got "n/a")' });
});

test('weights of the wrong length are #VALUE! naming weights', () => {
  expect(at(4)).toMatchObject({ error: '#VALUE!' });
  expect((at(4) as { message: string }).message).toMatch(/weights/);
});

test('a scale whose max is not above its min is #VALUE!', () => {
  expect(at(5)).toMatchObject({ error: '#VALUE!' });
  expect((at(5) as { message: string }).message).toMatch(/scaleMax/);
});

test("Gale's price profile: exact ratio 118.39, book ratio from rounded ratios 118.7", () => {
  // 100·(0.6·9/7 + 0.2·1 + 0.1·9/8 + 0.1·1) = 118.3929 (exact); book: 100·(0.6·1.29 + 0.2 + 0.1·1.13 + 0.1) = 118.7
  expect(at(6)).toBeCloseTo(118.3929, 4);
  expect(at(7)).toBeCloseTo(118.7, 10);
});

test('quality and price levels are weighted averages; bad weights and shapes are #VALUE!', () => {
  expect(at(8)).toBeCloseTo((60 * 9 + 20 * 6 + 10 * 9 + 10 * 7) / 100, 12);
  expect(at(9)).toMatchObject({ error: '#VALUE!' }); // -5 weight and 'x' score
  expect(at(10)).toMatchObject({ error: '#VALUE!' });
});

test('CLV: m r/(1+d−r) = 2.667 m at r = 0.8, d = 0.1; finite horizon minus acquisition cost', () => {
  expect(at(11)).toBeCloseTo((100 * 0.8) / 0.3, 10);
  expect(at(12)).toBeCloseTo(100 * (0.8 / 1.1 + 0.64 / 1.21) - 50, 10);
  expect(at(13)).toBeCloseTo((100 * 0.95) / 0.15, 10);
  expect(at(14)).toMatchObject({ error: '#VALUE!' });
  expect((at(14) as { message: string }).message).toMatch(/retention/);
  expect(at(20)).toEqual({
    error: '#VALUE!',
    message: 'retention must be below 1 + discount for an infinite horizon (retention 1, discount 0): the sum diverges',
  });
});

test('NPS over a whole range, blanks skipped', () => {
  // 490 answers: values 1..10 fifty times each except ten 2s blanked → promoters 9,10: 100;
  // detractors 0..6: 300 − 10 = 290 → (100 − 290)/490 = −38.7755
  expect(at(15)).toBeCloseTo(((100 - 290) / 490) * 100, 10);
});

test('LOYALTY multiplies; text is #VALUE! naming the argument', () => {
  expect(at(16)).toBeCloseTo(0.36, 12);
  expect(at(17)).toEqual({ error: '#VALUE!', message: 'attractiveness is not a number (got "high")' });
});

test('an empty range and mismatched shapes are #VALUE! with a message', () => {
  expect(at(18)).toEqual({ error: '#VALUE!', message: 'scores is empty' });
  expect(at(19)).toMatchObject({ error: '#VALUE!' });
  expect((at(19) as { message: string }).message).toMatch(/competitors|ours/);
});
