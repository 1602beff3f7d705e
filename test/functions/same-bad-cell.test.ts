/**
 * One bad cell, two ways in: a formula (=CRM.DRIVERS in HyperFormula) and the pane's mapping
 * check read it the same, because both locate it with the core's `formatLocation` and word it
 * with the same message builder. The sheet: a header row (Sat, Amount), then data; the cell
 * Amount at sheet row 14 holds "n/a".
 */
import * as aq from 'arquero';
import { columnProblem } from '../../src/taskpane/mapping/validate.ts';
import { cellValue, createEngine } from './formula-engine.ts';

const rows = Array.from({ length: 20 }, (_, i) => [1 + (i % 7), 2 + ((i * 3) % 5)] as unknown[]);
rows[12][1] = 'n/a'; // data row 13 = sheet row 14 under the header
const sheet: unknown[][] = [['Sat', 'Amount'], ...rows];
const cell = 'column "Amount", row 14 is not a number (got "n/a")';

test('the same bad cell reads the same in a formula and in the pane', async () => {
  const engine = await createEngine({ Data: sheet, Out: [['=CRM.DRIVERS(Data!A1:A21, Data!B1:B21)']] });
  const formula = cellValue(engine, 'Out', 'A1') as { error: string; message: string };
  expect(formula).toEqual({ error: '#VALUE!', message: `drivers: ${cell}` });

  // The pane reads the same sheet: header on sheet row 1, so data row i is sheet row i + 2.
  const table = aq.table({ Sat: rows.map((r) => r[0]), Amount: rows.map((r) => r[1]) });
  const pane = columnProblem(table, 'Amount', 'number', { rowNumber: (i) => i + 2 });
  expect(pane).toBe(cell.charAt(0).toUpperCase() + cell.slice(1));
  // Same words after the location's first letter (the pane starts a sentence with it).
  expect(pane?.slice(1)).toBe(formula.message.slice('drivers: '.length + 1));
});

test('an answer outside the survey scale is worded the same in a formula and in the pane', async () => {
  // No header: the range's row 2, second item, holds 11 on a 1–10 scale.
  const answers = [[5, 6], [7, 11], [8, 9]];
  const engine = await createEngine({ Data: answers, Out: [['=CRM.CSI(Data!A1:B3)']] });
  const formula = cellValue(engine, 'Out', 'A1') as { error: string; message: string };
  const problem = 'is outside the scale 1–10 (got 11)';
  expect(formula).toEqual({ error: '#VALUE!', message: `scores: row 2, item 2 ${problem}` });

  const table = aq.table({ B: answers.map((r) => r[1]) });
  const pane = columnProblem(table, 'B', 'number', { scale: { min: 1, max: 10 } });
  expect(pane).toBe(`Column "B", row 2 ${problem}`);
});
