import {decode, looksBinary} from './decode.js';
import {sanitize} from './sanitize.js';
import {drain, parseText, parseTextSteps} from './parse-text.js';
import {parseMarkdown} from './markdown.js';
import type {Article, ArticleLoad, LoadResult, Pause} from './article.js';

/** Files larger than this are refused rather than read into memory. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;
/** How much of a long file is parsed for its first pages before the rest. */
export const PREVIEW_BYTES = 256 * 1024;

function refusal(bytes: Uint8Array): LoadResult | undefined {
  if (bytes.length > MAX_ARTICLE_BYTES) return {kind: 'refused', reason: 'too large (over 64 MB)'};
  if (looksBinary(bytes)) return {kind: 'refused', reason: 'not text (binary data)'};
  return undefined;
}

/** Turns a file's bytes into an article, or a refusal that says why. Pure: no fs here. */
export function articleFromBytes(
  bytes: Uint8Array,
  fallbackTitle: string,
  {markdown = false}: {markdown?: boolean} = {},
): LoadResult {
  const refused = refusal(bytes);
  if (refused) return refused;
  const article = markdown
    ? parseMarkdown(sanitize(decode(bytes).text), fallbackTitle)
    : drain(loadSteps({bytes}, fallbackTitle));
  if (article.blocks.length === 0) return {kind: 'refused', reason: 'empty'};
  return {kind: 'article', article};
}

/**
 * Like articleFromBytes, but a long file opens at once: its start (up to a paragraph break
 * within PREVIEW_BYTES) is parsed on its own and returned with `rest`, which reads the
 * whole file in slices. The start's blocks and offsets are the whole article's.
 */
export function openArticleBytes(
  bytes: Uint8Array,
  fallbackTitle: string,
  {release, markdown = false}: LoadHooks & {markdown?: boolean} = {},
): LoadResult {
  const refused = refusal(bytes);
  if (refused) return refused;
  // Markdown is parsed whole: its blocks (a list, a fenced code block) may span any cut.
  if (markdown) return articleFromBytes(bytes, fallbackTitle, {markdown});
  const cut = bytes.length > 2 * PREVIEW_BYTES ? previewCut(bytes) : 0;
  if (cut === 0) return articleFromBytes(bytes, fallbackTitle);
  const preview = parseText(sanitize(decode(bytes.subarray(0, cut)).text), fallbackTitle);
  if (preview.blocks.length === 0) return articleFromBytes(bytes, fallbackTitle);
  preview.partial = {length: Math.round((preview.text.length * bytes.length) / cut)};
  const rest = loadSteps({bytes}, fallbackTitle);
  return {
    kind: 'article',
    article: preview,
    rest: sliced(rest, bytes.length >= RELEASE_BYTES ? release : undefined),
  };
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

export type LoadHooks = {
  /**
   * Called when a large copy of the file has just become garbage (the bytes once decoded,
   * the text once joined), so that the edge can collect it before the next copy is made.
   */
  release?: () => void;
};

/** Files from this size on have their garbage released between copies. */
const RELEASE_BYTES = 8 * 1024 * 1024;

/**
 * Decoding, sanitizing and parsing, pausing between slices. The file is decoded in one call
 * (a few ms a megabyte): decoding in pieces and joining them held the text twice.
 */
function* loadSteps(file: {bytes?: Uint8Array}, fallbackTitle: string): Generator<Pause, Article> {
  const text = {value: decode(file.bytes!).text};
  delete file.bytes; // the bytes can go once decoded: a 30 MB file is held once, not twice
  yield 'garbage';
  text.value = sanitize(text.value);
  yield;
  return yield* parseTextSteps(text, fallbackTitle);
}

/** A sliced load as an ArticleLoad. */
function sliced(steps: Generator<Pause, Article>, release?: () => void): ArticleLoad {
  let whole: Article | undefined;
  // Called between steps, never inside one: a suspended step holds no dead copy.
  const next = () => {
    const step = steps.next();
    // Done, the buffer the text was joined in is garbage too.
    if (step.done || step.value === 'garbage') release?.();
    if (step.done) whole = step.value;
  };
  return {
    step(keepGoing) {
      while (!whole && keepGoing()) next();
      return whole;
    },
    finish() {
      while (!whole) next();
      return whole;
    },
  };
}
