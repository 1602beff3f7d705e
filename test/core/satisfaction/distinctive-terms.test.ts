import fc from 'fast-check';
import { distinctiveTerms } from '../../../src/core/satisfaction/distinctive-terms.ts';
import { errorOf } from '../error-of.ts';

/**
 * Monroe, Colaresi & Quinn (2008), eqs. 16 and 18–19, typed in from the paper: the log-odds
 * ratio with prior α_w, its approximate variance and z.
 */
function monroe(ya: number, yb: number, na: number, nb: number, alpha: number, alpha0: number) {
  const delta = Math.log((ya + alpha) / (na + alpha0 - ya - alpha)) - Math.log((yb + alpha) / (nb + alpha0 - yb - alpha));
  return { delta, z: delta / Math.sqrt(1 / (ya + alpha) + 1 / (yb + alpha)) };
}

describe('distinctiveTerms: the log-odds ratio with an informative Dirichlet prior', () => {
  // Detractors (0–6) and promoters (9–10); the passive (8) is left out.
  const texts = ['Slow delivery', 'slow refund', 'rude staff, slow', 'great staff', 'Great price', 'fast delivery', 'okay'];
  const groups = [1, 6, 3, 10, 9, 9, 8];

  test('hand-worked counts: every z as the paper’s formula gives it (prior = pooled counts, s = 1)', () => {
    // Detractors: slow 3, delivery 1, refund 1, rude 1, staff 1 → n_a = 7.
    // Promoters: great 2, staff 1, price 1, fast 1, delivery 1 → n_b = 6. α_0 = 13.
    const rows = distinctiveTerms(texts, groups, { minCount: 1, top: 10, phrases: false });
    const expected: Record<string, [number, number]> = {
      slow: [3, 0], delivery: [1, 1], refund: [1, 0], rude: [1, 0], staff: [1, 1], great: [0, 2], price: [0, 1], fast: [0, 1],
    };
    // delivery and staff have z = 0 (1 each side, n_a ≠ n_b makes δ tiny but not 0): check all non-zero.
    for (const row of rows) {
      const [ya, yb] = expected[row.term];
      const { delta, z } = monroe(ya, yb, 7, 6, ya + yb, 13);
      const towardA = row.group === 'Detractors';
      expect(row.zScore).toBeCloseTo(towardA ? z : -z, 12);
      expect(row.logOdds).toBeCloseTo(towardA ? delta : -delta, 12);
      expect(row.count).toBe(towardA ? ya : yb);
      expect(row.otherCount).toBe(towardA ? yb : ya);
    }
    expect(rows[0]).toMatchObject({ term: 'slow', group: 'Detractors', count: 3, examples: ['Slow delivery', 'slow refund'] });
    const promoters = rows.filter((row) => row.group === 'Promoters');
    expect(promoters[0]).toMatchObject({ term: 'great', count: 2, examples: ['great staff', 'Great price'] });
    // Sorted by z within each side.
    const zs = rows.filter((row) => row.group === 'Detractors').map((row) => row.zScore);
    expect([...zs].sort((x, y) => y - x)).toEqual(zs);
    expect(rows.map((row) => row.term)).not.toContain('okay'); // passives are not compared
  });

  test('the @example; priorScale 0.5 uses α_w = 0.5 · pooled count', () => {
    const example = distinctiveTerms(['slow delivery', 'slow refund', 'great staff', 'great price'], [2, 3, 10, 9], { minCount: 1, top: 1 });
    expect(example.map((row) => [row.term, row.group, row.count])).toEqual([['slow', 'Detractors', 2], ['great', 'Promoters', 2]]);
    const half = distinctiveTerms(texts, groups, { minCount: 3, priorScale: 0.5, phrases: false });
    // Only "slow" has 3 comments; α_0 = 0.5 · 13.
    expect(half).toHaveLength(1);
    expect(half[0].zScore).toBeCloseTo(monroe(3, 0, 7, 6, 1.5, 6.5).z, 12);
  });

  test('phrases: adjacent words with only spaces between; punctuation and stop words break them', () => {
    const rows = distinctiveTerms(
      ['the delivery was very slow', 'very slow. delivery', 'slow delivery again', 'great price', 'great price again', 'price ok'],
      ['a', 'a', 'a', 'b', 'b', 'b'],
      { minCount: 2, top: 20 },
    );
    const terms = new Map(rows.map((row) => [row.term, row]));
    expect(terms.get('great price')).toMatchObject({ group: 'b', count: 2 });
    // "very" is a stop word, so "very slow" is never a phrase; "slow delivery" once only ("slow. delivery" is broken).
    expect(terms.has('very slow')).toBe(false);
    expect(terms.has('slow delivery')).toBe(false);
    expect(terms.get('slow')).toMatchObject({ group: 'a', count: 3 });
  });

  test('a term counts once per comment: repeating it does not add weight', () => {
    const once = distinctiveTerms(['bad', 'bad', 'good', 'good'], ['x', 'x', 'y', 'y'], { minCount: 1, phrases: false });
    const repeated = distinctiveTerms(['bad bad bad bad', 'bad', 'good', 'good good'], ['x', 'x', 'y', 'y'], { minCount: 1, phrases: false });
    expect(repeated).toEqual(once.map((row) => ({ ...row, examples: row.group === 'x' ? ['bad bad bad bad', 'bad'] : ['good', 'good good'] })));
  });
});

