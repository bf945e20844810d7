import {existsSync, openSync, readFileSync, statSync} from 'node:fs';
import {ReadStream} from 'node:tty';
import {articleFromBytes} from '../article/load.js';
import {decode} from '../article/decode.js';
import {formatOfFile, looksLikeEpub, sniffFormat, type Format} from '../article/formats.js';
import {Keyboard} from '../terminal/keyboard.js';
import {readKeysFrom} from '../terminal/screen.js';
import path from 'node:path';
import type {LoadResult} from '../article/article.js';
import {loadArticleFile, loadWholeArticleFile} from '../article/file.js';
import {safeLine} from '../article/sanitize.js';
import type {LibraryWork} from '../library/list-reducer.js';
import type {Library, LibraryEntry} from '../library/library.js';
import {listLibrary, listPaths} from '../library/scan.js';
import {LibraryCache} from '../state/library-cache.js';
import {libraryDirectory, stateDirectory} from '../system/folders.js';
import {bundledArticles} from './bundled-articles.js';
import {fail} from './fail.js';

/** The library to show; for a named file, a library of one, already read once here. */
export type Target = {
  library: Library;
  /** The folder scanned (again, on `r`). */
  folder: string;
  /** Several paths named on the command line: these are listed again on `r`. */
  paths?: string[];
  /** The list's cache, read once (the reader keeps using it). */
  cache?: LibraryCache;
  opened?: {path: string; result: LoadResult & {kind: 'article'}};
};

/** The article on standard input, read whole, as a library of one. */
export function pipedTarget(format?: Format): Target {
  let bytes: Buffer;
  try {
    bytes = readFileSync(0);
  } catch (error) {
    return fail(`cannot read standard input: ${(error as Error).message}`, 1);
  }
  // Named by --format, else told by its content (`curl … | broadsheet` is a page).
  const read =
    format ?? (looksLikeEpub(bytes) ? 'epub' : sniffFormat(decode(bytes.subarray(0, 4096)).text));
  const result = articleFromBytes(bytes, 'standard input', {ownBytes: true, format: read});
  if (result.kind === 'refused') return fail(`cannot read standard input: ${result.reason}`, 1);
  const entry = {path: '-', fileName: 'standard input', title: safeLine(result.article.title)};
  return {
    library: {kind: 'folder', folder: 'standard input', entries: [entry]},
    folder: '.',
    opened: {path: '-', result},
  };
}

/**
 * The keys of the terminal itself (/dev/tty), for reading an article piped in, as less does;
 * undefined when there is none (then the article is printed).
 */
export function terminalKeyboard(): Keyboard | undefined {
  if (!process.stdout.isTTY || (process.env['TERM'] ?? '') === 'dumb') return undefined;
  try {
    const stream = new ReadStream(openSync('/dev/tty', 'r'));
    readKeysFrom(stream);
    return new Keyboard(stream).start();
  } catch {
    return undefined;
  }
}

/**
 * The folder opened without a PATH: $BROADSHEET_DIR, else the reader's own library when it
 * holds articles (pages saved with `add` or `a`), else the bundled articles.
 */
export function defaultLibrary(): string {
  return defaultListing().folder;
}

/** The default library and its listing, read once (start-up lists it only once). */
function defaultListing(cache?: LibraryCache): {folder: string; library?: Library} {
  const own = libraryDirectory();
  const listed = listLibrary(own, cache);
  if (process.env['BROADSHEET_DIR'] || (listed.kind === 'folder' && listed.entries.length > 0)) {
    return {folder: own, library: listed};
  }
  return {folder: bundledArticles()};
}

/**
 * What the command line opens: a named file (read and checked now; `read` is its load when
 * it was read already, see early-page.ts), or a folder's library.
 */
export function resolveTarget(input: string[], format?: Format, read?: LoadResult): Target {
  const cache = new LibraryCache(stateDirectory());
  if (input.length > 1) {
    for (const given of input) if (!existsSync(given)) fail(`no such file or folder: ${given}`, 1);
    // Pages saved with `a` go into the reader's own library (the list then shows it).
    return {library: listPaths(input, cache), folder: libraryDirectory(), paths: input, cache};
  }
  const named = input[0];
  if (named !== undefined && !existsSync(named)) fail(`no such file or folder: ${named}`, 1);
  if (named !== undefined && !statSync(named).isDirectory()) {
    const result = read ?? loadArticleFile(named, format ?? formatOfFile(named));
    if (result.kind === 'refused') fail(`cannot open ${named}: ${result.reason}`, 1);
    const folder = safeLine(path.dirname(path.resolve(named)));
    const entry = {
      path: named,
      fileName: safeLine(path.basename(named)),
      title: result.article.title,
    };
    return {
      library: {kind: 'folder', folder, entries: [entry]},
      folder,
      opened: {path: named, result},
    };
  }
  if (named !== undefined) return {library: listLibrary(named, cache), folder: named, cache};
  const {folder, library} = defaultListing(cache);
  return {library: library ?? listLibrary(folder, cache), folder, cache};
}

/**
 * Entries read before the first frame: those first in the list, a few screenfuls (the list
 * shows them in the order of folders and names until their titles are read).
 */
const FIRST_FRAME_ENTRIES = 100;

/**
 * The library with its first entries described: a small library is read whole (its first
 * frame is complete); a large one shows at once, the rest read in the background, those on
 * screen first. Entries the cache knows (their size is known) are shown from it and checked
 * in the background.
 */
export function describeFirst(library: Library, work: LibraryWork): Library {
  if (library.kind !== 'folder') return library;
  const entries = library.entries.map((entry, index) =>
    entry.pending && entry.size === undefined && index < FIRST_FRAME_ENTRIES
      ? work.describe(entry)
      : entry,
  );
  return {...library, entries};
}

/** The words of an article the list shows, counted from the whole file (up to 1 MB). */
export function countArticleWords(
  entry: LibraryEntry,
  cache: LibraryCache,
  limit = COUNT_WORDS_BYTES,
): number | undefined {
  if ((entry.size ?? Infinity) > limit) return undefined;
  const result = loadWholeArticleFile(entry.path);
  if (result.kind !== 'article') return undefined;
  const {words} = result.article;
  const cached = cache.get(entry.path, entry.size ?? -1, entry.mtime ?? -1);
  if (cached) cache.set(entry.path, {...cached, words});
  return words;
}

/** Files longer than this keep an estimate of their length in the list. */
const COUNT_WORDS_BYTES = 1024 * 1024;
