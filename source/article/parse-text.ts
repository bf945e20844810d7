import type {Article, Block, MarkupSpan, Pause} from './article.js';
import {titleFromFirstLine} from './title.js';
import {isCountedCharacter} from '../text/scripts.js';

/** A gap of three or more spaces inside a line (not its indentation): table columns. */
const TABLE_GAP = /\S {3,}\S/;
const META_HINT =
  /^(?:by\s|from\s|source:|published|updated|posted|\(?[A-Z][A-Za-z]+,? \(?(?:Reuters|AP|AFP)\)?)|\b(?:19|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d/i;

/** A copy of a piece of a text that does not keep the whole text alive, as a slice does. */
function detached(piece: string): string {
  return [...piece].join('');
}

/**
 * Counts the words of a piece of text, as a reading-time estimate sees them: runs between
 * spaces, and each Chinese or Japanese character (written without spaces) as one.
 */
export function countWords(text: string, start = 0, end = text.length): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // (Han and kana start at U+3041; below it, only the spaces are tested.)
    if (code >= 0x3041 && isCountedCharacter(code)) {
      words++;
      inWord = false;
      continue;
    }
    // Punctuation that stands apart (a dash between spaces, CJK and full-width marks) is no word.
    const space =
      code === 0x20 ||
      code === 0x0a ||
      code === 0xa0 ||
      (code >= 0x2012 && code <= 0x2017) || // dashes (hyphens and ’ stay in their words)
      (code >= 0x201c && code <= 0x201f) || // double quotation marks
      (code >= 0x2020 && code <= 0x2027) || // daggers, bullets, ellipses
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff01 && code <= 0xff0f) ||
      (code >= 0xff1a && code <= 0xff20) ||
      (code >= 0xff5b && code <= 0xff65);
    if (!space && !inWord && !(code >= 0xdc00 && code <= 0xdfff)) words++;
    inWord = !space;
  }
  return words;
}

// - * • – — +
const LIST_MARKS = new Set([0x2d, 0x2a, 0x2022, 0x2013, 0x2014, 0x2b]);

/** Whether a line starts as a list item does: `- `, `* `, `• `, `12. `, `3) `, `a. `… */
export function startsListItem(
  text: string,
  lineStart: number,
  lineEnd: number,
  blockEnd: number,
): boolean {
  let at = lineStart;
  while (at < lineEnd && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09)) at++;
  const code = text.charCodeAt(at);
  let markEnd = at + 1;
  if (!LIST_MARKS.has(code)) {
    if (code >= 0x30 && code <= 0x39) {
      while (markEnd < at + 3 && isDigit(text.charCodeAt(markEnd))) markEnd++;
    } else if (!(code >= 0x61 && code <= 0x7a)) return false;
    const close = text.charCodeAt(markEnd);
    if (close !== 0x2e && close !== 0x29) return false; // . or )
    markEnd++;
  }
  // The space after the mark may be the line's own line break, though not the block's end.
  return markEnd < lineEnd ? isJsSpace(text.charCodeAt(markEnd)) : markEnd < blockEnd;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** JavaScript's whitespace (what `\s` and trim() take), by code unit. */
export function isJsSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Finds the next occurrence of `needle` at or after an offset, for offsets that only grow:
 * one pass over the text in all, where a search per block could cross the rest of the book.
 * (The text is passed on each call, not kept: the unjoined text must be free to go.)
 */
function forwardFinder(needle: string): (text: string, from: number) => number {
  let found = -2;
  return (text, from) => {
    if (found !== -1 && found < from) found = text.indexOf(needle, from);
    return found === -1 ? Infinity : found;
  };
}

/**
 * Whether the line breaks of text[start, end) carry meaning (verse, a list, a table) and
 * must stay. Reads the block in place: this runs for every paragraph of a 3 MB book.
 */
export function keepsLines(
  text: string,
  start: number,
  end: number,
  typicalLength: number,
  nextGap: (text: string, from: number) => number,
): boolean {
  let lines = 0;
  let longest = 0;
  let items = 0;
  for (let lineStart = start; lineStart < end;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    let visibleEnd = lineEnd;
    while (visibleEnd > lineStart && text.charCodeAt(visibleEnd - 1) === 0x20) visibleEnd--;
    longest = Math.max(longest, visibleEnd - lineStart);
    if (startsListItem(text, lineStart, lineEnd, end)) items++;
    lines++;
    lineStart = lineEnd + 1;
  }
  if (lines < 2) return false;
  // Table columns: three spaces between words. Most blocks have no three spaces at all.
  if (nextGap(text, start) < end && TABLE_GAP.test(text.slice(start, end))) return true;
  if (items >= Math.ceil(lines / 2)) return true;
  // Verse: every line well short of the width the prose around it was wrapped at.
  return typicalLength >= 50 && longest < typicalLength * 0.7;
}

/**
 * Where paragraphs begin inside a block of hard-wrapped prose written the old way, with an
 * indented first line and no blank line between paragraphs (wire copy such as Reuters').
 * Only for prose: a block with table columns, or lines short like verse, is left whole.
 */
