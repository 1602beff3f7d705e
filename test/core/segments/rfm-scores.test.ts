import * as aq from 'arquero';
import { rfmBreaks, rfmScores } from '../../../src/core/segments/rfm-scores.ts';
import type { RfmTies } from '../../../src/core/segments/rfm-scores.ts';
import { seededRandom } from '../../../src/core/math/random.ts';

/** 500 customers from mulberry32(2024); the Python port below draws the same numbers. */
function sample(): Record<string, number>[] {
  const r = seededRandom(2024);
  const rows: Record<string, number>[] = [];
  for (let i = 0; i < 500; i++) {
    const recency = Math.floor(r() * 365);
    const frequency = 1 + Math.floor(-Math.log(1 - r()) * 1.5);
    const monetary = Math.floor(r() * r() * 100000) / 100;
    rows.push({ recency, frequency, monetary });
  }
  return rows;
}

/*
 * Independent scores: numpy 1.24.2 / pandas 1.5.3 under Debian's /usr/bin/python3, with
 * mulberry32 ported to Python (same 32-bit arithmetic, checked: seed 42 gives 0.6011037519201636):
 *
 *   r = mulberry32(2024); rec, freq, mon = [], [], []
 *   for i in range(500):
 *       rec.append(math.floor(r() * 365))
 *       freq.append(1 + math.floor(-math.log(1 - r()) * 1.5))
 *       mon.append(math.floor(r() * r() * 100000) / 100)
 *   def scores(x, reverse, ties):
 *       x = np.array(x, dtype=float)
 *       if ties == 'first':
 *           s = pd.qcut(pd.Series(x).rank(method='first'), 5, labels=False).to_numpy() + 1
 *           br = np.quantile(x, np.arange(1, 5) / 5)
 *       else:
 *           base = np.unique(x) if ties == 'dense' else x
 *           br = np.quantile(base, np.arange(1, 5) / 5)   # type 7 ('linear', numpy's default)
 *           s = np.searchsorted(br, x, side='right') + 1
 *       if reverse: s = 6 - s
 *       return br, ''.join(map(str, s))
 *
 * (Checksums of the drawn data in Python: Σrecency 89136, Σfrequency 984.)
 */
const NUMPY = {
  quantile: {
    recency: { breaks: [76.0, 138.0, 207.79999999999995, 287.20000000000005], scores:
      '13331154243315134453121312421425531433331233152512325331154422222112522453325514443214534321115531154344111225213213532255342435251532544211211452314221335231351151352532141144322541151415551315521533324333145323245241333144223432124315244144325555151324135143324532443212311151352325151413133514544343534343452515244223241152154221445345545244434541424121534454255455315411142315212252452531534113355133235231444141442322243141311255432145544552543311442254222553444353525242252542432242343323511352' },
    frequency: { breaks: [1.0, 1.0, 2.0, 3.0], scores:
      '44433535534534344445343335443353333333354545534333334534544443433544454454334555543333545333543335333533553435543433334343333434533335334334534333354533334443535443534354335333335333553334343433534353353433343355533334333333433433354343535355343453335334533533333333353453534545535354355333334445443344553434533433333445334334433354434345555335533353344434544543434344534333553344354334443353334334353353343344544335353445345533335433434335534545545333343535534353343445535333433343543333444333555535' },
    monetary: { breaks: [44.47200000000001, 110.022, 226.184, 401.12600000000026], scores:
      '52531432242325134322314224125313323413224143415535121541433153454423125244151342132551244453545534525531331414453255545131235454131343242321135551122542424443414425255324512453331222533554553445242154121552545543441514531524212534434552354324551551243151254551313351521233124113332535133114111152244353352323135124421131222244232532321411134544145242323335253335143244125515542234413342251213312223155211244525442144414311313432252512125142315331543223354515324114531111413244255311134314223422551214' },
  },
  dense: {
    recency: { breaks: [75.60000000000001, 144.60000000000002, 219.8, 289.20000000000005], scores:
      '13331154243315134453122312421425531433331343152512325331154422222112522454325514443314534431115531154344111225213213532255342435251533544211311452314231335331351151352532241144322541151415551315521533324333145323245241333144323432124315244144325555151324135143324532443312311151352425151413143514544343534444453515344223241152154321445345545244434541424121534454255455315411142415212252452541534113355143235231444141442332243141311255432145544552543311442354332553444353525242252542432243343333511353' },
    frequency: { breaks: [2.6, 4.2, 5.8, 7.4], scores:
      '11111212211211111112111112111121111111141412411111111211211111111211121131111322311111212111511112111211321112211111111111111111211112111111211111141211111111212111211121112111112111221111111111211131121111111142411111111111111111121111212134111121114111211211111111121141411312312121142111111112111111221111211111111112111111111121111112242112211131111111511211111111211111221111121111111121111111131121111111211115121112112411112111111112211212212111111312211121111112212111111111411111111111542212' },
    monetary: { breaks: [44.56, 110.03, 227.25, 405.59], scores:
      '52531432242325134322314224125313323413224143415535121541433153454323125244151342132551244453545534525531331414453255545131235454131343242321135551122542424443414425255324512453331222533554553445242154121552545543441514531524212534434552354324551551243151254551313351521233124113332535133114111152244353352323135124421131222244232532321411134544145242323335253335143244125515542234413342251213312223155211244525442144414311313432252512125142315331543223354515324114531111413244255311134314223422551214' },
  },
  first: {
    recency: { breaks: [76.0, 138.0, 207.79999999999995, 287.20000000000005], scores:
      '13331154243315134453121312421425531433331243152512325331154422222112522453325514443214534321115531154344111225213213532255342435251532544211211452314221335231351151352532141144322541151415551315521533324333145323245241333144223432124315244144325555151324135143324532443212311151352325151413133514544343534343452515244223241152154221445345545244434541424121534454255455315411142315212252452531534113355133235231454141542322243141311255432145544552543311442254222553444353525242252542432242343323511352' },
    frequency: { breaks: [1.0, 1.0, 2.0, 3.0], scores:
      '33311514413413133335131114331141111111153535513111113513433331311533343353113544531111434111531115111411541315431311113131111313411115113113513111153511113331515341514154115111115111551114141411514252252422242255522224222222422422254242525255242452225224522522222222252452524545525254255222224445442244552424522422222445224224422254424245555225522252244424544542424244524222552244254224442252334334353353343344544335353445345533335433434335534545545333343535534353343445535333433343543333444333555535' },
    monetary: { breaks: [44.47200000000001, 110.022, 226.184, 401.12600000000026], scores:
      '52531432242325134322314224125313323413224143415535121541433153454423125244151342132551244453545534525531331414453255545131235454131343242321135551122542424443414425255324512453331222533554553445242154121552545543441514531524212534434552354324551551243151254551313351521233124113332535133114111152244353352323135124421131222244232532321411134544145242323335253335143244125515542234413342251213312223155211244525442144414311313432252512125142315331543223354515324114531111413244255311134314223422551214' },
  },
} as const;

