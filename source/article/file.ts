import {closeSync, fstatSync, openSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadResult} from './article.js';
import {formatOfFile, unreadDocument} from './formats.js';
import {MAX_ARTICLE_BYTES, openArticleBytes, type LoadOptions} from './load.js';
import {safeLine} from './sanitize.js';
import {collectGarbage} from '../system/memory.js';

/** Why a file could not be read, in a few words. */
export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EIO') return 'cannot be read (input/output error)';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads and parses an article; every failure is a refusal that says why. A long file comes
 * back as its start, with `rest` to read the whole of it in slices.
 */
export function loadArticleFile(
  file: string,
  format = formatOfFile(file),
  {onStart}: Pick<LoadOptions, 'onStart'> = {},
): LoadResult {
  const notRead = format === undefined ? unreadDocument(file) : undefined;
  if (notRead) return {kind: 'refused', reason: notRead};
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
      format: format ?? 'text',
      ownBytes: true,
      onStart,
    });
  } catch (error) {
    return {kind: 'refused', reason: errorReason(error)};
  }
}

/** The whole article of a file, read at once (printing, the quotes command). */
export function loadWholeArticleFile(file: string, format = formatOfFile(file)): LoadResult {
  const result = loadArticleFile(file, format);
  return result.kind === 'article' && result.rest
    ? {kind: 'article', article: result.rest.finish()}
    : result;
}
