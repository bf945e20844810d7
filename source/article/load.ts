import {decode, looksBinary} from './decode.js';
import {sanitize} from './sanitize.js';
import {parseText} from './parse-text.js';
import type {LoadResult} from './article.js';

/** Files larger than this are refused rather than read into memory. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;

/** Turns a file's bytes into an article, or a refusal that says why. Pure: no fs here. */
export function articleFromBytes(bytes: Uint8Array, fallbackTitle: string): LoadResult {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return {kind: 'refused', reason: 'too large (over 64 MB)'};
  }
  if (looksBinary(bytes)) {
    return {kind: 'refused', reason: 'not text (binary data)'};
  }
  const {text} = decode(bytes);
  const article = parseText(sanitize(text), fallbackTitle);
  if (article.blocks.length === 0) {
    return {kind: 'refused', reason: 'empty'};
  }
  return {kind: 'article', article};
}