export function indentedParagraphStarts(
  text: string,
  start: number,
  end: number,
  typical: number,
): number[] {
  if (typical === 0) return [];
  const block = text.slice(start, end);
  // Most blocks have no indented line after the first: a quick look rules them out.
  if (!block.includes('\n  ') || TABLE_GAP.test(block)) return [];
  const starts: number[] = [];
  let flush = 0;
  let flushLength = 0;
  let offset = 0;
  for (const line of block.split('\n')) {
    const indent = /^ */.exec(line)![0].length;
    if (offset > 0 && indent >= 2 && indent <= 8 && line.length > indent)
      starts.push(start + offset);
    else if (indent === 0 && line.length > 0) {
      flush++;
      flushLength += line.length;
    }
    offset += line.length + 1;
  }
  // Wrapped prose: flush continuation lines outnumber the paragraph starts and run long.
  const proseLike = flush >= starts.length && flushLength / Math.max(1, flush) >= typical * 0.6;
  return starts.length > 0 && proseLike ? starts : [];
}

/** The line length that most prose lines in the file are wrapped near (0 for unwrapped text). */
export function typicalWrapLength(text: string): number {
  const counts = new Map<number, number>();
  let lineCount = 0;
  // From the start only, so that the start of a long file parsed on its own (the preview
  // shown while the rest loads) reads its blocks exactly as the whole file does.
  for (const line of text.slice(0, TYPICAL_SAMPLE).split('\n')) {
    if (line.length < 40 || line.length > 100) continue;
    const bucket = Math.round(line.length / 5) * 5;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    lineCount++;
  }
  let best = 0;
  let bestCount = 0;
  for (const [bucket, count] of counts) {
    if (count > bestCount) [best, bestCount] = [bucket, count];
  }
  return bestCount >= Math.max(5, lineCount / 4) ? best : 0;
}

/** Characters from the start that decide the typical wrap length. */
export const TYPICAL_SAMPLE = 64 * 1024;
/** Blocks parsed between pauses when the parse runs in slices. */
const BLOCKS_A_STEP = 400;

// One or more blank (or whitespace-only) lines: what separates blocks.
const BLOCK_SEPARATOR = /\n(?:[ \u00a0\u3000]*\n)+/g;

/**
 * Splits sanitized plain text into blocks. The first non-empty line is the title; a short
 * second line that looks like a byline or dateline is metadata; blank lines separate
 * paragraphs. In the article's text, line breaks inside a paragraph become spaces.
 */
export function parseText(text: string, fallbackTitle = 'Untitled'): Article {
  return drain(parseTextSteps(text, fallbackTitle));
}

