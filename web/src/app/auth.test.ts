import { describe, expect, it } from 'vitest';
import { safeRedirect } from './auth';

describe('safeRedirect', () => {
  it('keeps same-origin paths', () => expect(safeRedirect('/admin/users?q=a')).toBe('/admin/users?q=a'));
  it.each([['//evil.example'], ['https://evil.example'], [undefined], [42]])('refuses %s', (target) =>
    expect(safeRedirect(target)).toBe('/'),
  );
});
