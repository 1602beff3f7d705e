/**
 * Formula injection: text written to a sheet must never be taken for a formula, whatever
 * whitespace or invisible characters come first and whether the sign is ASCII or full-width.
 */
import fc from 'fast-check';
import { safeCell } from '../../../src/taskpane/excel/safe-cell.ts';

/** What may come before the sign: Unicode whitespace (incl. CR, LF, U+3000) and invisible characters. */
const LEADING = [' ', '\t', '\r', '\n', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u200e', '\u2060', '\u0000', '\u001b', '\u0085'];
/** Signs a spreadsheet reads as the start of a formula: ASCII, full-width, small forms, the minus sign. */
const SIGNS = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', '\u2212', '\ufe66', '\ufe62', '\ufe63', '\ufe6b'];

const leading = fc.array(fc.constantFrom(...LEADING), { maxLength: 6 }).map((chars) => chars.join(''));
const sign = fc.constantFrom(...SIGNS);
const rest = fc.string({ unit: 'grapheme', maxLength: 30 });

/** A string whose first visible character is not a sign (and not the apostrophe Excel eats). */
const harmless = fc
  .tuple(leading, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }))
  .map(([ws, text]) => ws + text)
  .filter((s) => {
    const visible = s.replace(/^[\s\p{Cc}\p{Cf}]+/u, '');
    return visible !== '' && !SIGNS.includes(visible[0]) && visible[0] !== "'";
  });

describe('safeCell', () => {
  test('text that starts with a sign after any leading whitespace is written as text (an apostrophe first)', () => {
    fc.assert(
      fc.property(leading, sign, rest, (ws, s, tail) => {
        const text = ws + s + tail;
        expect(safeCell(text)).toBe(`'${text}`);
      }),
      { numRuns: 2000 },
    );
  });

  test('the cases found by hand: space, tab, CR, LF, U+3000 before =, and the full-width signs', () => {
    for (const text of [' =1+1', '\t=HYPERLINK("x")', '\r=cmd', '\n@SUM(A1)', '\u3000=1', '\uff1dSUM(A1)', '\uff0b1', '\uff0d1', '\uff20x', '\u22121', '=x', '+1', '-1', '@x']) {
      expect(safeCell(text)).toBe(`'${text}`);
    }
  });

  test('text that looks like a negative number stays text', () => {
    expect(safeCell('-5')).toBe("'-5");
    expect(safeCell(' -0.25')).toBe("' -0.25");
  });

  test('other text is written unchanged', () => {
    fc.assert(
      fc.property(harmless, (text) => {
        expect(safeCell(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
    expect(safeCell('Champions')).toBe('Champions');
    expect(safeCell('')).toBe('');
    expect(safeCell('   ')).toBe('   ');
  });

  test("a leading apostrophe is kept (Excel would eat it as the text prefix)", () => {
    expect(safeCell("'quoted")).toBe("''quoted");
  });

  test('numbers stay numbers, negative ones included; booleans stay booleans', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(safeCell(x)).toBe(x);
      }),
      { numRuns: 2000 },
    );
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(true)).toBe(true);
    expect(safeCell(false)).toBe(false);
  });
});