describe('rfmScores', () => {
  test('hand-computed example (bins = 3), as in the JSDoc', () => {
    // recency 1, 10, 100: breaks at 1/3 and 2/3 are 1 + (2/3)·9 = 7 and 10 + (1/3)·90 = 40,
    // so scores 1, 2, 3, reversed to R = 3, 2, 1.
    const out = rfmScores(
      [
        { recency: 1, frequency: 5, monetary: 500 },
        { recency: 10, frequency: 1, monetary: 20 },
        { recency: 100, frequency: 2, monetary: 90 },
      ],
      { bins: 3 },
    );
    expect(Array.from(out.array('R'))).toEqual([3, 2, 1]);
    expect(Array.from(out.array('F'))).toEqual([3, 1, 2]);
    expect(Array.from(out.array('M'))).toEqual([3, 1, 2]);
    expect(out.columnNames()).toEqual(['recency', 'frequency', 'monetary', 'R', 'F', 'M']);
  });

  test('a value equal to a break scores above it; equal values share a score', () => {
    // frequency 1..5: breaks 1.8, 2.6, 3.4, 4.2 → scores 1..5; recency 0,0,0,5,5 ties.
    const t = aq.table({ recency: [0, 0, 0, 5, 5], frequency: [1, 2, 3, 4, 5], monetary: [2, 2, 2, 2, 2] });
    const out = rfmScores(t);
    expect(Array.from(out.array('F') as Int32Array)).toEqual([1, 2, 3, 4, 5]);
    // recency breaks 0, 0, 2, 5 (h = 2.4: 0 + 0.4·5) → raw scores 3, 3, 3, 5, 5 → R = 3, 3, 3, 1, 1
    expect(Array.from(out.array('R') as Int32Array)).toEqual([3, 3, 3, 1, 1]);
    // all monetary equal: every break is 2, every customer scores 5
    expect(Array.from(out.array('M') as Int32Array)).toEqual([5, 5, 5, 5, 5]);
  });

  test.each(['quantile', 'dense', 'first'] as RfmTies[])('matches numpy/pandas on 500 customers (ties: %s)', (ties) => {
    const rows = sample();
    expect(rows.reduce((s, r) => s + r.recency, 0)).toBe(89136);
    expect(rows.reduce((s, r) => s + r.frequency, 0)).toBe(984);
    const out = rfmScores(rows, { ties });
    const breaks = rfmBreaks(rows, { ties });
    const ref = NUMPY[ties];
    expect((Array.from(out.array('R') as Int32Array)).join('')).toBe(ref.recency.scores);
    expect((Array.from(out.array('F') as Int32Array)).join('')).toBe(ref.frequency.scores);
    expect((Array.from(out.array('M') as Int32Array)).join('')).toBe(ref.monetary.scores);
    for (const measure of ['recency', 'frequency', 'monetary'] as const) {
      breaks[measure].breaks.forEach((b, i) => expect(b).toBeCloseTo(ref[measure].breaks[i], 9));
    }
  });

  test('custom column names and bins', () => {
    const t = aq.table({ r: [3, 2, 1, 0], f: [1, 2, 3, 4], m: [4, 3, 2, 1] });
    const out = rfmScores(t, { recency: 'r', frequency: 'f', monetary: 'm', bins: 2 });
    // median breaks 1.5 / 2.5 / 2.5
    expect(Array.from(out.array('R') as Int32Array)).toEqual([1, 1, 2, 2]);
    expect(Array.from(out.array('F') as Int32Array)).toEqual([1, 1, 2, 2]);
    expect(Array.from(out.array('M') as Int32Array)).toEqual([2, 2, 1, 1]);
  });

  test('errors name the argument and the problem', () => {
    expect(() => rfmScores([{ recency: 1, frequency: 1 }])).toThrow('monetary: column "monetary" not found');
    expect(() => rfmScores([{ recency: 1, frequency: 'x', monetary: 1 }])).toThrow(
      'frequency: column "frequency", row 1 is not a number (got "x")',
    );
    expect(() => rfmScores([{ recency: 1, frequency: 1, monetary: 1 }], { bins: 1 })).toThrow(
      'bins must be an integer from 2 to 20 (got 1)',
    );
    expect(() => rfmScores([], {})).toThrow('summary has no rows to score');
    expect(() => rfmScores([{ recency: 1, frequency: 1, monetary: 1 }], { ties: 'average' as RfmTies })).toThrow(
      `ties must be 'quantile', 'dense' or 'first' (got "average")`,
    );
  });
});

