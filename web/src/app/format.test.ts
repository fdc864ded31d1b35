import { describe, expect, it } from 'vitest';
import { formatDuration, initials } from './format';

describe('formatDuration', () => {
  it('formats seconds, minutes and hours', () => {
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(190)).toBe('3 min 10 s');
    expect(formatDuration(7500)).toBe('2 h 05 min');
  });
});

describe('initials', () => {
  it('takes the first and last words, skipping non-letters', () => {
    expect(initials('Jeanne Moreau')).toBe('JM');
    expect(initials('Paul Durand (API)')).toBe('PD');
    expect(initials('élodie')).toBe('É');
    expect(initials('  ')).toBe('?');
  });
});
