/**
 * What customers say in their own words: the words and two-word phrases most distinctive of one
 * group of respondents against another (detractors against promoters by default), ranked by the
 * log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn (2008, "Fightin'
 * words: lexical feature selection and evaluation for identifying the content of political
 * conflict", Political Analysis 16(4), eqs. 16–22):
 *
 *   δ_w = log((y_aw + α_w) / (n_a + α_0 − y_aw − α_w)) − log((y_bw + α_w) / (n_b + α_0 − y_bw − α_w))
 *   σ²_w ≈ 1/(y_aw + α_w) + 1/(y_bw + α_w),   z_w = δ_w / σ_w
 *
 * with the prior α_w = s · (y_aw + y_bw) taken from the pooled counts of the two groups and
 * α_0 = Σ α_w (s = `priorScale`, default 1: the empirical-Bayes choice of tidylo).
 *
 * Rules, documented because the pane shows them:
 * - Tokens: Unicode words (`Intl.Segmenter`, see src/core/text/word-tokens.ts), lower-cased in the
 *   locale; numbers and stop words (all shipped lists: en, zh, ja) dropped. Phrases: two words
 *   next to each other with only spaces between them (none in Chinese and Japanese), joined by a
 *   space, or directly when both sides are CJK.
 * - Counts: a term counts once per comment (y = comments of the group using it; n = Σ y), so one
 *   long or repetitive comment cannot dominate a group; a 1 MB comment is read whole.
 * - Groups: when every non-blank group value is a whole number 0–10 they are NPS answers:
 *   Detractors (0–6), Passives (7–8), Promoters (9–10), and the default contrast is Detractors
 *   against Promoters. Otherwise the values are labels; with exactly two labels they are compared
 *   in sorted order, with more `groupA` and `groupB` must be named. Rows with a blank comment or
 *   group are skipped.
 * - Result rows: the `top` terms of each side, `zScore` positive for the side in `group`,
 *   `count` the comments of that side using the term, with up to `examples` of those comments
 *   (first seen, cut to 200 characters).
 */
import { got, invalid, mustBe, required } from '../messages.ts';
import { cellNumber, isBlank } from '../table/cell.ts';
import { forEachWord } from '../text/word-tokens.ts';
import { stopWordSet } from '../text/stop-words.ts';

export interface DistinctiveTermsOptions {
  /** BCP 47 locale of the segmenter and the lower-casing; default 'en' (CJK is split in any locale). */
  locale?: string;
  /** Leave out terms used in fewer comments than this (both groups together); default 3. */
  minCount?: number;
  /** Terms per side; default 10. */
  top?: number;
  /** The first side (positive z); default 'Detractors' for NPS answers. */
  groupA?: string;
  /** The other side; default 'Promoters' for NPS answers. */
  groupB?: string;
  /** Example comments per term; default 2. */
  examples?: number;
  /** Strength s of the prior α_w = s · pooled count; default 1. */
  priorScale?: number;
  /** Extra stop words (added to the shipped lists). */
  stopWords?: Iterable<string>;
  /** Two-word phrases as well as words; default true. */
  phrases?: boolean;
}

export interface DistinctiveTerm {
  term: string;
  /** The side the term is distinctive of. */
  group: string;
  /** δ / σ, positive: how many standard errors the term leans to `group`. */
  zScore: number;
  /** Comments of `group` that use the term. */
  count: number;
  /** Comments of the other side that use it. */
  otherCount: number;
  /** The log-odds ratio δ (towards `group`). */
  logOdds: number;
  /** Up to `examples` comments of `group` that use it. */
  examples: string[];
}

const NPS_LABELS = ['Detractors', 'Passives', 'Promoters'] as const;
const EXAMPLE_LENGTH = 200;

function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) || // Hiragana, Katakana
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x3000) return false;
  }
  return true;
}

