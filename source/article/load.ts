import {decode, looksBinary} from './decode.js';
import {sanitize} from './sanitize.js';
import {drain, parseText, parseTextSteps} from './parse-text.js';
import {parseMarkdown} from './markdown.js';
import {parseHtml} from './html.js';
import {decodeWebPage} from './decode.js';
import {gutenbergBook} from './gutenberg.js';
import {openBook} from './epub.js';
import type {Format} from './formats.js';
import type {Article, ArticleLoad, Block, LoadResult, Pause} from './article.js';

/** Files larger than this are refused rather than read into memory. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;
/** How much of a long file is parsed for its first pages before the rest. */
export const PREVIEW_BYTES = 256 * 1024;

function refusal(bytes: Uint8Array, format: Format): LoadResult | undefined {
  if (bytes.length > MAX_ARTICLE_BYTES) return {kind: 'refused', reason: 'too large (over 64 MB)'};
  // (A book is a zip: binary, and read as one.)
  if (format !== 'epub' && looksBinary(bytes)) {
    return {kind: 'refused', reason: 'not text (binary data)'};
  }
  return undefined;
}

/** How to read a file's bytes. */
export type LoadOptions = {
  /** How to read the text (plain text unless said). */
  format?: Format;
  /** For a web page: the charset its server declared, and where it came from. */
  charset?: string;
  url?: string;
  /** For a long web page: given the article's start first, before the whole is made. */
  onStart?: (start: Article) => void;
  /**
   * The bytes are the load's own (read for it, used by no one after): it may join the
   * paragraph lines in them rather than in a second copy of the text.
   */
  ownBytes?: boolean;
};