describe('distinctiveTerms: symmetry (property)', () => {
  test('swapping groupA and groupB mirrors the result: same terms and z, sides exchanged', () => {
    const words = ['slow', 'fast', 'rude', 'kind', 'price', 'staff', 'late', 'great'];
    const comment = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(fc.tuple(comment, fc.constantFrom('x', 'y')), { minLength: 4, maxLength: 30 }), (pairs) => {
        const texts = pairs.map(([t]) => t);
        const groups = pairs.map(([, g]) => g);
        fc.pre(groups.includes('x') && groups.includes('y'));
        const forward = distinctiveTerms(texts, groups, { groupA: 'x', groupB: 'y', minCount: 1, top: 50 });
        const backward = distinctiveTerms(texts, groups, { groupA: 'y', groupB: 'x', minCount: 1, top: 50 });
        const key = (rows: typeof forward) => rows.map((r) => `${r.group}|${r.term}|${r.count}|${r.otherCount}|${r.zScore.toFixed(10)}`).sort();
        expect(key(backward)).toEqual(key(forward));
        for (const row of forward) expect(row.zScore).toBeGreaterThan(0);
      }),
      { seed: 99, numRuns: 200 },
    );
  });
});

describe('distinctiveTerms: Chinese, Japanese and mixed languages', () => {
  test('Chinese comments are split into words; CJK phrases are joined without a space', () => {
    const texts = ['送货太慢了', '客服态度很差', '送货太慢', '服务很好', '价格便宜', '服务很好，价格便宜'];
    const rows = distinctiveTerms(texts, [0, 2, 4, 10, 9, 10], { locale: 'zh', minCount: 2, top: 5 });
    const detractorTerms = rows.filter((row) => row.group === 'Detractors').map((row) => row.term);
    const promoterTerms = rows.filter((row) => row.group === 'Promoters').map((row) => row.term);
    expect(detractorTerms).toContain('送货');
    expect(promoterTerms).toContain('服务');
    expect(promoterTerms).toContain('价格便宜');
    for (const term of [...detractorTerms, ...promoterTerms]) expect(term).not.toMatch(/\s/);
    // 的, 了, 很 are stop words.
    expect([...detractorTerms, ...promoterTerms]).not.toContain('了');
  });

  test('mixed English, Chinese and Japanese in one column', () => {
    const texts = ['delivery slow 送货太慢', '配送が遅い slow', 'slow and 送货慢', 'great service 服务很好', 'great 服务好', 'とても良い great'];
    const rows = distinctiveTerms(texts, ['neg', 'neg', 'neg', 'pos', 'pos', 'pos'], { minCount: 2 });
    expect(rows.find((row) => row.term === 'slow')).toMatchObject({ group: 'neg', count: 3 });
    expect(rows.find((row) => row.term === 'great')).toMatchObject({ group: 'pos', count: 3 });
    expect(rows.find((row) => row.term === '送货')).toMatchObject({ group: 'neg', count: 2 });
  });
});

