/** Column guesses from headers and contents, and validation messages that name column and row. */
import * as aq from 'arquero';
import { guessMapping } from '../../../src/taskpane/mapping/guess.ts';
import { TRANSACTION_ROLES, VALUE_MAP_ROLES } from '../../../src/taskpane/mapping/roles.ts';
import { validateMapping } from '../../../src/taskpane/mapping/validate.ts';
import { guessSurveyMapping, validateSurvey, constructOf, ECSI_PATHS, surveyBlocks } from '../../../src/taskpane/mapping/survey.ts';
import { HOSTILE_NAMES } from '../../core/hostile-names.ts';

const sales = aq.table({
  'Customer ID': ['a', 'b', 'a', 'c'],
  Channel: ['web', 'shop', 'web', 'web'],
  'Order date': ['2024-01-01', '2024-01-03', '2024-02-01', '2024-02-03'],
  Revenue: [10, 20, 'n/a', 5],
});

test('transaction roles are guessed from header names', () => {
  expect(guessMapping(sales.columnNames(), TRANSACTION_ROLES, sales)).toEqual({
    customer: 'Customer ID',
    date: 'Order date',
    amount: 'Revenue',
  });
});

test('without telling headers, dates and numbers are guessed from the contents', () => {
  const t = aq.table({ who: ['a', 'b'], when: [19970101, '1997-01-02'], x1: ['1997-01-01', '1997-01-02'], x2: [3, 4] });
  // `when` mixes yyyymmdd numbers and ISO text: neither all dates nor all numbers, so it is skipped.
  expect(guessMapping(t.columnNames(), TRANSACTION_ROLES, t)).toEqual({ customer: null, date: 'x1', amount: 'x2' });
});

test('a bad cell is named by column and row (sheet rows when the data came from Excel)', () => {
  const mapping = { customer: 'Customer ID', date: 'Order date', amount: 'Revenue' };
  expect(validateMapping(sales, TRANSACTION_ROLES, mapping)).toEqual([
    'Column "Revenue", row 3 is not a number (got "n/a"). Amount must be a number, the purchase value.',
  ]);
  // Header on sheet row 1: data row i is sheet row i + 2.
  expect(validateMapping(sales, TRANSACTION_ROLES, mapping, { rowNumber: (i) => i + 2 })[0]).toMatch(/^Column "Revenue", row 4 is not a number/);
});

test('amount mapped to a text column: every bad row is counted, the first one shown', () => {
  const problems = validateMapping(sales, TRANSACTION_ROLES, { customer: 'Customer ID', date: 'Order date', amount: 'Channel' });
  expect(problems).toEqual(['Column "Channel", row 1 is not a number (got "web") (and 3 more rows). Amount must be a number, the purchase value.']);
});

test('dates that the core cannot read are explained with the forms it reads', () => {
  const t = aq.table({ c: ['a'], d: ['31/12/2024'], v: [1] });
  const [problem] = validateMapping(t, TRANSACTION_ROLES, { customer: 'c', date: 'd', amount: 'v' });
  expect(problem).toBe(
    'Column "d", row 1 is not a date (got "31/12/2024"); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date. Date must be a date (an Excel date, yyyy-mm-dd or yyyymmdd).',
  );
});

test('missing choices and a column used twice are reported', () => {
  const problems = validateMapping(sales, VALUE_MAP_ROLES, { offer: 'Channel', quality: null, price: 'Channel' });
  expect(problems).toContain('Choose a column for Relative quality (a number, the market-perceived quality (100 = market average)).');
  expect(problems).toContain('Offer and Relative price both use column "Channel": pick a different column for one of them.');
});

test('survey items are grouped into constructs by name; ECSI constructs get the ECSI paths', () => {
  expect(constructOf('SAT1')).toBe('Satisfaction');
  expect(constructOf('price_2')).toBe('price');
  expect(constructOf('Overall')).toBeNull();
  const survey = aq.table({ IMG1: [7, 8], QUA1: [6, 9], QUA2: [5, 10], SAT1: [8, null], LOY1: [9, 4], Comment: ['ok', 'meh'] });
  const mapping = guessSurveyMapping(survey.columnNames(), survey);
  expect(mapping.blocks).toEqual({ Image: ['IMG1'], Quality: ['QUA1', 'QUA2'], Satisfaction: ['SAT1'], Loyalty: ['LOY1'] });
  expect(mapping.paths).toEqual(ECSI_PATHS.filter(([a, b]) => a in mapping.blocks && b in mapping.blocks));
  expect(mapping.outcome).toBe('Satisfaction');
  expect(mapping.scale).toEqual({ min: 1, max: 10 });
  expect(validateSurvey(survey, mapping)).toEqual([]);
});

test('survey answers outside the scale and unconnected constructs are reported', () => {
  const survey = aq.table({ A1: [1, 5], B1: [2, 11], C1: [3, 3] });
  const mapping = { blocks: { A: ['A1'], B: ['B1'], C: ['C1'] }, paths: [['A', 'B']] as [string, string][], scale: { min: 1, max: 10 }, outcome: 'B', npsItem: null };
  expect(validateSurvey(survey, mapping)).toEqual([
    'Column "B1", row 2 is outside the scale 1–10 (got 11) (an item of B).',
    'C is in no path: connect it to another construct or unmap its items.',
  ]);
});

test.each(HOSTILE_NAMES.filter((name) => /^[A-Za-z]+$/.test(name)))('items named %s and a number make a construct like any other', (name) => {
  const items = { [`${name}1`]: [1, 2, 3, 4], [`${name}2`]: [2, 2, 4, 4], SAT1: [1, 3, 3, 5], SAT2: [2, 3, 4, 5] };
  const table = aq.table(items);
  const mapping = guessSurveyMapping(table.columnNames(), table);
  expect(Object.keys(mapping.blocks)).toEqual([name, 'Satisfaction']);
  expect(mapping.blocks[name]).toEqual([`${name}1`, `${name}2`]);
  expect(mapping.paths).toEqual([[name, 'Satisfaction']]);
  expect(validateSurvey(table, mapping)).toEqual([]);
});

test('surveyBlocks groups items by construct in first-seen order; any construct name works', () => {
  expect(surveyBlocks([['SAT1', 'SAT'], ['QUA1', 'QUA'], ['SAT2', 'SAT']])).toEqual({ SAT: ['SAT1', 'SAT2'], QUA: ['QUA1'] });
  for (const name of HOSTILE_NAMES) {
    const blocks = surveyBlocks([['a', name], ['b', 'Other'], ['c', name]]);
    expect(Object.keys(blocks)).toEqual([name, 'Other']);
    expect(blocks[name]).toEqual(['a', 'c']);
  }
});

test('a reversed survey scale is one problem, not one per item whose answers fall outside it', () => {
  const survey = aq.table({ A1: [1, 5], A2: [2, 6], B1: [2, 9], B2: [3, 3] });
  const mapping = { blocks: { A: ['A1', 'A2'], B: ['B1', 'B2'] }, paths: [['A', 'B']] as [string, string][], scale: { min: 10, max: 1 }, outcome: 'B', npsItem: null };
  expect(validateSurvey(survey, mapping)).toEqual(['The scale must run from a smaller to a larger number (it is 10–1).']);
});
