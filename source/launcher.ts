// dist/cli.js: starts the bundled CLI (dist/app.js, a script) from V8's code cache when there is one.
// Compiling the 800 KB bundle is the largest single cost of start-up; with the code cache kept
// from an earlier run, V8 skips it. Node 20 has no module compile cache (22 has), hence this.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {compileWithCodeCache} from './system/code-cache.js';
import {pageWorkerBeside, startPageReading} from './cli/early-page.js';

// First, before the reader is compiled: a web page named on the command line starts being
// read in a thread of its own (the reader takes it when it opens the page).
startPageReading(process.argv.slice(2), pageWorkerBeside(import.meta.url));

/** A hash of dist/app.js, set by the bundler: a cache made from another build is never used. */
declare const BROADSHEET_BUILD_ID: string;

const app = fileURLToPath(new URL('app.js', import.meta.url));
const {script, keep} = compileWithCodeCache(app, readFileSync(app, 'utf8'), BROADSHEET_BUILD_ID);
// Made once the first screen is up (or at exit, if sooner), so that it holds the functions
// start-up compiled too.
setTimeout(keep, 1000).unref();
process.once('exit', keep);
// The bundle is one async function of (require, import.meta): see scripts/bundle.mjs.
const start = script.runInThisContext() as (
  require: NodeRequire,
  meta: {url: string},
) => Promise<void>;
await start(createRequire(app), {url: pathToFileURL(app).href});
