/** Excel cells to table columns: date formats, serials, header names. */
import { excelSerialToIso, headerNames, isDateFormat, sheetValuesToTable } from '../../../src/taskpane/excel/cell-values.ts';
import { HOSTILE_NAMES } from '../../core/hostile-names.ts';

test('date formats are told from number and time formats', () => {
  for (const f of ['yyyy-mm-dd', 'm/d/yyyy', 'd-mmm-yy', 'mmm yyyy', '[$-409]mmmm d, yyyy;@', 'dd/mm/yyyy hh:mm']) {
    expect([f, isDateFormat(f)]).toEqual([f, true]);
  }
  for (const f of ['General', '0.00', '#,##0 "days"', '[h]:mm:ss', 'h:mm', 'mm:ss', '_($* #,##0.00_)', '@', '[Red]0.0', '']) {
    expect([f, isDateFormat(f)]).toEqual([f, false]);
  }
});

test('Excel serials are 1900-system dates (checked against Excel: 45292 shows as 2024-01-01)', () => {
  expect(excelSerialToIso(45292)).toBe('2024-01-01');
  expect(excelSerialToIso(35431.75)).toBe('1997-01-01'); // time of day dropped
  expect(excelSerialToIso(61)).toBe('1900-03-01');
  expect(excelSerialToIso(59)).toBe('1900-02-28');
  expect(excelSerialToIso(1)).toBe('1900-01-01');
});

test('header names are unique and never blank', () => {
  expect(headerNames(['Amount', '', 'amount', null, ' Date '])).toEqual(['Amount', 'Column 2', 'amount (2)', 'Column 4', 'Date']);
});

test('trailing blank rows are dropped; blanks become null', () => {
  const { table } = sheetValuesToTable([['a', 'b'], [1, ''], ['', 'x'], ['', '']]);
  expect(table.objects()).toEqual([{ a: 1, b: null }, { a: null, b: 'x' }]);
});

test.each(HOSTILE_NAMES)('a column headed %s is read like any other (names are data)', (name) => {
  const { header, table } = sheetValuesToTable([['customer', name, 'amount'], ['a', 1, 10], ['b', 2, 20]]);
  expect(header).toEqual(['customer', name, 'amount']);
  expect(table.columnNames()).toEqual(['customer', name, 'amount']);
  expect(table.array(name)).toEqual([1, 2]);
  expect(table.array('amount')).toEqual([10, 20]);
});
