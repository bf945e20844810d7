import {defineConfig} from 'vitest/config';
import path from 'node:path';
import {tmpdir} from 'node:os';

// The suite StrykerJS runs against each mutant: everything that runs the source itself. The
// real-terminal tests run the built bundle (dist/), which a mutant of the source never reaches.
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: [
      'test/e2e/**',
      'test/fuzz/**',
      'test/corpus/**',
      'test/fixtures/**',
      'node_modules/**',
    ],
    testTimeout: 20000,
    hookTimeout: 30000,
    env: {
      BROADSHEET_CONFIG: path.join(tmpdir(), 'broadsheet-tests-no-config', 'config.yaml'),
      BROADSHEET_OFFLINE: '1',
      BROWSER: 'true',
    },
  },
});
