import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/corpus/**'],
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});
