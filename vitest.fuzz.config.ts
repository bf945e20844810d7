import {defineConfig} from 'vitest/config';

// `npm run fuzz`: the long randomized runs (a storm of keys and resizes), seeded; needs dist/.
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.{ts,tsx}'],
    testTimeout: 120000,
  },
});
