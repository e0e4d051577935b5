import { describe, expect, it } from 'vitest';
import { lastDayOfMonth, parseThaiDate, THAI_MONTH_PATTERN, thaiDate, thaiMonth, yearOfBuddhistEra } from './thaiDate.js';

describe('Thai dates', () => {
  it('knows the twelve months by name and abbreviation', () => {
    const names = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
    expect(names.map(thaiMonth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(['ม.ค.', 'ก.พ.', 'ธ.ค.'].map(thaiMonth)).toEqual([1, 2, 12]);
    expect(thaiMonth('ก.พ.ร.')).toBe(0);
    // The abbreviation ก.พ. must not match the start of ก.พ.ร. (an agency, not February).
    expect(new RegExp(THAI_MONTH_PATTERN).exec('สำนักงาน ก.พ.ร.')).toBeNull();
  });

  it('reads Buddhist-Era years of four or two digits (B.E. = CE + 543)', () => {
    expect(yearOfBuddhistEra('2566')).toBe(2566 - 543);
    expect(yearOfBuddhistEra('65')).toBe(2565 - 543);
  });

  it('reads ISO, day/month/year and Thai-month dates, B.E. or CE, and nothing else', () => {
    expect(parseThaiDate('2023-01-15')).toBe('2023-01-15');
    expect(parseThaiDate('15/1/2566')).toBe('2023-01-15');
    expect(parseThaiDate('๑๕ มกราคม พ.ศ. ๒๕๖๖')).toBe('2023-01-15');
    expect(parseThaiDate('29/02/2567')).toBe('2024-02-29');
    expect(parseThaiDate('29/02/2566')).toBeUndefined();
    expect(parseThaiDate('15/01/66')).toBeUndefined();
    expect(lastDayOfMonth(2023, 9)).toBe('2023-09-30');
  });
});

describe('thaiDate', () => {
  it('writes day, abbreviated Thai month and Buddhist-Era year (the seed writes periods so: "ต.ค. ๒๕๖๕")', () => {
    expect(thaiDate('2023-09-30')).toBe('30 ก.ย. 2566');
    expect(thaiDate('2022-10-01')).toBe('1 ต.ค. 2565');
    expect(thaiDate('2024-12-31')).toBe('31 ธ.ค. 2567');
  });
  it('rejects what is not an ISO date, naming the function and the value', () => {
    expect(() => thaiDate('30/09/2566')).toThrow(/^thaiDate: iso: expected an ISO date \(yyyy-mm-dd\)/);
    expect(() => thaiDate('2023-13-01')).toThrow(/thaiDate: iso/);
    expect(() => thaiDate('2023-01-00')).toThrow(/thaiDate: iso/);
    expect(() => thaiDate(20230101 as never)).toThrow(/thaiDate: iso/);
  });
});
