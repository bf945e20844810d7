import {defineConfig} from 'vitest/config';

// Tests over the research-only sets in ../shared/corpus, which a fresh clone does not have.
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.{ts,tsx}'],
    testTimeout: 60000,
  },
});
