import {defineConfig} from 'vitest/config';
import path from 'node:path';
import {tmpdir} from 'node:os';

// `npm run fuzz`: the storm of keys and resizes (test/e2e/storm.test.ts) at length, from a fresh
// seed each run (printed; replay with STORM_SEED=<seed>), with the bound on the longest block
// of the event loop that `npm test` leaves out (it depends on the machine's load). Needs dist/.
export default defineConfig({
  test: {
    include: ['test/e2e/storm.test.ts'],
    env: {
      STORM_RANDOM: '1',
      STORM_KEYS: '10000',
      STORM_BLOCK_BOUND_MS: '250',
      BROADSHEET_CONFIG: path.join(tmpdir(), 'broadsheet-tests-no-config', 'config.yaml'),
      BROADSHEET_OFFLINE: '1',
      BROWSER: 'true',
    },
    testTimeout: 300000,
  },
});
