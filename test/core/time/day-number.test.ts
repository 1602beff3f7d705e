import { dayNumber, dayNumberFromCivil, isoDate } from '../../../src/core/time/day-number.ts';
import { daysPerUnit } from '../../../src/core/time/time-unit.ts';

describe('dayNumber', () => {
  test('the documented example: every accepted form of 1997-01-01 is day 9862', () => {
    // Python: (datetime.date(1997, 1, 1) - datetime.date(1970, 1, 1)).days == 9862;
    // Excel: =DATEVALUE("1997-01-01") is 35431.
    for (const v of ['1997-01-01', 19970101, '19970101', 35431, 35431.75, new Date('1997-01-01'), '1997-01-01T13:00:00']) {
      expect(dayNumber(v, 'date')).toBe(9862);
    }
    expect(dayNumberFromCivil(1997, 1, 1)).toBe(9862);
    expect(isoDate(9862)).toBe('1997-01-01');
  });
  test("Excel's 1900 leap-year bug: serial 59 is 1900-02-28, 61 is 1900-03-01, 1 is 1900-01-01", () => {
    expect(isoDate(dayNumber(1, 'd'))).toBe('1900-01-01');
    expect(isoDate(dayNumber(59, 'd'))).toBe('1900-02-28');
    expect(isoDate(dayNumber(61, 'd'))).toBe('1900-03-01');
    expect(() => dayNumber(60, 'd')).toThrow('d is not a date (got 60); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date');
  });
  test('leap days and invalid calendar dates', () => {
    expect(isoDate(dayNumber('2000-02-29', 'd'))).toBe('2000-02-29');
    expect(() => dayNumber('1900-02-29', 'd')).toThrow('not a date');
    expect(() => dayNumber(19971301, 'd')).toThrow('d is not a date (got 19971301); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date');
    expect(() => dayNumber('1997/01/01', 'calibrationEnd')).toThrow(
      'calibrationEnd is not a date (got "1997/01/01"); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date',
    );
    expect(() => dayNumber(new Date(NaN), 'd')).toThrow('an invalid Date');
  });
  test('time units: a month is 365.25/12 days', () => {
    expect(daysPerUnit('month', 'timeUnit')).toBe(30.4375);
    expect(daysPerUnit('week', 'timeUnit')).toBe(7);
    expect(() => daysPerUnit('year', 'timeUnit')).toThrow(`timeUnit must be 'day', 'week' or 'month' (got "year")`);
  });
});