/** Runs a sliced computation to its end at once. */
export function drain<T>(steps: Generator<Pause, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** parseText in slices: it pauses every few hundred blocks so a long file never blocks keys. */
export function* parseTextSteps(
  source: string | {value: string},
  fallbackTitle: string,
  join: Joiner = joinParagraphLines,
): Generator<Pause, Article> {
  // A holder lets the caller's copy of a long text go before its joined copy is made.
  const holder = typeof source === 'string' ? {value: source} : source;
  let text = holder.value;
  const blocks: Block[] = [];
  const typical = typicalWrapLength(text);
  const nextNewline = forwardFinder('\n');
  const nextGap = forwardFinder('   ');
  const pushBlock = (start: number, end: number) => {
    const kind = nextNewline(text, start) < end && keepsLines(text, start, end, typical, nextGap);
    blocks.push({
      kind: kind ? 'preformatted' : 'paragraph',
      start,
      end,
      words: countWords(text, start, end),
    });
  };
  const addBlock = (from: number, to: number) => {
    let end = to;
    while (end > from && isJsSpace(text.charCodeAt(end - 1))) end--;
    if (end === from) return; // nothing but whitespace
    // Skip whitespace-only lines at the start (only the text's first block can have them).
    let firstVisible = from;
    while (isJsSpace(text.charCodeAt(firstVisible))) firstVisible++;
    let start = firstVisible;
    while (start > from && text.charCodeAt(start - 1) !== 0x0a) start--;
    let pieceStart = start;
    for (const cut of indentedParagraphStarts(text, start, end, typical)) {
      pushBlock(pieceStart, cut - 1);
      pieceStart = cut;
    }
    pushBlock(pieceStart, end);
  };
  let position = 0;
  let separators = 0;
  BLOCK_SEPARATOR.lastIndex = 0;
  for (let match = BLOCK_SEPARATOR.exec(text); match; match = BLOCK_SEPARATOR.exec(text)) {
    addBlock(position, match.index);
    position = match.index + match[0].length;
    if (++separators % BLOCKS_A_STEP === 0) {
      const resume = BLOCK_SEPARATOR.lastIndex;
      yield;
      BLOCK_SEPARATOR.lastIndex = resume; // another parse may have used the shared pattern
    }
  }
  addBlock(position, text.length);

  const {title, meta} = markTitleAndMeta(text, blocks, fallbackTitle);
  text = '';
  const joined = yield* join(holder, blocks);
  const article: Article = {
    title,
    meta,
    text: joined,
    blocks,
    words: blocks.reduce((sum, block) => sum + block.words, 0),
  };
  return underscoredItalics(article);
}

/**
 * `_words_` between underscores that pair within a paragraph (a word's edge on either side,
 * as Markdown reads them), the way plain-text books (Project Gutenberg's) mark italics.
 */
const UNDERSCORED = /(?<![\p{L}\p{N}_])_(?=[^\s_])[^_]*?(?<=[^\s_])_(?![\p{L}\p{N}_])/gu;

/**
 * The article with `_words_` set in italics as Markdown's emphasis is: the words marked
 * italic and their underscores marked hidden (kept in the text, so that every offset is still
 * the file's). Only in paragraphs: preformatted text keeps its lines as they are.
 */
export function underscoredItalics(article: Article): Article {
  const {text, blocks} = article;
  if (!text.includes('_')) return article;
  const markup: MarkupSpan[] = [];
  let underscore = text.indexOf('_');
  for (const block of blocks) {
    // (The next underscore is looked for from the block it may be in, never again per block.)
    if (underscore !== -1 && underscore < block.start) underscore = text.indexOf('_', block.start);
    if (underscore === -1) break;
    if (underscore >= block.end || block.kind !== 'paragraph') continue;
    UNDERSCORED.lastIndex = block.start;
    for (let pair = UNDERSCORED.exec(text); pair; pair = UNDERSCORED.exec(text)) {
      const open = pair.index;
      const close = open + pair[0].length - 1;
      if (close >= block.end) break;
      markup.push(
        {start: open, end: open + 1, kind: 'hidden'},
        {start: open + 1, end: close, kind: 'italic'},
        {start: close, end: close + 1, kind: 'hidden'},
      );
    }
  }
  return markup.length === 0 ? article : {...article, markup};
}

/**
 * Marks the title and byline blocks, splitting a title line off the block it starts, and
 * returns their text. (A function of its own: a generator's suspended frame would keep its
 * temporaries, and through them the whole unjoined text, alive.)
 */
function markTitleAndMeta(
  text: string,
  blocks: Block[],
  fallbackTitle: string,
): {title: string; meta?: string} {
  let title = fallbackTitle;
  let meta: string | undefined;
  const first = blocks[0];
  if (first) {
    const firstLineEnd = text.indexOf('\n', first.start);
    const titleEnd = firstLineEnd === -1 || firstLineEnd > first.end ? first.end : firstLineEnd;
    const named = titleFromFirstLine(text.slice(first.start, titleEnd), fallbackTitle);
    title = detached(named.title);
    if (!named.isTitleLine) {
      // A first line too long for a title (a scraped article on one line) is body text.
    } else if (titleEnd < first.end) {
      // The title line is followed directly by more text: split it off as its own block.
      blocks.splice(
        0,
        1,
        {
          kind: 'title',
          start: first.start,
          end: titleEnd,
          words: countWords(text, first.start, titleEnd),
        },
        {
          kind: first.kind,
          start: titleEnd + 1,
          end: first.end,
          words: countWords(text, titleEnd + 1, first.end),
        },
      );
    } else {
      first.kind = 'title';
    }
    const second = blocks[1];
    if (named.isTitleLine && second) {
      const candidate = text.slice(second.start, second.end).trim();
      if (!candidate.includes('\n') && candidate.length <= 120 && META_HINT.test(candidate)) {
        second.kind = 'meta';
        meta = detached(candidate);
      }
    }
  }
  return {title, meta};
}

/**
 * Makes the line breaks inside reflowing paragraphs spaces, and returns the text so joined
 * (the holder's copy may be let go first). Every offset holds: the length is the same.
 */
export type Joiner = (holder: {value: string}, blocks: Block[]) => Generator<Pause, string>;

/**
 * The line breaks inside a reflowing paragraph are spaces, to the reader and to search; make
 * them spaces in the text itself (same length, so every offset still holds).
 */
function* joinParagraphLines(holder: {value: string}, blocks: Block[]): Generator<Pause, string> {
  // Patched in a byte buffer: a 3 MB book has 60,000 such line breaks, and string
  // replacement costs several times more. One byte a character when the text allows it.
  const narrow = !/[^\u0000-\u00ff]/.test(holder.value);
  const encoding = narrow ? 'latin1' : 'utf16le';
  const bytes = Buffer.from(holder.value, encoding);
  const chars = narrow ? bytes : new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  let changed = false;
  for (const [index, block] of blocks.entries()) {
    if (index % (8 * BLOCKS_A_STEP) === 0) yield;
    if (block.kind === 'preformatted') continue;
    for (let at = chars.indexOf(0x0a, block.start); at !== -1 && at < block.end;) {
      chars[at] = 0x20;
      changed = true;
      at = chars.indexOf(0x0a, at + 1);
    }
  }
  if (!changed) return holder.value;
  holder.value = ''; // the unjoined text is garbage from here on
  // A successful match keeps its subject alive (as RegExp.input): let it be a short one.
  /^/.test('');
  yield 'garbage';
  return bytes.toString(encoding);
}
