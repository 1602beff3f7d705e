/**
 * =CRM.CSIBYGROUP, =CRM.NPSBYGROUP and =CRM.CSICHANGE typed into a real formula engine
 * (HyperFormula, see formula-engine.ts), checked against the core functions they adapt and
 * against the hand-computed example of test/core/satisfaction/csi-by-group.test.ts.
 */
import type { HyperFormula } from 'hyperformula';
import { csiByGroup, csiChange } from '../../src/core/satisfaction/csi-by-group.ts';
import { npsByGroup } from '../../src/core/satisfaction/nps-by-group.ts';
import { loadMetadata } from './formula-engine.ts';
import { cellValue, createEngine } from './formula-engine.ts';

// Wave 1: one-item answers 6, 7, 8, 7, 6; wave 2: 8, 9, 8, 9, 7; wave 3: a single 9.
// CSI change 1 → 2: 15.556 points, 95% interval 4.032 to 27.079, p = 0.008151 (hand-computed).
const waves = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3];
const q1 = [6, 7, 8, 7, 6, 8, 9, 8, 9, 7, 9];
const q2 = [5, null, 7, 6, 6, 9, 9, 7, 8, 8, 10];
const rec = [9, 6, 10, 7, 3, 10, 9, 9, 8, 6, null];

let engine: HyperFormula;
const at = (sheet: string, a1: string) => cellValue(engine, sheet, a1);

beforeAll(async () => {
  const survey: unknown[][] = [['wave', 'q1', 'q2', 'rec']];
  waves.forEach((w, i) => survey.push([w, q1[i], q2[i], rec[i]]));
  survey.push([null, null, null, null], [null, null, null, null]);
  const brands: unknown[][] = [['__proto__', 8], ['__proto__', 9], ['Them', 5], ['Them', 6], [null, 7], ['Them', 11]];
  engine = await createEngine({
    Survey: survey,
    Brands: brands,
    Formulas: [
      ['=CRM.CSIBYGROUP(Survey!B2:C14, Survey!A2:A14)'],
      [],
      [],
      [],
      [],
      ['=CRM.CSICHANGE(Survey!B2:B12, Survey!A2:A12, 1, 2)'],
      [],
      [],
      [],
      [],
      [],
      ['=CRM.NPSBYGROUP(Survey!D2:D14, Survey!A2:A14)'],
      [],
      [],
      [],
      ['=CRM.CSICHANGE(Survey!B2:B12, Survey!A2:A12, 2, 1)'],
      ['=CRM.CSICHANGE(Survey!B2:B12, Survey!A2:A12, 1, 5)'],
      ['=CRM.CSIBYGROUP(Brands!B1:B4, Brands!A1:A4, , 1, 10)'],
      [],
      [],
      ['=CRM.CSIBYGROUP(Brands!B1:B6, Brands!A1:A6)'],
      ['=CRM.CSIBYGROUP(Brands!B1:B4, Brands!A1:A3)'],
      ['=CRM.CSICHANGE(Survey!B2:C12, Survey!A2:A12, 1, 2, , 1, 5)'],
    ],
  });
});

describe('CRM.CSIBYGROUP', () => {
  test('spills a header and one row per group, equal to csiByGroup', () => {
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((a) => at('Formulas', a))).toEqual(['group', 'n', 'csi', 'low', 'high', 'note']);
    const core = csiByGroup(
      waves.map((w, i) => ({ w, q1: q1[i], q2: q2[i] })),
      { items: ['q1', 'q2'], group: 'w' },
    ).objects() as Record<string, unknown>[];
    core.forEach((row, k) => {
      const r = k + 2;
      expect(at('Formulas', `A${r}`)).toBe(row.group);
      expect(at('Formulas', `B${r}`)).toBe(row.n);
      expect(at('Formulas', `C${r}`)).toBeCloseTo(row.csi as number, 12);
    });
    expect(at('Formulas', 'D2')).toBeCloseTo(core[0].low as number, 12);
    // Wave 3 has one respondent: empty interval cells ("" rather than 0) and a note.
    expect(at('Formulas', 'D4')).toBe('');
    expect(at('Formulas', 'E4')).toBe('');
    expect(at('Formulas', 'F4')).toBe('1 respondent: at least 2 are needed for an interval');
    expect(at('Formulas', 'F2')).toBe('');
    // Trailing blank rows of the selection are left out.
    expect(at('Formulas', 'A5')).toBe(null);
  });

  test('group names are data; bad cells are named by their row in the range', () => {
    expect(at('Formulas', 'A19')).toBe('__proto__');
    expect(at('Formulas', 'A20')).toBe('Them');
    expect(at('Formulas', 'A21')).toEqual({
      error: '#N/A',
      message: 'groups: row 5 is blank but the respondent has answers; give every respondent a group',
    });
    expect(at('Formulas', 'A22')).toEqual({
      error: '#VALUE!',
      message: 'groups has 3 cells but scores has 4 rows; select one group per respondent',
    });
    expect(at('Formulas', 'A23')).toEqual({ error: '#VALUE!', message: 'scores: row 1, column 1 is 6; expected on the scale 1..5' });
  });
});

