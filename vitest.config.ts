/// <reference types="vitest/config" />
// getViteConfig lets vitest compile .astro components (needed by the Container API
// escaping test in test/gates/escaping.test.ts).
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