/** Whole numbers (and numbers with separators): not terms. */
const NUMBER = /^[\p{Nd}.,;:'’‘]+$/u;

/** The group label of each row (null to skip) and the two sides compared. */
function sidesOf(groups: ArrayLike<unknown>, options: DistinctiveTermsOptions): { labels: (string | null)[]; a: string; b: string } {
  const n = groups.length;
  let nps = true;
  let any = false;
  for (let i = 0; i < n && nps; i++) {
    const value = groups[i];
    if (isBlank(value)) continue;
    any = true;
    const number = cellNumber(value);
    if (!(Number.isInteger(number) && number >= 0 && number <= 10)) nps = false;
  }
  if (!any) throw invalid('groups', `: every group value is blank (${n} rows)`, 'na');
  const labels: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const value = groups[i];
    if (isBlank(value)) labels[i] = null;
    else if (nps) {
      const score = cellNumber(value);
      labels[i] = score <= 6 ? 'Detractors' : score <= 8 ? 'Passives' : 'Promoters';
    } else labels[i] = String(value);
  }
  const seen = [...new Set(labels.filter((label): label is string => label !== null))].sort();
  let a = options.groupA;
  let b = options.groupB;
  if (a === undefined && b === undefined) {
    if (nps) [a, b] = ['Detractors', 'Promoters'];
    else if (seen.length === 2) [a, b] = seen;
    else {
      const shown = `${seen.slice(0, 5).join(', ')}${seen.length > 5 ? ', …' : ''}`;
      throw required('groupA', `: groups has ${seen.length} labels (${shown}); name the two to compare as groupA and groupB`);
    }
  }
  const known = nps ? [...NPS_LABELS] : seen;
  for (const [name, side] of [['groupA', a], ['groupB', b]] as const) {
    if (typeof side !== 'string' || !known.includes(side)) {
      throw mustBe(name, `one of the groups ${known.map((g) => JSON.stringify(g)).join(', ')}`, { value: side, code: 'na' });
    }
  }
  if (a === b) throw invalid('groupB', `is the same group as groupA${got(b)}`);
  return { labels, a: a!, b: b! };
}

/**
 * Words and two-word phrases most distinctive of one group against another.
 *
 * Complexity: O(total text length) to tokenise and count, O(V log V) to rank V terms.
 *
 * @param texts one comment per respondent (blank: no comment)
 * @param groups one group per respondent: NPS answers 0–10 or labels
 * @param options locale, minCount, top, groupA, groupB, examples, priorScale, stopWords, phrases
 * @returns the top terms of side A (most distinctive first), then those of side B
 * @throws {InputError} for texts and groups of different lengths, a comment that is not text, no
 *   comment in one of the two groups, unknown groups, a bad locale or option
 * @example
 * distinctiveTerms(['slow delivery', 'slow refund', 'great staff', 'great price'], [2, 3, 10, 9], { minCount: 1, top: 1 });
 * // => [{ term: 'slow', group: 'Detractors', count: 2, … }, { term: 'great', group: 'Promoters', count: 2, … }]
 */
