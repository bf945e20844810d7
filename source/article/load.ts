import {decode, looksBinary} from './decode.js';
import {sanitize} from './sanitize.js';
import {drain, parseText, parseTextSteps} from './parse-text.js';
import type {Article, ArticleLoad, LoadResult} from './article.js';

/** Files larger than this are refused rather than read into memory. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;
/** How much of a long file is parsed for its first pages before the rest. */
export const PREVIEW_BYTES = 256 * 1024;
/** Bytes decoded between pauses when a long file is read in slices. */
const DECODE_PIECE = 1024 * 1024;

function refusal(bytes: Uint8Array): LoadResult | undefined {
  if (bytes.length > MAX_ARTICLE_BYTES) return {kind: 'refused', reason: 'too large (over 64 MB)'};
  if (looksBinary(bytes)) return {kind: 'refused', reason: 'not text (binary data)'};
  return undefined;
}

/** Turns a file's bytes into an article, or a refusal that says why. Pure: no fs here. */
export function articleFromBytes(bytes: Uint8Array, fallbackTitle: string): LoadResult {
  const refused = refusal(bytes);
  if (refused) return refused;
  const article = drain(loadSteps({bytes}, fallbackTitle));
  if (article.blocks.length === 0) return {kind: 'refused', reason: 'empty'};
  return {kind: 'article', article};
}

/**
 * Like articleFromBytes, but a long file opens at once: its start (up to a paragraph break
 * within PREVIEW_BYTES) is parsed on its own and returned with `rest`, which reads the
 * whole file in slices. The start's blocks and offsets are the whole article's.
 */
export function openArticleBytes(bytes: Uint8Array, fallbackTitle: string): LoadResult {
  const refused = refusal(bytes);
  if (refused) return refused;
  const cut = bytes.length > 2 * PREVIEW_BYTES ? previewCut(bytes) : 0;
  if (cut === 0) return articleFromBytes(bytes, fallbackTitle);
  const preview = parseText(sanitize(decode(bytes.subarray(0, cut)).text), fallbackTitle);
  if (preview.blocks.length === 0) return articleFromBytes(bytes, fallbackTitle);
  preview.partial = {length: Math.round((preview.text.length * bytes.length) / cut)};
  return {kind: 'article', article: preview, rest: sliced(loadSteps({bytes}, fallbackTitle))};
}

/** Where a preview may end: after a blank line (a block boundary) in the first bytes. */
function previewCut(bytes: Uint8Array): number {
  // UTF-16 has NUL bytes between its newlines; such files are read whole.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 0;
  }
  for (let at = Math.min(PREVIEW_BYTES, bytes.length) - 1; at > 1; at--) {
    if (bytes[at] !== 0x0a) continue;
    if (bytes[at - 1] === 0x0a || (bytes[at - 1] === 0x0d && bytes[at - 2] === 0x0a)) {
      return at + 1;
    }
  }
  return 0;
}

/** Decoding, sanitizing and parsing, pausing between slices. */
function* loadSteps(file: {bytes?: Uint8Array}, fallbackTitle: string): Generator<void, Article> {
  const text = yield* decodeSteps(file.bytes!);
  delete file.bytes; // the bytes can go once decoded: a 30 MB file is held once, not twice
  yield;
  const clean = sanitize(text);
  yield;
  return yield* parseTextSteps(clean, fallbackTitle);
}

/** decode() a piece at a time: strict UTF-8 streamed, else the whole file as decode() does. */
function* decodeSteps(bytes: Uint8Array): Generator<void, string> {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!bom && bytes.length <= DECODE_PIECE) return decode(bytes).text;
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return decode(bytes).text;
  const decoder = new TextDecoder('utf-8', {fatal: true});
  const pieces: string[] = [];
  try {
    for (let at = bom ? 3 : 0; at < bytes.length; at += DECODE_PIECE) {
      const end = Math.min(bytes.length, at + DECODE_PIECE);
      pieces.push(decoder.decode(bytes.subarray(at, end), {stream: end < bytes.length}));
      yield;
    }
  } catch {
    return decode(bytes).text; // not UTF-8 after all: Windows-1252, as decode() reads it
  }
  return pieces.join('');
}

/** A sliced load as an ArticleLoad. */
function sliced(steps: Generator<void, Article>): ArticleLoad {
  let whole: Article | undefined;
  return {
    step(keepGoing) {
      while (!whole && keepGoing()) {
        const next = steps.next();
        if (next.done) whole = next.value;
      }
      return whole;
    },
    finish() {
      whole ??= drain(steps);
      return whole;
    },
  };
}
