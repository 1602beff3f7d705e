/**
 * The pane's words for option problems: fields checked as typed (dates, the survey scale), core
 * option errors renamed to the pane's fields, and a chart's accessible description.
 */
import { InputError } from '../../../src/core/errors.ts';
import { invalid, mustBe, stated } from '../../../src/core/messages.ts';
import { dateFieldProblem } from '../../../src/taskpane/ui/field-check.ts';
import { optionErrorText } from '../../../src/taskpane/ui/option-errors.ts';
import { describeChart } from '../../../src/taskpane/ui/chart-access.ts';
import { scaleProblem } from '../../../src/taskpane/mapping/survey-scale.ts';
import { rfmHeatmapChart } from '../../../src/core/charts/rfm-heatmap-chart.ts';

describe('date fields', () => {
  test.each(['1997-09-30', '19970930', ' 1997-09-30 '])('%p is a date', (text) => {
    expect(dateFieldProblem('Calibration end', text, 'the last purchase day up to today')).toBeNull();
  });

  test('blank is fine where it stands for something, and said so where it does not', () => {
    expect(dateFieldProblem('Recency as of', '', 'the last purchase day up to today')).toBeNull();
    expect(dateFieldProblem('From', '  ')).toBe('From must be a date such as 1997-09-30 (it is blank).');
  });

  test.each(['1997-13-01', '1997-02-30', 'last week', '30/09/1997'])('%p names the field and what it takes', (text) => {
    expect(dateFieldProblem('Calibration end', text, 'the last purchase day up to today')).toBe(
      `Calibration end must be a date such as 1997-09-30 (it is ${JSON.stringify(text)}); leave it blank for the last purchase day up to today.`,
    );
  });
});

describe('survey scale', () => {
  test('a reversed scale is one message, on "to"', () => {
    expect(scaleProblem('10', '1', 'from')).toBeNull();
    expect(scaleProblem('10', '1', 'to')).toBe('Scale to must be larger than Scale from (the scale is 10 to 1).');
    expect(scaleProblem('5', '5', 'to')).toBe('Scale to must be larger than Scale from (the scale is 5 to 5).');
  });

  test('each field names itself when it is not a number', () => {
    expect(scaleProblem('', '10', 'from')).toBe('Scale from must be a number, the lowest answer (it is blank).');
    expect(scaleProblem('1', 'ten', 'to')).toBe('Scale to must be a number, the highest answer (it is "ten").');
    expect(scaleProblem('0', '10', 'to')).toBeNull();
  });
});

describe('core option errors in the pane', () => {
  test('named by the field, not blamed on the data', () => {
    expect(optionErrorText(mustBe('bins', 'an integer from 2 to 20', { value: 1.5 }))).toBe('RFM scores must be an integer from 2 to 20 (got 1.5)');
    expect(optionErrorText(invalid('calibrationEnd', ': 1990-01-01 is before the first purchase'))).toBe(
      'Calibration end: 1990-01-01 is before the first purchase',
    );
    // A sentence of its own (not made by a location-first builder) follows the field's name.
    expect(optionErrorText(stated('horizon', 'the horizon runs past the year 9999'))).toBe('Horizon: the horizon runs past the year 9999');
  });

  test('options already named as their fields keep their message', () => {
    expect(optionErrorText(new InputError('from (1999-01-01) must be before to (1998-06-30)', { argument: 'from' }))).toBe('from (1999-01-01) must be before to (1998-06-30)');
  });

  test('errors about the data (or with no argument) are left to the caller', () => {
    expect(optionErrorText(new InputError('amount: column "amount" row 3 is not a number', { argument: 'amount' }))).toBeNull();
    expect(optionErrorText(new InputError('something'))).toBeNull();
    // A column named like an option is data only when the core says so: the argument decides.
    expect(optionErrorText(new InputError('__proto__ is odd', { argument: '__proto__' }))).toBeNull();
  });
});

describe('chart descriptions', () => {
  test('say what the chart shows in a sentence or two, not its ticks', () => {
    const spec = rfmHeatmapChart([{ R: 1, F: 2, monetary: 5 }, { R: 2, F: 2, monetary: 7 }]);
    expect(describeChart(spec)).toBe(
      'RFM heatmap: customers (number) and mean monetary (colour) by R and F. Heatmap: Frequency score (F) across, Recency score (R) up, Colour: mean monetary per customer; 4 data points.',
    );
  });

  test('the documented example', () => {
    expect(describeChart({ title: 'Key drivers', mark: 'bar', encoding: { x: { field: 'share', type: 'quantitative', title: 'Share of R² (%)' }, y: { field: 'driver', type: 'nominal', title: null } }, data: { values: [{}, {}] } })).toBe(
      'Key drivers. Bar chart: Share of R² (%) across; 2 data points.',
    );
  });
});
