import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/corpus/**', 'test/fixtures/**', 'node_modules/**'],
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});
