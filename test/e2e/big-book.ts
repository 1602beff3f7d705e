/**
 * A whole Excel column of purchases for the office stub: 1,048,575 data rows under a header
 * (1,048,576 rows, Excel's maximum), about 100,000 customers, dates as date-formatted serials
 * over 2023–2024, amounts with cents. Generated inside the page by a seeded generator (sending
 * 30 MB of JSON would measure the test, not the pane). Each customer buys within a window of
 * their own, so that the lifetime models have dropouts to fit. Appended after `officeStub(...)`.
 */
export const BIG_ROWS = 1_048_576;

export function bigBookScript(rows = BIG_ROWS, customers = 100_000): string {
  return `
(function () {
  const sheet = window.__book.sheets[0];
  const values = [['Customer', 'Order date', 'Amount']];
  const formats = [['General', 'General', 'General']];
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let i = 1; i < ${rows}; i++) {
    const c = Math.floor(Math.pow(next(), 1.5) * ${customers});
    // Each customer buys within a window of their own (a first day and a lifetime), so that some
    // customers drop out, at a spend level of their own (BG/NBD and Gamma-Gamma expect both).
    const h = Math.imul(c + 1, 2654435761) >>> 0;
    const first = h % 600;
    const life = 14 + ((h >>> 10) % 700);
    values.push(['C' + c, 44927 + Math.min(729, first + Math.floor(next() * life)), Math.round((8 + ((h >>> 20) % 150)) * (0.5 + next()) * 100) / 100]);
    if (i <= 101) formats.push(['General', 'yyyy-mm-dd', '#,##0.00']);
  }
  sheet.values = values;
  sheet.formats = formats;
  window.__book.selection = { row: 1, column: 0, rows: 1, columns: 1 };
  window.__book.region = { row: 0, column: 0, rows: values.length, columns: 3 };
})();
`;
}
