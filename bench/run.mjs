// `npm run bench`: every benchmark, reported as ratios measured in the same run.
import {benchStartup} from './startup.mjs';

await benchStartup();
