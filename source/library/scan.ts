import {characterScript} from '../text/scripts.js';
import {
  type Dirent,
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import {decode, decodeWebPage, looksBinary} from '../article/decode.js';
import {safeLine, sanitize} from '../article/sanitize.js';
import {errorReason} from '../article/file.js';
import {formatOfFile, unreadDocument, type Format} from '../article/formats.js';
import {MAX_ARTICLE_BYTES} from '../article/load.js';
import type {Library, LibraryEntry} from './library.js';
import {countWords, parseText} from '../article/parse-text.js';
import {bylineOf, splitFrontMatter} from '../article/markdown.js';
import {titleFromFirstLine} from '../article/title.js';
import {gutenbergBook} from '../article/gutenberg.js';
import {describeBook} from '../article/epub.js';
import type {CachedFile, LibraryCache} from '../state/library-cache.js';

/** The list reads only this much of each file: enough for the title line. */
const HEAD_BYTES = 4096;
/** A web page's title comes after its scripts and styles: its head is read further. */
const PAGE_HEAD_BYTES = 32 * 1024;

/** Whether the list shows a file: an article it reads, or a document it names and refuses. */
function listed(name: string): boolean {
  return formatOfFile(name) !== undefined || unreadDocument(name) !== undefined;
}

function readHead(file: string, bytes = HEAD_BYTES): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The head's bytes as text, cut before a line or character the read split. */
function headText(head: Uint8Array, whole: boolean): string {
  let bytes = head;
  if (!whole) {
    // Cut at the last line break so a multi-byte character split by the read is not misread.
    const lastBreak = head.lastIndexOf(0x0a);
    if (lastBreak > 0) bytes = head.subarray(0, lastBreak);
    else {
      // One long line: cut before a UTF-8 sequence the read split, or it reads as Windows-1252.
      let end = head.length;
      while (end > 0 && (head[end - 1]! & 0xc0) === 0x80) end--;
      if (end > 0 && head[end - 1]! >= 0xc0) end--;
      bytes = head.subarray(0, end);
    }
  }
  return sanitize(decode(bytes).text);
}

/**
 * What the list shows of an article, from the first bytes of its file: title and byline as
 * the reader finds them, and the word count when the head is the whole file.
 */
export function describeHead(
  head: Uint8Array,
  {fallback, format, whole}: {fallback: string; format: Format; whole: boolean},
): HeadFacts {
  if (looksBinary(head)) return {title: fallback, refused: 'not text (binary data)'};
  if (format === 'html') return pageHead(head, fallback, whole);
  // A Project Gutenberg text is titled by its header (when the head reaches the book).
  const text = headText(format === 'text' ? (gutenbergBook(head)?.bytes ?? head) : head, whole);
  if (text.trim() === '') return {title: fallback, refused: whole ? 'empty' : undefined};
  if (format === 'markdown') return markdownHead(text, fallback, whole);
  const article = parseText(text, fallback);
  const found: HeadFacts = {
    title: safeLine(article.title),
    byline: article.meta === undefined ? undefined : safeLine(article.meta),
    words: whole ? article.words : undefined,
  };
  const script = characterScript(text);
  if (script) found.script = script;
  return found;
}

/** What the list knows of a file from its head: what the cache keeps, but its size and time. */
type HeadFacts = Omit<CachedFile, 'size' | 'mtime'>;

/**
 * A Markdown file's title and byline as the reader finds them (front matter, else an opening
 * first-level heading), read without parsing the whole of its Markdown: the list shows
 * hundreds of them, and the CommonMark parser is only needed to read one.
 */
function markdownHead(text: string, fallback: string, whole: boolean): HeadFacts {
  const {front, body} = splitFrontMatter(text);
  const opening = /^\s*#[ \t]+(.+?)[ \t#]*$/m.exec(body);
  const first = body.trimStart();
  const heading = opening && first.startsWith(opening[0].trimStart()) ? opening[1] : undefined;
  const title = titleFromFirstLine(front.title ?? heading ?? '', fallback).title;
  const byline = bylineOf(front);
  // Words of the text less its markup, near enough for a length in the list.
  const words = whole
    ? countWords(body.replace(/[#>*_`~[\]()|-]+/g, ' ')) +
      countWords(title) +
      countWords(byline ?? '')
    : undefined;
  const found: HeadFacts = {
    title: safeLine(title),
    byline: byline && safeLine(byline),
    words,
  };
  if (front.url) found.url = safeLine(front.url);
  const script = characterScript(body);
  if (script) found.script = script;
  return found;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** A piece of HTML text as shown: its character references read, its spaces collapsed. */
function pageText(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? reference;
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    });
  return safeLine(text).replace(/\s+/g, ' ').trim();
}

/** A meta tag's content, by its name or property. */
function metaContent(head: string, key: string): string | undefined {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!new RegExp(`\\b(?:name|property)\\s*=\\s*["']?${key}["'\\s/>]`, 'i').test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const text = pageText(content?.[1] ?? content?.[2] ?? '');
    if (text) return text;
  }
  return undefined;
}

/**
 * A web page's title and byline for the list, from its head: Open Graph's title, else the
 * <title>; the author named in its meta tags. (Reading it, Reader View may find a better one.)
 */
function pageHead(head: Uint8Array, fallback: string, whole: boolean) {
  const html = decodeWebPage(head);
  if (whole && html.trim() === '') return {title: fallback, refused: 'empty'};
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const title =
    metaContent(html, 'og:title') ?? (titleTag === undefined ? undefined : pageText(titleTag));
  const byline = metaContent(html, 'author') ?? metaContent(html, 'article:author');
  const found: {title: string; byline?: string; url?: string} = {
    title: titleFromFirstLine(title ?? '', fallback).title,
    byline,
  };
  const canonical =
    /<link\b[^>]*\brel\s*=\s*["']?canonical[^>]*>/i
      .exec(html)?.[0]
      .match(/\bhref\s*=\s*["']([^"']+)["']/i)?.[1] ?? metaContent(html, 'og:url');
  if (canonical && /^https?:\/\//i.test(canonical)) found.url = pageText(canonical);
  return found;
}

/** An entry for one file, reading only its head (and its size and time from stat). */
export function entryFor(file: string, folder = '', cache?: LibraryCache): LibraryEntry {
  const fileName = safeLine(path.basename(file));
  return describeEntry({path: file, fileName, folder: safeLine(folder), title: fileName}, cache);
}

/**
 * Fills in what the list shows of an entry: size and time from stat, title, byline and (for
 * a short file) words from its head, or from the cache when the file has not changed.
 */
export function describeEntry(listed: LibraryEntry, cache?: LibraryCache): LibraryEntry {
  const {path: file, fileName} = listed;
  const entry: LibraryEntry = {path: file, fileName, title: listed.title};
  if (listed.folder) entry.folder = listed.folder;
  if (listed.group !== undefined) entry.group = listed.group;
  try {
    const stats = statSync(file);
    entry.size = stats.size;
    entry.mtime = stats.mtimeMs;
    const cached = cache?.get(file, stats.size, stats.mtimeMs);
    if (cached) return withCached(entry, cached);
    const notRead = unreadDocument(file);
    if (notRead) entry.refused = notRead;
    else if (stats.size > MAX_ARTICLE_BYTES) entry.refused = 'too large (over 64 MB)';
    else {
      const format = formatOfFile(file) ?? 'text';
      // A book's title is in its package, inside the zip: the whole file is read for it.
      const found: ReturnType<typeof describeHead> =
        format === 'epub'
          ? describeBook(readFileSync(file), fileName)
          : describeHead(readHead(file, format === 'html' ? PAGE_HEAD_BYTES : HEAD_BYTES), {
              fallback: fileName,
              format,
              whole: stats.size <= (format === 'html' ? PAGE_HEAD_BYTES : HEAD_BYTES),
            });
      entry.title = found.title;
      if (found.byline !== undefined) entry.byline = found.byline;
      if (found.words !== undefined) entry.words = found.words;
      if (found.refused !== undefined) entry.refused = found.refused;
      if (found.url !== undefined) entry.url = found.url;
      if (found.script !== undefined) entry.script = found.script;
    }
    cache?.set(file, {
      size: stats.size,
      mtime: stats.mtimeMs,
      title: entry.title,
      byline: entry.byline,
      words: entry.words,
      refused: entry.refused,
      url: entry.url,
      script: entry.script,
    });
  } catch (error) {
    entry.refused = errorReason(error);
  }
  return entry;
}

/** An entry as the cache remembers it. */
function withCached(entry: LibraryEntry, cached: CachedFile): LibraryEntry {
  const filled: LibraryEntry = {path: entry.path, fileName: entry.fileName, title: cached.title};
  if (entry.folder !== undefined) filled.folder = entry.folder;
  if (entry.group !== undefined) filled.group = entry.group;
  if (entry.size !== undefined) filled.size = entry.size;
  if (entry.mtime !== undefined) filled.mtime = entry.mtime;
  if (entry.pending) filled.pending = true;
  return fillFromCache(filled, cached);
}

/** Fills in, in place, what the cache remembers of an entry's file. */
function fillFromCache(entry: LibraryEntry, cached: CachedFile): LibraryEntry {
  entry.title = cached.title;
  if (cached.byline !== undefined) entry.byline = cached.byline;
  if (cached.words !== undefined) entry.words = cached.words;
  if (cached.refused !== undefined) entry.refused = cached.refused;
  if (cached.url !== undefined) entry.url = cached.url;
  if (cached.script !== undefined) entry.script = cached.script;
  return entry;
}

/** Subfolders deeper than this are not looked into (a library, not a disk). */
const MAX_DEPTH = 8;

/** Lists the articles of a folder and its subfolders, reading only what the list shows. */
export function scanLibrary(folder: string, cache?: LibraryCache): Library {
  const listed = listLibrary(folder, cache);
  if (listed.kind === 'missing') return listed;
  const entries = listed.entries.map((entry) => describeEntry(entry, cache));
  return {...listed, entries: sortedByFolderAndTitle(entries)};
}

function sortedByFolderAndTitle(entries: LibraryEntry[]): LibraryEntry[] {
  return entries.sort(
    (a, b) => (a.folder ?? '').localeCompare(b.folder ?? '') || a.title.localeCompare(b.title),
  );
}

/**
 * The articles of a folder and its subfolders by name only, as fast as the folders can be
 * read: each entry is `pending` until describeEntry reads it (titles from the cache, if any,
 * meanwhile), so that ten thousand files show at once and fill in as they are read.
 */
export function listLibrary(folder: string, cache?: LibraryCache): Library {
  const shown = safeLine(folder);
  let names: Dirent[];
  try {
    names = readdirSync(folder, {withFileTypes: true});
  } catch (error) {
    return {kind: 'missing', folder: shown, reason: errorReason(error)};
  }
  const entries: LibraryEntry[] = [];
  // Each folder's files in the order of their names, then its subfolders likewise: the order
  // of folders and names, without sorting ten thousand entries (the list shows them in its
  // own order; this one decides which are read first).
  const visit = (directory: string, relative: string, found: Dirent[], depth: number) => {
    const prefix = directory.endsWith(path.sep) ? directory : directory + path.sep;
    const shownFolder = relative ? safeLine(relative) : undefined;
    const folders: Array<{file: string; name: string}> = [];
    for (const item of found.sort(byName)) {
      const name = item.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      // `directory` is already normal: a join that normalizes again costs 10 ms in 10,000.
      const file = prefix + name;
      let isDirectory = item.isDirectory();
      let isFile = item.isFile();
      if (item.isSymbolicLink()) {
        try {
          const target = statSync(file);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDirectory && depth < MAX_DEPTH) folders.push({file, name});
      else if (isFile && listed(name))
        entries.push(listedEntry(file, safeLine(name), shownFolder, cache));
    }
    for (const {file, name} of folders) {
      let inner: Dirent[];
      try {
        inner = readdirSync(file, {withFileTypes: true});
      } catch {
        continue; // an unreadable subfolder is skipped; its articles cannot be read either
      }
      visit(file, relative ? `${relative}/${name}` : name, inner, depth + 1);
    }
  };
  visit(path.normalize(folder), '', names, 0);
  return {kind: 'folder', folder: shown, entries};
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * A file listed by name: pending until read, shown meanwhile as the cache last saw it (one
 * object, made whole at once: ten thousand are made before the first frame).
 */
function listedEntry(
  file: string,
  fileName: string,
  folder: string | undefined,
  cache: LibraryCache | undefined,
): LibraryEntry {
  const cached = cache?.peek(file);
  const entry: LibraryEntry = {path: file, fileName, title: fileName, pending: true};
  if (folder) entry.folder = folder;
  if (!cached) return entry;
  // Shown as last seen, and checked (a stat) after the first frame.
  entry.size = cached.size;
  entry.mtime = cached.mtime;
  return fillFromCache(entry, cached);
}

/**
 * One library of several files and folders (`broadsheet a.md b.txt notes/`), kept in the order
 * given: a folder's articles under its name, a file on its own. A file given twice (or also
 * inside a folder given) is listed once, where it came first; a path that cannot be read is
 * left out (the command line checks them first).
 */
export function listPaths(paths: readonly string[], cache?: LibraryCache): Library {
  const entries: LibraryEntry[] = [];
  const seen = new Set<string>();
  for (const [group, given] of paths.entries()) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(given).isDirectory();
    } catch {
      continue;
    }
    if (!isDirectory) {
      const file = path.resolve(given);
      if (seen.has(file)) continue;
      seen.add(file);
      const cached = cache?.peek(given);
      const fileName = safeLine(path.basename(given));
      const entry: LibraryEntry = {path: given, fileName, title: fileName, pending: true, group};
      if (cached) {
        entries.push(withCached({...entry, size: cached.size, mtime: cached.mtime}, cached));
      } else entries.push(entry);
      continue;
    }
    const listed = listLibrary(given, cache);
    if (listed.kind !== 'folder') continue;
    const label = safeLine(path.basename(path.resolve(given)));
    for (const entry of listed.entries) {
      const file = path.resolve(entry.path);
      if (seen.has(file)) continue;
      seen.add(file);
      entries.push({...entry, folder: entry.folder ? `${label}/${entry.folder}` : label, group});
    }
  }
  return {kind: 'folder', folder: paths.map((given) => safeLine(given)).join(' '), entries};
}