describe('distinctiveTerms: names are data, bad input', () => {
  test('group labels and terms named __proto__, constructor, toString', () => {
    const rows = distinctiveTerms(['constructor tostring', 'constructor', '__proto__ x', '__proto__'], ['__proto__', '__proto__', 'toString', 'toString'], {
      minCount: 1,
      groupA: '__proto__',
      groupB: 'toString',
    });
    expect(rows.find((row) => row.term === 'constructor')).toMatchObject({ group: '__proto__', count: 2 });
    expect(rows.find((row) => row.term === '__proto__')).toMatchObject({ group: 'toString', count: 2 });
  });

  test('a 1 MB comment is read whole and shown cut to 200 characters', () => {
    const long = 'terrible '.repeat(120_000); // ≈ 1.08 MB
    const rows = distinctiveTerms([long, 'terrible wait', 'lovely', 'lovely staff'], [0, 3, 10, 10], { minCount: 1 });
    const terrible = rows.find((row) => row.term === 'terrible')!;
    expect(terrible.count).toBe(2);
    expect(terrible.examples[0]).toHaveLength(200);
    expect(terrible.examples[0].endsWith('…')).toBe(true);
  });

  test('clear messages', () => {
    expect(errorOf(() => distinctiveTerms(['', null, '  '], [1, 10, 9])).message).toBe(
      'texts: no comment from "Detractors" (0 from "Detractors", 0 from "Promoters")',
    );
    expect(errorOf(() => distinctiveTerms(['slow'], [1, 2])).message).toBe('groups must have one value per comment (1 comments, 2 values)');
    expect(errorOf(() => distinctiveTerms(['a', 'b'], [null, ''])).message).toBe('groups: every group value is blank (2 rows)');
    const unnamed = errorOf(() => distinctiveTerms(['a', 'b', 'c'], ['x', 'y', 'z']));
    expect(unnamed.message).toBe('groupA is required: groups has 3 labels (x, y, z); name the two to compare as groupA and groupB');
    expect(unnamed.location).toEqual({ argument: 'groupA' });
    const fans = errorOf(() => distinctiveTerms(['a', 'b'], [1, 10], { groupA: 'Fans' }));
    expect(fans.message).toBe('groupA must be one of the groups "Detractors", "Passives", "Promoters" (got "Fans")');
    expect(fans.code).toBe('na');
    const notText = errorOf(() => distinctiveTerms(['a', { text: 'b' }], [1, 10]));
    expect(notText.message).toBe('texts: item 2 must be text (got {"text":"b"})');
    expect(notText.location).toEqual({ argument: 'texts', item: 2 });
    expect(errorOf(() => distinctiveTerms(['a', 'b'], [1, 10], { locale: 'not a locale!' })).message).toBe(
      'locale must be a valid language tag (got "not a locale!")',
    );
    expect(errorOf(() => distinctiveTerms(['a', 'b'], [1, 10], { top: 0 })).message).toBe('top must be a positive integer (got 0)');
    expect(errorOf(() => distinctiveTerms(['a', 'b'], [1, 10], { groupA: 'Promoters', groupB: 'Promoters' })).message).toBe(
      'groupB is the same group as groupA (got "Promoters")',
    );
  });

  test('an NPS column with passives only on one side is still compared: passives vs promoters', () => {
    const rows = distinctiveTerms(['fine', 'fine', 'wow', 'wow'], [7, 8, 10, 9], { groupA: 'Passives', groupB: 'Promoters', minCount: 1 });
    expect(rows.map((row) => [row.term, row.group])).toEqual([['fine', 'Passives'], ['wow', 'Promoters']]);
  });
});
