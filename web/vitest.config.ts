import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure modules (API client, form error mapping, formatting).
// Run with `npm test -w @parterre/web`; they need no DOM.
export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    sequence: { groupOrder: 0 },
  },
});