/** Turns a file's bytes into an article, or a refusal that says why. Pure: no fs here. */
export function articleFromBytes(
  bytes: Uint8Array,
  fallbackTitle: string,
  {format = 'text', ownBytes = false, charset, url, onStart}: LoadOptions = {},
): LoadResult {
  const refused = refusal(bytes, format);
  if (refused) return refused;
  if (format === 'epub') {
    const book = openBook(bytes, fallbackTitle);
    return book.kind === 'article' && book.rest
      ? {kind: 'article', article: book.rest.finish()}
      : book;
  }
  if (format === 'text') bytes = gutenbergBook(bytes, {inPlace: ownBytes})?.bytes ?? bytes;
  let article: Article;
  if (format === 'markdown') article = parseMarkdown(sanitize(decode(bytes).text), fallbackTitle);
  else if (format === 'html') {
    article = parseHtml(decodeWebPage(bytes, charset), {fallbackTitle, url, onStart}).article;
  } else article = drain(loadSteps({bytes}, fallbackTitle, ownBytes));
  // (A page with a title and nothing under it has nothing to read either: its title may be
  // only its file name.)
  const isText = (block: Article['blocks'][number]) =>
    block.kind !== 'title' && block.kind !== 'meta';
  if (article.blocks.length === 0 || (format === 'html' && !article.blocks.some(isText))) {
    return {kind: 'refused', reason: 'empty'};
  }
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
  {release, format = 'text', ownBytes = false, charset, url, onStart}: LoadHooks & LoadOptions = {},
): LoadResult {
  const refused = refusal(bytes, format);
  if (refused) return refused;
  // A book opens at its first documents, the rest read after.
  if (format === 'epub') return openBook(bytes, fallbackTitle);
  // Markdown and web pages are parsed whole (a long page's start may be given first, to
  // `onStart`, see html.ts): their blocks (a list, a fenced code block, the
  // page's article) may span any cut.
  if (format !== 'text') {
    return articleFromBytes(bytes, fallbackTitle, {format, charset, url, onStart});
  }
  // (A Project Gutenberg text: the book between its header and its licence.)
  bytes = gutenbergBook(bytes, {inPlace: ownBytes})?.bytes ?? bytes;
  const cut = bytes.length > 2 * PREVIEW_BYTES ? previewCut(bytes) : 0;
  if (cut === 0) return articleFromBytes(bytes, fallbackTitle, {ownBytes});
  const preview = parseText(sanitize(decode(bytes.subarray(0, cut)).text), fallbackTitle);
  if (preview.blocks.length === 0) return articleFromBytes(bytes, fallbackTitle, {ownBytes});
  preview.partial = {length: Math.round((preview.text.length * bytes.length) / cut)};
  // Joining in the bytes costs a little time and saves a copy of the text: worth it for a
  // file large enough for its copies to matter.
  const rest = loadSteps({bytes}, fallbackTitle, ownBytes && bytes.length >= RELEASE_BYTES);
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
function* loadSteps(
  file: {bytes?: Uint8Array},
  fallbackTitle: string,
  ownBytes: boolean,
): Generator<Pause, Article> {
  const {text, asDecoded} = decodeAndSanitize(file.bytes!);
  if (ownBytes && asDecoded) {
    // Text that needed no sanitizing is joined in its bytes and decoded again: the bytes (one
    // to three a character) are held beside the text instead of a second copy of the text.
    const bytes = file.bytes!;
    delete file.bytes;
    yield;
    return yield* parseTextSteps(text, fallbackTitle, (holder, blocks) =>
      joinInBytes(bytes, holder, blocks),
    );
  }
  delete file.bytes;
  return yield* parseWithoutBytes(text, fallbackTitle);
}

/**
 * The text of a file's bytes, sanitized, and whether it is exactly as decoded from bytes in
 * which a line feed is the byte 0x0A and that byte is nothing else (UTF-8, Windows-1252).
 * (A function of its own: a generator's frame would keep the text as decoded alive.)
 */
function decodeAndSanitize(bytes: Uint8Array): {text: {value: string}; asDecoded: boolean} {
  const decoded = decode(bytes);
  const value = sanitize(decoded.text);
  const wide = decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be';
  return {text: {value}, asDecoded: value === decoded.text && !wide};
}

/** Parses text whose bytes are no use for joining: they go before the parse. */
function* parseWithoutBytes(
  text: {value: string},
  fallbackTitle: string,
): Generator<Pause, Article> {
  yield 'garbage'; // the bytes, and the text as decoded when sanitizing changed it
  return yield* parseTextSteps(text, fallbackTitle);
}

/** Line breaks read from the text and from its bytes, a slice at a time. */
const BREAKS_A_STEP = 20_000;

/**
 * Joins paragraph lines in the file's bytes, which decode to exactly the text (UTF-8 or
 * Windows-1252, unsanitized): there every line feed is the byte 0x0A and that byte is
 * nothing else, so the text's n-th line break is the bytes' n-th 0x0A. The joined bytes are
 * decoded again once the unjoined text has gone.
 */
function* joinInBytes(
  bytes: Uint8Array,
  holder: {value: string},
  blocks: Block[],
): Generator<Pause, string> {
  let text = holder.value;
  let changed = false;
  let at = text.indexOf('\n');
  let byte = bytes.indexOf(0x0a);
  let block = 0;
  for (let step = 1; at !== -1 && byte !== -1; step++) {
    while (block < blocks.length && blocks[block]!.end <= at) block++;
    const holding = blocks[block];
    if (holding && holding.start <= at && holding.kind !== 'preformatted') {
      bytes[byte] = 0x20;
      changed = true;
    }
    at = text.indexOf('\n', at + 1);
    byte = bytes.indexOf(0x0a, byte + 1);
    if (step % BREAKS_A_STEP === 0) yield;
  }
  if (!changed) return text;
  holder.value = ''; // the unjoined text is garbage from here on
  text = '';
  /^/.test(''); // a successful match keeps its subject alive (as RegExp.input)
  yield 'garbage';
  return decode(bytes).text;
}

/** A sliced load as an ArticleLoad. */
function sliced(load: Generator<Pause, Article>, release?: () => void): ArticleLoad {
  let whole: Article | undefined;
  // Let go once done: even finished, a generator may hold what its frame held (the bytes).
  let steps: Generator<Pause, Article> | undefined = load;
  // Called between steps, never inside one: a suspended step holds no dead copy.
  const next = () => {
    const step = steps!.next();
    if (step.done) {
      whole = step.value;
      steps = undefined;
    }
    // Done, the buffer the text was joined in is garbage too.
    if (step.done || step.value === 'garbage') release?.();
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