describe('rfmBreaks', () => {
  // 6 one-time buyers, 4 repeat buyers: the JSDoc example.
  const t = aq.table({
    recency: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    frequency: [1, 1, 1, 1, 1, 1, 2, 2, 3, 4],
    monetary: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
  });

  test('heavy ties: frequency breaks 1, 1, 1.4, 2.2 leave scores 1 and 2 empty, and say so', () => {
    const b = rfmBreaks(t);
    expect(b.frequency.breaks[0]).toBe(1);
    expect(b.frequency.breaks[1]).toBe(1);
    expect(b.frequency.breaks[2]).toBeCloseTo(1.4, 12);
    expect(b.frequency.breaks[3]).toBeCloseTo(2.2, 12);
    expect(b.frequency.counts).toEqual([0, 0, 6, 2, 2]);
    expect(b.frequency.empty).toEqual([1, 2]);
    expect(b.frequency.distinct).toBe(4);
    expect(b.hasEmpty).toBe(true);
    expect(b.ties).toBe('quantile');
    expect(b.policy).toContain('equal values share a score');
    expect(b.recency.reversed).toBe(true);
    expect(b.recency.counts).toEqual([2, 2, 2, 2, 2]);
    expect(b.recency.empty).toEqual([]);
  });

  test("ties: 'dense' spreads the classes over the 4 distinct values (one class still empty: 4 < 5 bins)", () => {
    // distinct 1, 2, 3, 4: breaks 1.6, 2.2, 2.8, 3.4 → 1 → 1, 2 → 2, 3 → 4, 4 → 5
    const b = rfmBreaks(t, { ties: 'dense' });
    expect(b.frequency.breaks.map((x) => Number(x.toFixed(12)))).toEqual([1.6, 2.2, 2.8, 3.4]);
    expect(b.frequency.counts).toEqual([6, 2, 0, 1, 1]);
    expect(b.frequency.empty).toEqual([3]);
    expect(Array.from(rfmScores(t, { ties: 'dense' }).array('F') as Int32Array)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 4, 5]);
  });

  test("ties: 'first' gives equal-size classes, splitting the tie by row order", () => {
    const b = rfmBreaks(t, { ties: 'first' });
    expect(b.frequency.counts).toEqual([2, 2, 2, 2, 2]);
    expect(b.hasEmpty).toBe(false);
    expect(Array.from(rfmScores(t, { ties: 'first' }).array('F') as Int32Array)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('rfmScores at the edges (issue #9)', () => {
  test('values spanning the whole double range score 1..bins (the quantile interpolation overflowed)', () => {
    const summary = aq.table({
      recency: [0, 1, 2],
      frequency: [1, 2, 3],
      monetary: [-Number.MAX_VALUE, 0, Number.MAX_VALUE],
    });
    expect(Array.from(rfmScores(summary, { bins: 3 }).array('M') as ArrayLike<number>)).toEqual([1, 2, 3]);
  });

  test('a NaN cell is named as such, never "(null)"', () => {
    const summary = aq.table({ recency: [0, NaN], frequency: [1, 2], monetary: [1, 2] });
    expect(() => rfmScores(summary)).toThrow('recency: column "recency", row 2 is not a number (got NaN)');
  });
});
