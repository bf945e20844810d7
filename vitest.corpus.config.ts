import {defineConfig} from 'vitest/config';
import path from 'node:path';
import {tmpdir} from 'node:os';

// Tests over the research-only sets in ../shared/corpus, which a fresh clone does not have.
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.{ts,tsx}'],
    testTimeout: 60000,
    // No test asks the network beyond this machine, nor opens a browser (O).
    env: {
      BROADSHEET_CONFIG: path.join(tmpdir(), 'broadsheet-tests-no-config', 'config.yaml'),
      BROADSHEET_OFFLINE: '1',
      BROWSER: 'true',
    },
  },
});
