/** The PLS path diagram spec compiles with vega-lite and places constructs by their depth. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { plsPathChart } from '../../../src/core/charts/pls-path-chart.ts';
import { plsPathModel } from '../../../src/core/satisfaction/pls-path-model.ts';
import { compileQuietly } from './compile-quietly.ts';
import { HOSTILE_NAMES, withOwn } from '../hostile-names.ts';

// As in driver-chart.test.ts: vega-lite's imports from `vega` are vega-util's.
jest.mock('vega', () => jest.requireActual('vega-util'));

type Layer = { data: { values: Record<string, unknown>[] } };

test('the @example: six layers', () => {
  const spec = plsPathChart(
    { constructs: ['A', 'B'], paths: [['A', 'B']] },
    { pathCoefficients: { A: { B: 0.9137 } }, rSquared: { B: 0.8348 }, indices: { A: 50, B: 57.5 } },
  );
  expect(spec.layer.length).toBe(6);
  const boxes = (spec.layer[3] as Layer).data.values;
  expect(boxes.map((b) => [b.construct, b.line2])).toEqual([
    ['A', '50.0'],
    ['B', '57.5 · R² 0.83'],
  ]);
});

test('the ECSI model on the bundled survey: compiles without warnings, constructs by depth, coefficients on the arrows', () => {
  const root = path.join(__dirname, '../../../data');
  const reference = JSON.parse(fs.readFileSync(path.join(root, 'survey_ecsi_synthetic.reference.json'), 'utf8'));
  const [head, ...lines] = fs.readFileSync(path.join(root, 'survey_ecsi_synthetic.csv'), 'utf8').trim().split(/\r?\n/);
  const names = head.split(',');
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((v, j) => [names[j], Number(v)])));
  const model = { blocks: reference.model.blocks, paths: reference.model.paths };
  const fit = plsPathModel(rows, model);
  const constructs = Object.keys(model.blocks);
  const spec = plsPathChart({ constructs, paths: model.paths }, fit);
  const { result, messages } = compileQuietly(spec);
  expect(messages).toEqual([]);
  expect(result.spec.marks!.length).toBe(6);
  const boxes = (spec.layer[3] as Layer).data.values;
  const x = Object.fromEntries(boxes.map((b) => [b.construct, b.cx as number]));
  // Image → Expectation → Quality → Value → Satisfaction → Complaints → Loyalty: depths 0..6.
  expect(x.Image).toBeLessThan(x.Expectation);
  expect(x.Expectation).toBeLessThan(x.Quality);
  expect(x.Quality).toBeLessThan(x.Value);
  expect(x.Value).toBeLessThan(x.Satisfaction);
  expect(x.Satisfaction).toBeLessThan(x.Complaints);
  expect(x.Complaints).toBeLessThan(x.Loyalty);
  const edges = (spec.layer[0] as Layer).data.values;
  expect(edges).toHaveLength(12);
  const qs = edges.find((e) => e.from === 'Quality' && e.to === 'Satisfaction')!;
  // The coefficient is the model's, matching the reference (path scheme) to 1e-6.
  expect(qs.coefficient).toBeCloseTo(reference.results.path.path_coefficients.Quality.Satisfaction, 6);
});

test('a cycle or an unknown construct is rejected', () => {
  const fit = { pathCoefficients: {}, rSquared: {}, indices: {} };
  expect(() => plsPathChart({ constructs: ['A', 'B'], paths: [['A', 'B'], ['B', 'A']] }, fit)).toThrow('model: the paths form a cycle');
  expect(() => plsPathChart({ constructs: ['A'], paths: [['A', 'C']] }, fit)).toThrow('model: path A → C names "C", which is not a construct');
});

test.each(HOSTILE_NAMES)('a construct named %s is drawn like any other (names are data)', (name) => {
  const result = {
    pathCoefficients: withOwn([['A', withOwn([[name, 0.5]])], [name, withOwn([['C', 0.25]])]]),
    rSquared: withOwn([[name, 0.3], ['C', 0.2]]),
    indices: withOwn([['A', 50], [name, 60], ['C', 70]]),
  };
  // Positions given for the others only: the hostile construct is placed by its depth.
  const spec = plsPathChart({ constructs: ['A', name, 'C'], paths: [['A', name], [name, 'C']] }, result, { positions: { A: [0, 0], C: [2, 0] } });
  const boxes = (spec.layer[3] as Layer).data.values;
  expect(boxes.map((b) => [b.construct, b.line2])).toEqual([
    ['A', '50.0'],
    [name, '60.0 · R² 0.30'],
    ['C', '70.0 · R² 0.20'],
  ]);
  for (const box of boxes) {
    expect(Number.isFinite(box.x)).toBe(true);
    expect(Number.isFinite(box.y)).toBe(true);
  }
  const labels = (spec.layer[2] as Layer).data.values.map((l) => l.label ?? l.text);
  expect(labels).toEqual(expect.arrayContaining(['0.50', '0.25']));
});
