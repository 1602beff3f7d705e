/** Dates and amounts written as text in files, read as the pane needs them. */
import { dayOrderOf, parseAmount, parseDateText } from '../../../src/taskpane/files/cell-text.ts';

test('dates in the common written forms become ISO dates', () => {
  const cases: [string, string][] = [
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024-03-05T13:45:00Z', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['5 Mar 2024', '2024-03-05'],
    ['05-Mar-24', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['Sept 30 1997', '1997-09-30'],
    ['3/5/2024 1:45 PM', '2024-03-05'],
  ];
  for (const [text, iso] of cases) expect([text, parseDateText(text, 'month-first')]).toEqual([text, iso]);
  expect(parseDateText('3/5/2024', 'day-first')).toBe('2024-05-03');
  expect(parseDateText('5/3/97', 'day-first')).toBe('1997-03-05');
});

test('impossible dates and other text are not dates', () => {
  for (const text of ['2023-02-29', '31/04/2024', '13/13/2024', 'Marchy 5, 2024', 'n/a', '12345', '1.5']) {
    expect([text, parseDateText(text, 'day-first')]).toEqual([text, null]);
  }
});

test('the day order of a column comes from a part above 12; none is ambiguous', () => {
  expect(dayOrderOf(['01/02/2024', '25/12/2024'])).toEqual({ order: 'day-first', ambiguous: false });
  expect(dayOrderOf(['12/25/2024', '01/02/2024'])).toEqual({ order: 'month-first', ambiguous: false });
  expect(dayOrderOf(['01/02/2024', '03/04/2024'])).toEqual({ order: 'month-first', ambiguous: true });
  expect(dayOrderOf(['25/12/2024', '12/25/2024'])).toEqual({ order: null, ambiguous: false });
  expect(dayOrderOf(['2024-01-02'])).toEqual({ order: 'month-first', ambiguous: false });
});

test('amounts with currency signs, codes, thousands separators and accounting negatives', () => {
  const dot: [string, number][] = [
    ['$1,234.50', 1234.5],
    ['-$1,234.50', -1234.5],
    ['$-12', -12],
    ['(2,000)', -2000],
    ['£ 12', 12],
    ['USD 1,000,000', 1e6],
    ['1 234.5', 1234.5],
    ["1'234.50 CHF", 1234.5],
    ['12.', 12],
    ['.5', 0.5],
    ['1e3', 1000],
    ['−7', -7],
    ['7-', -7],
  ];
  for (const [text, value] of dot) expect([text, parseAmount(text, '.')]).toEqual([text, value]);
  const comma: [string, number][] = [
    ['1.234,50 €', 1234.5],
    ['€ -3,5', -3.5],
    ['1\u00a0234,56', 1234.56],
    ['12 kr', 12],
  ];
  for (const [text, value] of comma) expect([text, parseAmount(text, ',')]).toEqual([text, value]);
});

test('text that is not an amount is NaN, never a guess', () => {
  for (const text of ['n/a', '1,23,4', '12,5', '1.2.3', '$', '--5', 'ABC 12', '12 apples']) {
    expect([text, parseAmount(text, '.')]).toEqual([text, NaN]);
  }
  expect(parseAmount('1,234', ',')).toBe(1.234);
  expect(parseAmount('1,234', '.')).toBe(1234);
});
