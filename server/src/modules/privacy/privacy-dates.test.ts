import { describe, expect, it } from 'vitest';
import { addDays, addMonths, parisToday } from './privacy-dates.ts';

describe('deadline arithmetic', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-03-31', 1)).toBe('2027-04-30');
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-15');
  });
  it('counts an extension from receipt, not from the clamped deadline', () => {
    expect(addMonths('2027-01-31', 3)).toBe('2027-04-30');
    expect(addMonths('2027-01-31', 2)).toBe('2027-03-31');
  });
  it('takes the Paris day, not the UTC one', () => {
    expect(parisToday(new Date('2027-01-31T23:30:00Z'))).toBe('2027-02-01');
    expect(parisToday(new Date('2027-07-31T21:59:00Z'))).toBe('2027-07-31');
    expect(addDays('2027-02-26', 7)).toBe('2027-03-05');
  });
});
