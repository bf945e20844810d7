// dist/cli.js: starts the bundled CLI (dist/app.js, a script) from V8's code cache when there is one.
// Compiling the 800 KB bundle is the largest single cost of start-up; with the code cache kept
// from an earlier run, V8 skips it. Node 20 has no module compile cache (22 has), hence this.
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {Script} from 'node:vm';
import {cacheDirectory} from './system/folders.js';
import {pageWorkerBeside, startPageReading} from './cli/early-page.js';

// First, before the reader is compiled: a web page named on the command line starts being
// read in a thread of its own (the reader takes it when it opens the page).
startPageReading(process.argv.slice(2), pageWorkerBeside(import.meta.url));

/** A hash of dist/app.js, set by the bundler: a cache made from another build is never used. */
declare const BROADSHEET_BUILD_ID: string;

/** Where the code cache lives, or nowhere when it is turned off or there is no home. */
function codeCacheFolder(): string | undefined {
  if (process.env['BROADSHEET_CODE_CACHE'] === 'off') return undefined;
  try {
    return cacheDirectory();
  } catch {
    return undefined; // no home folder to find
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Written whole or not at all (a rename), so a reader starting meanwhile never sees half; the
 * caches of earlier builds for this Node are removed (each is a megabyte no one will read).
 */
function writeCache(file: string, data: Buffer, stale: (name: string) => boolean): void {
  try {
    const folder = path.dirname(file);
    mkdirSync(folder, {recursive: true});
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, data);
    renameSync(partial, file);
    for (const name of readdirSync(folder)) if (stale(name)) rmSync(path.join(folder, name));
  } catch {
    // A cache that cannot be written only costs the next start-up its compile.
  }
}

const app = fileURLToPath(new URL('app.js', import.meta.url));
const folder = codeCacheFolder();
const forThisNode = `-${process.version}-${process.arch}.cache`;
const cacheName = `code-${BROADSHEET_BUILD_ID}${forThisNode}`;
const cacheFile = folder && path.join(folder, cacheName);
const isStale = (name: string) =>
  name !== cacheName && name.startsWith('code-') && name.endsWith(forThisNode);
const cachedData = readCache(cacheFile);
const script = new Script(readFileSync(app, 'utf8'), {filename: app, cachedData});
if (cacheFile && (!cachedData || script.cachedDataRejected)) {
  // Made once the first screen is up (or at exit, if sooner), so that it holds the functions
  // start-up compiled too.
  let written = false;
  const keep = (): void => {
    if (written) return;
    written = true;
    writeCache(cacheFile, script.createCachedData(), isStale);
  };
  setTimeout(keep, 1000).unref();
  process.once('exit', keep);
}
// The bundle is one async function of (require, import.meta): see scripts/bundle.mjs.
const start = script.runInThisContext() as (
  require: NodeRequire,
  meta: {url: string},
) => Promise<void>;
await start(createRequire(app), {url: pathToFileURL(app).href});