export function distinctiveTerms(texts: ArrayLike<unknown>, groups: ArrayLike<unknown>, options: DistinctiveTermsOptions = {}): DistinctiveTerm[] {
  if (texts === null || typeof texts !== 'object' || typeof texts.length !== 'number') throw mustBe('texts', 'a list of comments');
  if (groups === null || typeof groups !== 'object' || typeof groups.length !== 'number') throw mustBe('groups', 'a list, one group per comment');
  if (texts.length !== groups.length) {
    throw invalid('groups', `must have one value per comment (${texts.length} comments, ${groups.length} values)`);
  }
  const { locale = 'en', minCount = 3, top = 10, examples = 2, priorScale = 1, phrases = true } = options;
  if (!(Number.isInteger(minCount) && minCount >= 1)) throw mustBe('minCount', 'a positive integer', { value: minCount, code: 'num' });
  if (!(Number.isInteger(top) && top >= 1)) throw mustBe('top', 'a positive integer', { value: top, code: 'num' });
  if (!(Number.isInteger(examples) && examples >= 0)) throw mustBe('examples', 'a whole number', { value: examples, code: 'num' });
  if (!(priorScale > 0 && Number.isFinite(priorScale))) throw mustBe('priorScale', 'positive', { value: priorScale, code: 'num' });
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  } catch {
    throw mustBe('locale', 'a valid language tag', { value: locale });
  }
  const { labels, a, b } = sidesOf(groups, options);
  const stop = stopWordSet(options.stopWords);

  const ids = new Map<string, number>();
  const terms: string[] = [];
  const countA: number[] = [];
  const countB: number[] = [];
  const lastComment: number[] = [];
  const exampleA: number[][] = [];
  const exampleB: number[][] = [];
  let commentsA = 0;
  let commentsB = 0;

  for (let i = 0; i < texts.length; i++) {
    const label = labels[i];
    if (label !== a && label !== b) continue;
    const raw = texts[i];
    if (isBlank(raw)) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number') throw mustBe({ argument: 'texts', item: i + 1 }, 'text', { value: raw });
    const sideA = label === a;
    if (sideA) commentsA++;
    else commentsB++;
    const text = String(raw).toLocaleLowerCase(locale);
    const record = (term: string) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = terms.length;
        ids.set(term, id);
        terms.push(term);
        countA.push(0);
        countB.push(0);
        lastComment.push(-1);
        exampleA.push([]);
        exampleB.push([]);
      }
      if (lastComment[id] === i) return;
      lastComment[id] = i;
      if (sideA) {
        countA[id]++;
        if (exampleA[id].length < examples) exampleA[id].push(i);
      } else {
        countB[id]++;
        if (exampleB[id].length < examples) exampleB[id].push(i);
      }
    };
    let previous: string | null = null;
    let previousEnd = -1;
    forEachWord(text, segmenter, (word, start) => {
      if (stop.has(word) || NUMBER.test(word)) {
        previous = null;
        return;
      }
      record(word);
      if (phrases && previous !== null && onlySpaces(text, previousEnd, start)) {
        const joined = isCjk(previous.charCodeAt(previous.length - 1)) && isCjk(word.charCodeAt(0));
        record(joined ? previous + word : `${previous} ${word}`);
      }
      previous = word;
      previousEnd = start + word.length;
    });
  }
  if (commentsA === 0 || commentsB === 0) {
    const empty = commentsA === 0 ? a : b;
    throw invalid('texts', `: no comment from "${empty}" (${commentsA} from "${a}", ${commentsB} from "${b}")`, 'na');
  }

  let totalA = 0;
  let totalB = 0;
  for (let id = 0; id < terms.length; id++) {
    totalA += countA[id];
    totalB += countB[id];
  }
  const alpha0 = priorScale * (totalA + totalB);
  const scored: { id: number; delta: number; z: number }[] = [];
  for (let id = 0; id < terms.length; id++) {
    const ya = countA[id];
    const yb = countB[id];
    if (ya + yb < minCount) continue;
    const alpha = priorScale * (ya + yb);
    const delta = Math.log((ya + alpha) / (totalA + alpha0 - ya - alpha)) - Math.log((yb + alpha) / (totalB + alpha0 - yb - alpha));
    const z = delta / Math.sqrt(1 / (ya + alpha) + 1 / (yb + alpha));
    scored.push({ id, delta, z });
  }
  const show = (i: number) => {
    const text = String(texts[i]);
    return text.length > EXAMPLE_LENGTH ? `${text.slice(0, EXAMPLE_LENGTH - 1)}…` : text;
  };
  const byTerm = (x: { id: number }, y: { id: number }) => (terms[x.id] < terms[y.id] ? -1 : terms[x.id] > terms[y.id] ? 1 : 0);
  const sideRows = (positive: boolean): DistinctiveTerm[] =>
    scored
      .filter((s) => (positive ? s.z > 0 : s.z < 0))
      .sort((x, y) => (positive ? y.z - x.z : x.z - y.z) || byTerm(x, y))
      .slice(0, top)
      .map(({ id, delta, z }) => ({
        term: terms[id],
        group: positive ? a : b,
        zScore: Math.abs(z),
        count: positive ? countA[id] : countB[id],
        otherCount: positive ? countB[id] : countA[id],
        logOdds: positive ? delta : -delta,
        examples: (positive ? exampleA[id] : exampleB[id]).map(show),
      }));
  return [...sideRows(true), ...sideRows(false)];
}
