/**
 * A whole Excel column of purchases for the office stub: 1,048,575 data rows under a header
 * (1,048,576 rows, Excel's maximum), about 100,000 customers, dates as date-formatted serials
 * over 2023–2024, amounts with cents. Generated inside the page by a seeded generator (sending
 * 30 MB of JSON would measure the test, not the pane). Appended after `officeStub(...)`.
 *
 * Customers behave as the Lifetime view's models assume (so that its fits converge and the whole
 * view is drawn): each buys at a rate of their own (Gamma across customers), may drop out after
 * each repeat purchase with a probability of their own (Beta across customers), and spends
 * around a level of their own (Gamma-Gamma). An earlier book had customers buy within a calendar
 * window instead; BG/NBD has no interior maximum on such data (a and b grow without bound, see
 * test/taskpane/analysis/fit-not-converged.test.ts). The rows are shuffled, as a log of several
 * stores might be.
 */
export const BIG_ROWS = 1_048_576;

/** The generator's parameters: rates per day (BG/NBD r, α), dropout (a, b), spend (Gamma-Gamma p, q, γ). */
export const BIG_BOOK_MODEL = { r: 1.2, alphaDays: 24, a: 1, b: 12, p: 6, q: 4, gamma: 15, days: 730 } as const;

/** The page script; `window.__book` is the stub's (office-stub.ts). */
export function bigBookScript(rows = BIG_ROWS): string {
  const m = BIG_BOOK_MODEL;
  return `
(function () {
  const sheet = window.__book.sheets[0];
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) + 0.5) / 4294967296;
  const normal = () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
  // Marsaglia and Tsang's method; shapes below 1 through the boost u^(1/shape).
  const gamma = (shape) => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x, v;
      do { x = normal(); v = 1 + c * x; } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const beta = (a, b) => { const g = gamma(a); return g / (g + gamma(b)); };
  const n = ${rows} - 1;
  const customers = [];
  const days = [];
  const amounts = [];
  for (let c = 0; customers.length < n; c++) {
    const rate = gamma(${m.r}) / ${m.alphaDays};
    const dropout = beta(${m.a}, ${m.b});
    const level = gamma(${m.q}) / ${m.gamma};
    let t = next() * ${m.days};
    // The first purchase, then repeats until the end or a dropout (only after a repeat purchase).
    for (let purchase = 0; customers.length < n; purchase++) {
      customers.push('C' + c);
      days.push(Math.floor(t));
      amounts.push(Math.max(0.01, Math.round((gamma(${m.p}) / level) * 100) / 100));
      if (purchase > 0 && next() < dropout) break;
      t += -Math.log(next()) / rate;
      if (t >= ${m.days}) break;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const k = order[i]; order[i] = order[j]; order[j] = k;
  }
  // The sheet is kept as Excel keeps it, outside the page's objects: typed arrays, each row made
  // when it is read (Excel hands over fresh values, text included, with every read). A million row
  // arrays held by the stub would be the test's garbage to collect, not the pane's.
  const customer = new Int32Array(n);
  const day = new Uint16Array(n);
  const amount = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = order[i];
    customer[i] = Number(customers[k].slice(1));
    day[i] = days[k];
    amount[i] = amounts[k];
  }
  customers.length = 0; days.length = 0; amounts.length = 0; order.length = 0;
  const header = ['Customer', 'Order date', 'Amount'];
  let lastIndex = -1;
  let lastRow = null;
  const values = new Proxy([], {
    get(target, key) {
      if (key === 'length') return n + 1;
      if (typeof key === 'string' && /^[0-9]+$/.test(key)) {
        const r = Number(key);
        if (r === 0) return header;
        if (r > n) return undefined;
        if (r !== lastIndex) {
          lastIndex = r;
          lastRow = ['C' + customer[r - 1], 44927 + day[r - 1], amount[r - 1]];
        }
        return lastRow;
      }
      return Reflect.get(target, key);
    },
  });
  const formats = [['General', 'General', 'General']];
  for (let i = 0; i < 100; i++) formats.push(['General', 'yyyy-mm-dd', '#,##0.00']);
  sheet.values = values;
  sheet.formats = formats;
  window.__book.selection = { row: 1, column: 0, rows: 1, columns: 1 };
  window.__book.region = { row: 0, column: 0, rows: n + 1, columns: 3 };
})();
`;
}
