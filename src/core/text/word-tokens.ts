/**
 * Word tokens of a text, with Unicode word boundaries (UAX #29) as `Intl.Segmenter` finds them
 * (granularity 'word', keeping the segments it marks `isWordLike`), so that Chinese and Japanese,
 * written without spaces, are split into words by ICU's dictionaries.
 *
 * Speed: `Intl.Segmenter` costs about 20 times a regular expression per word in Node 20 (measured:
 * 20,000 English comments, 0.11 s by regex against 2.2 s by Segmenter). So a text made only of
 * characters whose word-break properties are simple — printable ASCII except '_', tabs and line
 * ends, the Latin-1 and Latin
 * Extended letters, curly quotes, dashes, the ellipsis and no-break space — is split by a regular
 * expression that applies the same UAX #29 rules for those characters: letters and digits join
 * (WB5, WB8–WB10); a single ':', '.', '\'' or '‘’' between two letters joins (WB6–WB7); a single ',',
 * ';', '.', '\'' or '‘’' between two digits joins (WB11–WB12). Any other text goes to Segmenter.
 * test/core/text/word-tokens.test.ts checks that both paths agree on random texts of that alphabet.
 */

const LETTER = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
/** A word of the simple alphabet under UAX #29. */
const SIMPLE_WORD = new RegExp(
  `[${LETTER}0-9]+(?:(?:(?<=[${LETTER}])[:.'\\u2018\\u2019](?=[${LETTER}])|(?<=[0-9])[,;.'\\u2018\\u2019](?=[0-9]))[${LETTER}0-9]+)*`,
  'g',
);
/** Texts the regular expression handles exactly: nothing outside this alphabet. */
const SIMPLE_TEXT = /^[\t\n\r\u0020-\u005E\u0060-\u007E\u00A0\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u2013\u2014\u2018\u2019\u201C\u201D\u2026]*$/;

export interface WordToken {
  /** The word as it is in the text. */
  word: string;
  /** Start offset (UTF-16) in the text. */
  start: number;
}

/** Whether the text takes the regular-expression path. */
export function isSimpleText(text: string): boolean {
  return SIMPLE_TEXT.test(text);
}

/**
 * Calls `visit(word, start)` for each word-like token of `text`, in order.
 *
 * @param segmenter an `Intl.Segmenter` with granularity 'word' (one per call site: building it is slow)
 */
export function forEachWord(text: string, segmenter: Intl.Segmenter, visit: (word: string, start: number) => void): void {
  if (isSimpleText(text)) {
    SIMPLE_WORD.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = SIMPLE_WORD.exec(text)) !== null) visit(match[0], match.index);
    return;
  }
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike) visit(segment.segment, segment.index);
  }
}

/**
 * @example wordTokens("Don't wait: 3.5 stars, e.g. 服务很好", new Intl.Segmenter('en', { granularity: 'word' })).map((t) => t.word);
 * // => ["Don't", 'wait', '3.5', 'stars', 'e.g', '服务', '很', '好']
 */
export function wordTokens(text: string, segmenter: Intl.Segmenter): WordToken[] {
  const out: WordToken[] = [];
  forEachWord(text, segmenter, (word, start) => out.push({ word, start }));
  return out;
}
