// V8's code cache for the bundles Broadsheet loads: compiling them is a large part of
// start-up (the CLI) and of opening a web page or a book (web.cjs), and V8 can skip it with
// the code it kept from an earlier run. Node 20 has no module compile cache (22 has), hence
// this. A cache is made for one build of one bundle on one Node and is never used for another.
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire, Module} from 'node:module';
import path from 'node:path';
import {Script} from 'node:vm';
import {cacheDirectory} from './folders.js';

/** Where the code caches live, or nowhere when they are turned off or there is no home. */
export function codeCacheFolder(): string | undefined {
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
 * caches of earlier builds of the same bundle for this Node are removed (each is a megabyte
 * no one will read).
 */
function writeCache(file: string, data: Buffer, stale: (name: string) => boolean): void {
  try {
    const folder = path.dirname(file);
    mkdirSync(folder, {recursive: true});
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
    writeFileSync(partial, data);
    renameSync(partial, file);
    for (const name of readdirSync(folder)) if (stale(name)) rmSync(path.join(folder, name));
  } catch {
    // A cache that cannot be written only costs the next run its compile.
  }
}

/** A bundle compiled from its code cache when there is a good one. */
export type CompiledBundle = {
  script: Script;
  /** Writes the cache if this run had none (or a rejected one); at most once. */
  keep: () => void;
};

/**
 * Compiles `source` (the bundle at `file`, of build `buildId`) with the code cache kept for
 * it. `keep` writes a new cache, holding whatever functions have been compiled by then: call
 * it once the bundle has done its first work, so the next run skips that compile too.
 */
export function compileWithCodeCache(
  file: string,
  source: string,
  buildId: string,
  wrap: (source: string) => string = (text) => text,
): CompiledBundle {
  const folder = codeCacheFolder();
  const base = path.basename(file).replace(/\W+/g, '-');
  const forThisNode = `-${process.version}-${process.arch}.cache`;
  const cacheName = `code-${base}-${buildId}${forThisNode}`;
  const cacheFile = folder && path.join(folder, cacheName);
  const cachedData = readCache(cacheFile);
  const script = new Script(wrap(source), {filename: file, cachedData});
  let kept = !cacheFile || (cachedData !== undefined && !script.cachedDataRejected);
  const isStale = (name: string) =>
    name !== cacheName &&
    name.endsWith(forThisNode) &&
    // (Earlier builds named the CLI's cache by its build alone.)
    (name.startsWith(`code-${base}-`) || /^code-[\da-f]{16}-v/.test(name));
  return {
    script,
    keep() {
      if (kept || !cacheFile) return;
      kept = true;
      writeCache(cacheFile, script.createCachedData(), isStale);
    },
  };
}

// Bundles required this way in this thread, by file: each is evaluated once, whichever
// bundle (the CLI, the page worker, book.cjs) asks first. Kept on the global object, which
// the bundles of one thread share.
const LOADED = Symbol.for('broadsheet.compiledBundles');
type Loaded = {exports: unknown; keep: () => void};
type WithLoaded = {[LOADED]?: Map<string, Loaded>};

/**
 * Requires the CommonJS bundle `relative` names beside the caller (whose `require` is given),
 * compiled with its code cache. The cache is written once the bundle has done its first
 * work: at `keepCodeCaches()`, one second after loading (unless the thread is busy), or at exit.
 */
export function requireCompiled(require: NodeJS.Require, relative: string, buildId: string) {
  const file = require.resolve(relative);
  const loaded = ((globalThis as WithLoaded)[LOADED] ??= new Map());
  const known = loaded.get(file);
  if (known) return known.exports;
  const {script, keep} = compileWithCodeCache(file, readFileSync(file, 'utf8'), buildId, (text) =>
    Module.wrap(text),
  );
  const module = {exports: {}};
  const entry = {exports: module.exports, keep};
  loaded.set(file, entry);
  setTimeout(keep, 1000).unref();
  process.once('exit', keep);
  (script.runInThisContext() as CommonJsWrapper).call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    path.dirname(file),
  );
  entry.exports = module.exports;
  return module.exports;
}

type CommonJsWrapper = (
  this: unknown,
  exports: unknown,
  require: NodeJS.Require,
  module: {exports: unknown},
  filename: string,
  dirname: string,
) => void;

/** Writes now the code caches of the bundles this thread loaded without one. */
export function keepCodeCaches(): void {
  for (const {keep} of (globalThis as WithLoaded)[LOADED]?.values() ?? []) keep();
}
