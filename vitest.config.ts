import {defineConfig} from 'vitest/config';
import path from 'node:path';
import {tmpdir} from 'node:os';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/corpus/**', 'test/fixtures/**', 'node_modules/**'],
    testTimeout: 20000,
    hookTimeout: 30000,
    // The tests' own config file (none): a reader's ~/.config/broadsheet never applies to them.
    // No test asks the network beyond this machine, nor opens a browser (O).
    env: {
      BROADSHEET_CONFIG: path.join(tmpdir(), 'broadsheet-tests-no-config', 'config.yaml'),
      BROADSHEET_OFFLINE: '1',
      BROWSER: 'true',
    },
  },
});