describe('CRM.CSICHANGE', () => {
  test('spills labelled difference, interval and p-value (the hand-computed example)', () => {
    expect(at('Formulas', 'A6')).toBe('from');
    expect(at('Formulas', 'B6')).toBe(1);
    expect(at('Formulas', 'B7')).toBe(2);
    expect(at('Formulas', 'A8')).toBe('difference');
    expect(at('Formulas', 'B8')).toBeCloseTo(15.5556, 4);
    expect(at('Formulas', 'B9')).toBeCloseTo(4.0321, 4);
    expect(at('Formulas', 'B10')).toBeCloseTo(27.0791, 4);
    expect(at('Formulas', 'A11')).toBe('p-value');
    expect(at('Formulas', 'B11')).toBeCloseTo(0.008151, 5);
    const core = csiChange(
      waves.map((w, i) => ({ w, q: q1[i] })),
      { items: ['q'], group: 'w', from: 1, to: 2 },
    );
    expect(at('Formulas', 'B11')).toBe(core.pValue);
  });

  test('bad groups: from after to, a group that does not occur', () => {
    expect(at('Formulas', 'A16')).toEqual({ error: '#VALUE!', message: 'from: 2 comes after to (1); give the earlier period as from' });
    expect(at('Formulas', 'A17')).toEqual({ error: '#N/A', message: 'to: 5 does not occur in column "group" (groups: 1, 2, 3)' });
  });
});

describe('CRM.NPSBYGROUP', () => {
  test('equals npsByGroup per group', () => {
    expect(at('Formulas', 'C12')).toBe('nps');
    const core = npsByGroup(
      waves.map((w, i) => ({ w, r: rec[i] })),
      { item: 'r', group: 'w' },
    ).objects() as Record<string, unknown>[];
    expect(at('Formulas', 'C13')).toBe(core[0].nps);
    expect(at('Formulas', 'D13')).toBeCloseTo(core[0].low as number, 12);
    expect(at('Formulas', 'C14')).toBe(core[1].nps);
    // Wave 3 answered nothing: no score, a note.
    expect(at('Formulas', 'C15')).toBe('');
    expect(at('Formulas', 'F15')).toBe('no answers in this group');
  });
});

test('metadata: the tracking formulas have the documented signatures', async () => {
  const { functions } = await loadMetadata();
  const byId = new Map(functions.map((f) => [f.id, f]));
  const signature = (id: string) => {
    const fn = byId.get(id)!;
    return `${id}(${fn.parameters.map((p) => `${p.optional ? '[' : ''}${p.name}${p.optional ? ']' : ''}`).join(', ')}) -> ${fn.result.dimensionality}`;
  };
  expect(signature('CSIBYGROUP')).toBe('CSIBYGROUP(scores, groups, [weights], [scaleMin], [scaleMax]) -> matrix');
  expect(signature('NPSBYGROUP')).toBe('NPSBYGROUP(scores, groups) -> matrix');
  expect(signature('CSICHANGE')).toBe('CSICHANGE(scores, groups, from, to, [weights], [scaleMin], [scaleMax]) -> matrix');
  expect(byId.get('CSIBYGROUP')!.parameters[0].dimensionality).toBe('matrix');
});
