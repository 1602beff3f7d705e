import { valueMapMovementChart } from '../../../src/core/charts/value-map-movement-chart.ts';
import { valueMap } from '../../../src/core/value/value-map.ts';
import { valueMapMovement } from '../../../src/core/value/value-map-movement.ts';
import { compileQuietly } from './compile-quietly.ts';

// As in driver-chart.test.ts: vega-lite's imports from `vega` are vega-util's.
jest.mock('vega', () => jest.requireActual('vega-util'));

describe('valueMapMovementChart', () => {
  const before = valueMap([
    { offer: 'Us', quality: 100, price: 105 },
    { offer: 'Rival', quality: 110, price: 100 },
  ]);
  const after = valueMap(
    [
      { offer: 'Us', quality: 108, price: 104 },
      { offer: 'Rival', quality: 110, price: 110 },
    ],
    {},
    { line: 'fitted' },
  );

  test('compiles without warnings: line, earlier points, arrows, heads, labels', () => {
    const spec = valueMapMovementChart(valueMapMovement(before, after), { line: after.line });
    expect(spec.layer.length).toBe(5);
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks!.length).toBe(5);
  });

  test('arrow heads point along the movement: right = 90°, up = 0°, down = 180°', () => {
    const rows = [
      { offer: 'a', qualityBefore: 100, priceBefore: 100, qualityAfter: 110, priceAfter: 100, movement: 'towards better value' },
      { offer: 'b', qualityBefore: 100, priceBefore: 100, qualityAfter: 100, priceAfter: 110, movement: 'towards worse value' },
      { offer: 'c', qualityBefore: 100, priceBefore: 110, qualityAfter: 100, priceAfter: 100, movement: 'towards better value' },
    ];
    const values = (valueMapMovementChart(rows).data as { values: { angle: number }[] }).values;
    expect(values.map((v) => v.angle)).toEqual([90, 0, 180]);
  });
});
