/**
 * The Value map view over two surveys: the map is the later survey's, and each offer's movement is
 * the core's `valueMapMovement` of the two surveys' maps; checked on hand-computed distances.
 */
import * as aq from 'arquero';
import { valueMap, valueMapMovement } from '../../../src/core/index.ts';
import { guessSurveyColumn, runValueMapOverTime } from '../../../src/taskpane/analysis/value-map-movement.ts';

const mapping = { offer: 'offer', quality: 'quality', price: 'price' };
const options = { line: 'fair', tolerance: 3 } as const;

test('the map is the later survey; ten points more quality at the same price moves 10/√2 towards better value', () => {
  const table = aq.table({
    year: ['2023', '2023', '2024', '2024'],
    offer: ['Us', '__proto__', 'Us', '__proto__'],
    quality: [100, 105, 110, 100],
    price: [100, 100, 100, 110],
  });
  const run = runValueMapOverTime(table, mapping, options, { survey: 'year', before: '2023', after: '2024' });
  expect(run.table.objects()).toEqual(valueMap([{ offer: 'Us', quality: 110, price: 100 }, { offer: '__proto__', quality: 100, price: 110 }], undefined, { tolerance: 3 }).table.objects());
  const rows = run.movement!.table.objects() as { offer: string; distanceChange: number; movement: string }[];
  expect(rows.map((r) => r.offer)).toEqual(['Us', '__proto__']);
  // Distance to the line price = quality (through 100/100) is (quality − price)/√2.
  expect(rows[0].distanceChange).toBeCloseTo(10 / Math.SQRT2, 12);
  expect(rows[0].movement).toBe('towards better value');
  expect(rows[1].distanceChange).toBeCloseTo((-10 - 5) / Math.SQRT2, 12);
  expect(rows[1].movement).toBe('towards worse value');
  expect(run.movement!.table.objects()).toEqual(valueMapMovement(run.movement!.before, run).objects());
});

test('without a survey column the map is of all rows and there is no movement', () => {
  const table = aq.table({ offer: ['A', 'B'], quality: [100, 120], price: [100, 90] });
  const run = runValueMapOverTime(table, mapping, options, null);
  expect(run.movement).toBeNull();
  expect(run.table.numRows()).toBe(2);
});

test('surveys named by dates (as Excel dates arrive) are matched as yyyy-mm-dd', () => {
  const d1 = new Date(Date.UTC(2023, 11, 31));
  const d2 = new Date(Date.UTC(2024, 11, 31));
  const table = aq.table({ wave: [d1, d1, d2, d2], offer: ['A', 'B', 'A', 'B'], quality: [100, 100, 104, 100], price: [100, 100, 100, 100] });
  const run = runValueMapOverTime(table, mapping, options, { survey: 'wave', before: '2023-12-31', after: '2024-12-31' });
  expect((run.movement!.table.array('qualityChange') as number[])[0]).toBe(4);
});

test('an offer in one survey only is named', () => {
  const table = aq.table({ year: ['2023', '2024', '2024'], offer: ['A', 'A', 'New'], quality: [100, 100, 90], price: [100, 100, 95] });
  expect(() => runValueMapOverTime(table, mapping, options, { survey: 'year', before: '2023', after: '2024' })).toThrow('before has no offer "New" (after has it)');
});

test('a survey column is guessed from its header, none otherwise', () => {
  expect(guessSurveyColumn(['survey', 'offer', 'quality', 'price'])).toBe('survey');
  expect(guessSurveyColumn(['Year', 'offer'])).toBe('Year');
  expect(guessSurveyColumn(['offer', 'quality', 'price'])).toBeNull();
});
