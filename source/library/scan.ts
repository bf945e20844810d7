import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import {decode} from '../article/decode.js';
import {sanitize} from '../article/sanitize.js';
import {MAX_ARTICLE_BYTES, openArticleBytes} from '../article/load.js';
import type {LoadResult} from '../article/article.js';
import type {Library, LibraryEntry} from './library.js';
import {titleFromFirstLine} from '../article/title.js';
import {collectGarbage} from '../system/memory.js';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);
/** The list reads only this much of each file: enough for the title line. */
const HEAD_BYTES = 4096;

/** Makes any string from outside (a file name, an error) safe to show on one line. */
export function safeLine(text: string): string {
  return sanitize(text).replace(/\n/g, ' ');
}

function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

function readHead(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The title of an article from the first bytes of its file: its first non-empty line. */
function titleFromHead(head: Uint8Array, fallback: string): string {
  // Cut at the last line break so a multi-byte character split by the read is not misread.
  const lastBreak = head.lastIndexOf(0x0a);
  let whole = head;
  if (head.length === HEAD_BYTES) {
    if (lastBreak > 0) whole = head.subarray(0, lastBreak);
    else {
      // One long line: cut before a UTF-8 sequence the read split, or it reads as Windows-1252.
      let end = head.length;
      while (end > 0 && (head[end - 1]! & 0xc0) === 0x80) end--;
      if (end > 0 && head[end - 1]! >= 0xc0) end--;
      whole = head.subarray(0, end);
    }
  }
  const text = sanitize(decode(whole).text);
  const line = text.split('\n').find((candidate) => candidate.trim() !== '');
  return titleFromFirstLine(line ?? '', fallback).title;
}

/** An entry for one file, reading only its head. */
function entryFor(file: string): LibraryEntry {
  const fileName = safeLine(path.basename(file));
  let title = fileName;
  try {
    title = titleFromHead(readHead(file), fileName);
  } catch {
    // Unreadable files still appear; opening one says why it failed.
  }
  return {path: file, fileName, title};
}

/** Lists the articles of a folder by title, reading only what the list shows. */
export function scanLibrary(folder: string): Library {
  const shown = safeLine(folder);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    return {kind: 'missing', folder: shown, reason: errorReason(error)};
  }
  const entries: LibraryEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.') || !ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase())) continue;
    const file = path.join(folder, name);
    try {
      if (!statSync(file).isFile()) continue;
    } catch {
      continue;
    }
    entries.push(entryFor(file));
  }
  entries.sort((a, b) => a.title.localeCompare(b.title));
  return {kind: 'folder', folder: shown, entries};
}

/**
 * Reads and parses an article; every failure is a refusal that says why. A long file comes
 * back as its start, with `rest` to read the whole of it in slices.
 */
export function loadArticleFile(file: string): LoadResult {
  try {
    const fd = openSync(file, 'r');
    let size: number;
    try {
      size = fstatSync(fd).size;
    } finally {
      closeSync(fd);
    }
    if (size > MAX_ARTICLE_BYTES) return {kind: 'refused', reason: 'too large (over 64 MB)'};
    return openArticleBytes(readFileSync(file), safeLine(path.basename(file)), {
      release: collectGarbage,
    });
  } catch (error) {
    return {kind: 'refused', reason: errorReason(error)};
  }
}

/** The whole article of a file, read at once (printing, the quotes command). */
export function loadWholeArticleFile(file: string): LoadResult {
  const result = loadArticleFile(file);
  return result.kind === 'article' && result.rest
    ? {kind: 'article', article: result.rest.finish()}
    : result;
}
