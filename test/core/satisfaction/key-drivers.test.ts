import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { keyDrivers } from '../../../src/core/satisfaction/key-drivers.ts';
import { errorOf } from '../error-of.ts';

// Data: test/fixtures/survey_ecsi_synthetic.csv (copied from /work/shared/data; seeded ECSI-shaped
// survey, 400 × 21). Independent numbers: test/fixtures/satisfaction_reference.json, written by
// test/fixtures/satisfaction_reference.py (numpy): np.corrcoef for the correlations, Johnson's
// weights via np.linalg.eigh, R² by np.linalg.lstsq with an intercept, and the bootstrap with
// the same mulberry32 draws and numpy "linear" (type 7) quantiles.
const fixtures = join(__dirname, '..', '..', 'fixtures');
const survey = aq.fromCSV(readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8'));
const python = JSON.parse(readFileSync(join(fixtures, 'satisfaction_reference.json'), 'utf8'));
const rows: Record<string, number>[] = (survey.objects() as Record<string, number>[]).map((row) => ({
  ...row,
  SAT: (row.SAT1 + row.SAT2 + row.SAT3) / 3,
}));
const quality = ['QUA1', 'QUA2', 'QUA3', 'QUA4', 'QUA5'];

describe('keyDrivers', () => {
  test('ECSI: mean satisfaction on the quality items matches numpy', () => {
    const result = keyDrivers(rows, 'SAT', quality);
    const expected = python.drivers;
    expect(result.rSquared).toBeCloseTo(expected.rSquared, 12);
    result.drivers.forEach((driver, j) => {
      expect(driver.driver).toBe(quality[j]);
      expect(driver.correlation).toBeCloseTo(expected.correlation[j], 12);
      expect(driver.weight).toBeCloseTo(expected.weight[j], 12);
      expect(driver.share).toBeCloseTo(expected.share[j], 10);
      expect(driver.mean).toBeCloseTo(expected.mean[j], 12);
    });
    const total = result.drivers.reduce((s, d) => s + d.weight, 0);
    expect(total).toBeCloseTo(result.rSquared, 14);
    expect(result.rows).toEqual({ total: 400, used: 400, dropped: 0, droppedRows: [] });
  });

  test('seeded bootstrap intervals match numpy with the same draws', () => {
    const options = { bootstrap: { samples: 200, seed: 7, level: 0.9 } };
    const result = keyDrivers(aq.from(rows), 'SAT', quality, options);
    const expected = python.driversBootstrap;
    result.drivers.forEach((driver, j) => {
      expect(driver.weightLower).toBeCloseTo(expected.weightLower[j], 10);
      expect(driver.weightUpper).toBeCloseTo(expected.weightUpper[j], 10);
      expect(driver.shareLower).toBeCloseTo(expected.shareLower[j], 8);
      expect(driver.shareUpper).toBeCloseTo(expected.shareUpper[j], 8);
    });
    expect(result.bootstrap).toEqual({ samples: 200, failed: 0, seed: 7, level: 0.9 });
    expect(keyDrivers(rows, 'SAT', quality, options)).toEqual(result);
  });

  test('the @example (numpy: lstsq R² 0.961169237406968; weights [0.4659532, 0.49521604])', () => {
    const small = [
      { sat: 2, price: 1, staff: 2 },
      { sat: 4, price: 3, staff: 3 },
      { sat: 5, price: 4, staff: 5 },
      { sat: 7, price: 4, staff: 6 },
      { sat: 9, price: 6, staff: 7 },
    ];
    const result = keyDrivers(small, 'sat', ['price', 'staff']);
    expect(result.rSquared).toBeCloseTo(0.961169237406968, 12);
    expect(result.drivers[0].weight).toBeCloseTo(0.4659532, 7);
    expect(result.drivers[1].weight).toBeCloseTo(0.49521604, 7);
  });

  test('blanks: listwise deletion, reported', () => {
    const blanked = rows.map((row, i) => (i === 0 ? { ...row, QUA3: null } : i === 9 ? { ...row, SAT: '' } : row));
    const result = keyDrivers(blanked, 'SAT', quality);
    expect(result.rows).toEqual({ total: 400, used: 398, dropped: 2, droppedRows: [0, 9] });
    const subset = keyDrivers(rows.filter((_, i) => i !== 0 && i !== 9), 'SAT', quality);
    expect(result.rSquared).toBeCloseTo(subset.rSquared, 14);
  });

  test('errors name the argument', () => {
    expect(errorOf(() => keyDrivers(rows, 'NOPE', quality)).message).toMatch(/^outcome: column "NOPE" not found/);
    expect(errorOf(() => keyDrivers(rows, 'SAT', ['QUA1', 'QUA9'])).message).toMatch(/^drivers: column "QUA9" not found/);
    expect(errorOf(() => keyDrivers(rows, 'SAT', [])).message).toBe('drivers must list at least one column');
    const outcome = errorOf(() => keyDrivers(rows, 'SAT', ['QUA1', 'SAT']));
    expect(outcome.message).toBe('drivers: item 2 is the outcome "SAT"; drivers must not include it');
    expect(outcome.location).toEqual({ argument: 'drivers', item: 2 });
    const twice = errorOf(() => keyDrivers(rows, 'SAT', ['QUA1', 'QUA2', 'QUA1']));
    expect(twice.message).toBe('drivers: item 3 repeats the column "QUA1"');
    expect(twice.location).toEqual({ argument: 'drivers', item: 3 });
    const constant = rows.map((row) => ({ ...row, QUA2: 7 }));
    const flat = errorOf(() => keyDrivers(constant, 'SAT', quality));
    expect(flat.message).toBe('drivers: column "QUA2" is constant (every used answer is 7)');
    expect(flat.location).toEqual({ argument: 'drivers', column: 'QUA2' });
    const samples = errorOf(() => keyDrivers(rows, 'SAT', quality, { bootstrap: { samples: 1, seed: 1 } }));
    expect(samples.message).toBe('bootstrap.samples must be an integer ≥ 2 (got 1)');
    expect(samples.location).toEqual({ argument: 'bootstrap.samples' });
    const twin = rows.map((row) => ({ ...row, COPY: row.QUA1 }));
    expect(errorOf(() => keyDrivers(twin, 'SAT', ['QUA1', 'COPY'])).message).toMatch(/^drivers are collinear/);
  });
});

describe('keyDrivers at the edges of the double range (issue #9)', () => {
  test('drivers near the largest double give the weights of their scaled-down copies, not an internal error', () => {
    const small = [
      { sat: 2, price: 1, staff: 2 },
      { sat: 4, price: 3, staff: 3 },
      { sat: 5, price: 4, staff: 5 },
      { sat: 7, price: 4, staff: 6 },
      { sat: 9, price: 6, staff: 7 },
    ];
    const huge = small.map((row) => ({ ...row, price: row.price * 1e307, staff: -row.staff * 1e307 }));
    const expected = keyDrivers(small, 'sat', ['price', 'staff']);
    const result = keyDrivers(huge, 'sat', ['price', 'staff']);
    expect(result.rSquared).toBeCloseTo(expected.rSquared, 12);
    expect(result.drivers[0].weight).toBeCloseTo(expected.drivers[0].weight, 12);
    expect(result.drivers[1].correlation).toBeCloseTo(-expected.drivers[1].correlation, 12);
    expect(result.drivers[1].mean).toBeCloseTo(-4.6e307, -293);
  });

  test('more drivers than the documented limit is an error naming drivers', () => {
    const drivers = Array.from({ length: 201 }, (_, j) => `d${j}`);
    const error = errorOf(() => keyDrivers([{ sat: 1 }], 'sat', drivers));
    expect(error.argument).toBe('drivers');
    expect(error.message).toBe('drivers has 201 drivers; at most 200 are allowed');
  });
});

test('drivers uncorrelated with the outcome: R² = 0 and every share 0, not 0/0 (issue #9)', () => {
  // outcome 2, 10, 1 and driver 9, 4, 0.5: centred cross-product −10.5 − 2.83 + 13.33 = 0 exactly
  const rows = [
    { sat: 2, price: 9 },
    { sat: 10, price: 4 },
    { sat: 1, price: 0.5 },
  ];
  const result = keyDrivers(rows, 'sat', ['price']);
  expect(result.rSquared).toBe(0);
  expect(result.drivers[0].share).toBe(0);
});
