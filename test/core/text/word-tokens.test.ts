import fc from 'fast-check';
import { isSimpleText, wordTokens } from '../../../src/core/text/word-tokens.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
/** The reference: Intl.Segmenter's word-like segments. */
const bySegmenter = (text: string) =>
  [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => ({ word: s.segment, start: s.index }));

describe('wordTokens', () => {
  test('the regular-expression path agrees with Intl.Segmenter on random texts of its alphabet (property)', () => {
    // Characters chosen to exercise every join rule: letters (with accents), digits, the mid
    // characters, quotes, dashes, spaces and other punctuation.
    const pieces = ['a', 'b', 'Z', 'é', 'ß', 'ő', 'ª', '1', '7', '0', ':', '.', ',', ';', "'", '\u2019', '\u2018', ' ', '  ', '-', '!', '?', '"', '\u201C', '\u2014', '\u2026', '\u00A0', '(', '/', '%', '\n', 'can', "n't", 'e.g', '3.14'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(isSimpleText(value)).toBe(true);
        expect(wordTokens(value, segmenter)).toEqual(bySegmenter(value));
      }),
      { seed: 2026, numRuns: 3000 },
    );
  });

  test('the @example: mixed English and Chinese goes through Segmenter', () => {
    const text = "Don't wait: 3.5 stars, e.g. 服务很好";
    expect(isSimpleText(text)).toBe(false);
    expect(wordTokens(text, segmenter).map((t) => t.word)).toEqual(bySegmenter(text).map((t) => t.word));
    expect(wordTokens(text, segmenter).map((t) => t.word).slice(0, 5)).toEqual(["Don't", 'wait', '3.5', 'stars', 'e.g']);
  });

  test('Japanese is split into words', () => {
    const words = wordTokens('配送がとても遅いです', new Intl.Segmenter('ja', { granularity: 'word' })).map((t) => t.word);
    expect(words.join('')).toBe('配送がとても遅いです');
    expect(words).toContain('配送');
  });
});
