import { dayNumber } from '../../../src/core/time/day-number.ts';
import { DayReader, dayNumbers } from '../../../src/core/table/date-column.ts';

describe('the cached date-column reader', () => {
  test('a column: errors name the column and the 1-based row', () => {
    expect(Array.from(dayNumbers(['1997-01-01', 19970102], 'date'))).toEqual([9862, 9863]);
    expect(() => dayNumbers(['1997-01-01', null], 'when')).toThrow('date: column "when", row 2 is not a date (got null); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date');
    expect(() => dayNumbers([35431, '1997-02-30'], 'when')).toThrow(
      'date: column "when", row 2 is not a date (got "1997-02-30"); use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date',
    );
  });

  test('every form reads as dayNumber reads it, cached or not (1997-01-01 is day 9862)', () => {
    const forms: unknown[] = [
      '1997-01-01', ' 1997-01-01 ', '1997-01-01T12:00', '19970101', 19970101, 35431, 35431.75, new Date(Date.UTC(1997, 0, 1, 18)),
      // Excel's serials before its phantom 29 February 1900, and the first after it.
      1, 59, 61, '1900-03-01',
    ];
    const reader = new DayReader('date');
    // Twice over, so the second round comes from the caches.
    for (let round = 0; round < 2; round++) {
      forms.forEach((value, row) => expect(reader.day(value, row)).toBe(dayNumber(value, 'date')));
    }
    expect(Array.from(dayNumbers(forms, 'date'))).toEqual(forms.map((value) => dayNumber(value, 'date')));
  });

  test('strings that share a memo slot stay distinct (a decade apart, or not dates at all)', () => {
    const values = ['1997-01-01', '2007-01-01', '1997-01-01', '2007-01-01', '1987-01-01'];
    expect(Array.from(dayNumbers(values, 'date'))).toEqual(values.map((value) => dayNumber(value, 'date')));
    expect(() => dayNumbers(['1997-01-01', '1997-01-0x'], 'date')).toThrow('date: column "date", row 2 is not a date (got "1997-01-0x")');
  });
});
