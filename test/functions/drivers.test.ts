import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { cellValue, createEngine } from './formula-engine.ts';
import { HOSTILE_NAMES } from '../core/hostile-names.ts';

// =CRM.DRIVERS in a real formula engine (HyperFormula, see formula-engine.ts). Data: the ECSI
// fixture (test/fixtures/survey_ecsi_synthetic.csv, from /work/shared/data), outcome = mean of
// SAT1..SAT3, drivers QUA1..QUA5; expected numbers from numpy
// (test/fixtures/satisfaction_reference.py → satisfaction_reference.json).
const fixtures = join(__dirname, '..', 'fixtures');
const survey = aq.fromCSV(readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8'));
const python = JSON.parse(readFileSync(join(fixtures, 'satisfaction_reference.json'), 'utf8'));
const quality = ['QUA1', 'QUA2', 'QUA3', 'QUA4', 'QUA5'];
const records = survey.objects() as Record<string, number>[];
const sheet: unknown[][] = [
  ['SAT', ...quality],
  ...records.map((row) => [(row.SAT1 + row.SAT2 + row.SAT3) / 3, ...quality.map((q) => row[q])]),
];

describe('=CRM.DRIVERS', () => {
  // HyperFormula rounds the numbers a cell shows to 10 decimals (its precisionRounding), so the
  // cells are compared to 1e-9; the core itself matches numpy to 1e-12 (key-drivers.test.ts).
  test('spills driver, correlation, weight, share % and R² (ECSI, numpy reference)', async () => {
    const engine = await createEngine({ Survey: sheet, Out: [['=CRM.DRIVERS(Survey!A1:A401, Survey!B1:F401)']] });
    expect(cellValue(engine, 'Out', 'A1')).toBe('driver');
    expect(cellValue(engine, 'Out', 'D1')).toBe('share %');
    quality.forEach((name, j) => {
      const row = j + 2;
      expect(cellValue(engine, 'Out', `A${row}`)).toBe(name);
      expect(cellValue(engine, 'Out', `B${row}`) as number).toBeCloseTo(python.drivers.correlation[j], 9);
      expect(cellValue(engine, 'Out', `C${row}`) as number).toBeCloseTo(python.drivers.weight[j], 9);
      expect(cellValue(engine, 'Out', `D${row}`) as number).toBeCloseTo(python.drivers.share[j], 8);
    });
    expect(cellValue(engine, 'Out', 'A7')).toBe('R²');
    expect(cellValue(engine, 'Out', 'C7') as number).toBeCloseTo(python.drivers.rSquared, 9);
    expect(cellValue(engine, 'Out', 'D7')).toBe(100);
  });

  test('drivers headed __proto__, constructor, toString… are read like any other (names are data)', async () => {
    const names = HOSTILE_NAMES.slice(0, quality.length);
    const engine = await createEngine({
      Survey: [[HOSTILE_NAMES[5], ...names], ...sheet.slice(1)],
      Out: [['=CRM.DRIVERS(Survey!A1:A401, Survey!B1:F401)']],
    });
    names.forEach((name, j) => {
      expect(cellValue(engine, 'Out', `A${j + 2}`)).toBe(name);
      expect(cellValue(engine, 'Out', `C${j + 2}`) as number).toBeCloseTo(python.drivers.weight[j], 9);
    });
    expect(cellValue(engine, 'Out', 'C7') as number).toBeCloseTo(python.drivers.rSquared, 9);
  });

  test('without headers the drivers are numbered; blanks drop the respondent', async () => {
    const body = sheet.slice(1).map((row) => [...row]);
    body[4][2] = null; // a blank answer
    const engine = await createEngine({
      Survey: body,
      Out: [['=CRM.DRIVERS(Survey!A1:A400, Survey!B1:F400)']],
    });
    expect(cellValue(engine, 'Out', 'A2')).toBe('driver 1');
    expect(cellValue(engine, 'Out', 'A6')).toBe('driver 5');
    const r2 = cellValue(engine, 'Out', 'C7') as number;
    expect(r2).toBeGreaterThan(0.3);
    expect(r2).not.toBeCloseTo(python.drivers.rSquared, 6); // one respondent fewer
  });

  test('errors carry a message naming the argument', async () => {
    const text = sheet.map((row) => [...row]);
    text[3][1] = 'good';
    const engine = await createEngine({
      Survey: text,
      Clean: sheet,
      Out: [
        ['=CRM.DRIVERS(Survey!A1:A401, Survey!B1:F401)'],
        ['=CRM.DRIVERS(Clean!A1:A300, Clean!B1:F401)'],
        ['=CRM.DRIVERS(Clean!A1:B401, Clean!C1:F401)'],
      ],
    });
    expect(cellValue(engine, 'Out', 'A1')).toEqual({
      error: '#VALUE!',
      message: 'drivers: column "QUA1", row 4 is not a number (got "good")', // row 4 of the range
    });
    expect(cellValue(engine, 'Out', 'A2')).toEqual({
      error: '#VALUE!',
      message: 'outcome has 299 answers but drivers has 400 rows; select the same respondents',
    });
    expect(cellValue(engine, 'Out', 'A3')).toEqual({
      error: '#VALUE!',
      message: 'outcome must be a single column (got 2 columns)',
    });
  });
});
