import {blocksThrough, markupBetween, type Article, type Block} from '../article/article.js';
import {wrap} from './wrap.js';

/** How a display line is set: its block's kind, or a blank line between blocks. */
export type LineKind = Block['kind'] | 'blank';

/**
 * One line on screen: the source range [start, end) it covers (ranges of consecutive lines
 * meet) and `shown`, where its visible text ends (trailing spaces are not shown).
 */
export type DisplayLine = {start: number; end: number; shown: number; kind: LineKind};

const KINDS: LineKind[] = [
  'title',
  'meta',
  'paragraph',
  'preformatted',
  'blank',
  'heading',
  'quote',
];
const KIND_CODE = new Map(KINDS.map((kind, code) => [kind, code]));

/** Cells a block quote's bar takes at the start of each of its lines (`│ `). */
export const QUOTE_BAR = 2;

/** The text of a display line as shown. */
export function lineText(text: string, line: DisplayLine): string {
  return text.slice(line.start, line.shown);
}

/** A line's text as shown: without the characters the article's markup hides. */
export function shownText(article: Article, line: DisplayLine): string {
  let shown = '';
  let copied = line.start;
  for (const span of markupBetween(article.markup, line.start, line.shown)) {
    if (span.kind !== 'hidden') continue;
    shown += article.text.slice(copied, span.start);
    copied = span.end;
  }
  return shown + article.text.slice(copied, line.shown);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0xa0 || code === 0x3000;
}

/** Where a line's visible text ends: before its trailing spaces. */
export function shownEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Lines of any source: a LineStore, or a finished array wrapped for paging. */
export type LineSource = {
  readonly count: number;
  readonly complete: boolean;
  startOf(index: number): number;
  isBlank(index: number): boolean;
  line(index: number): DisplayLine;
  /** The index of the article block a line belongs to, where the source knows it. */
  blockOf?(index: number): number;
  /** How many blocks are still to be laid out before `offset` (Infinity: the end) is. */
  blocksBefore?(offset: number): number;
  extend(blocks: number): void;
};

/**
 * The article set at a measure of `width` cells, laid out lazily, block by block, from the
 * top: every block wrapped, one blank line between blocks, the title and byline left to the
 * reading view's header. Lines only get added; once laid out they never change, so a LineStore is
 * a memo of the pure function layout(article, width). Lines are kept in typed arrays: a
 * 3 MB book has 60,000 of them, and a page turn should touch as little memory as a short
 * article's does.
 */
const CHUNK_SHIFT = 12;
const CHUNK_LINES = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK_LINES - 1;

export class LineStore implements LineSource {
  /**
   * Four numbers a line, side by side so that one page's lines share a few cache lines:
   * start, end, where the shown text ends, and kind + 8 × block index. Kept in chunks of
   * CHUNK_LINES lines: a growing array copied on each doubling briefly held a 30 MB file's
   * lines one and a half times over.
   */
  private readonly chunks: Int32Array[] = [];
  private size = 0;
  private nextBlock = 0;

  constructor(
    readonly article: Article,
    readonly width: number,
  ) {}

  get count(): number {
    return this.size;
  }

  get complete(): boolean {
    return this.nextBlock >= this.article.blocks.length;
  }

  /** Line `index`'s `field` (0 start, 1 end, 2 shown end, 3 kind + 8 × block). */
  private field(index: number, field: number): number {
    return this.chunks[index >> CHUNK_SHIFT]![4 * (index & CHUNK_MASK) + field]!;
  }

  startOf(index: number): number {
    return this.field(index, 0);
  }

  blockOf(index: number): number {
    return this.field(index, 3) >> 3;
  }

  isBlank(index: number): boolean {
    return (this.field(index, 3) & 7) === 4;
  }

  line(index: number): DisplayLine {
    const at = 4 * (index & CHUNK_MASK);
    const data = this.chunks[index >> CHUNK_SHIFT]!;
    return {
      start: data[at]!,
      end: data[at + 1]!,
      shown: data[at + 2]!,
      kind: KINDS[data[at + 3]! & 7]!,
    };
  }

  private push(start: number, end: number, kind: LineKind): void {
    const within = this.size & CHUNK_MASK;
    if (within === 0) this.chunks.push(new Int32Array(4 * CHUNK_LINES));
    const data = this.chunks.at(-1)!;
    const at = 4 * within;
    data[at] = start;
    data[at + 1] = end;
    data[at + 2] = kind === 'blank' ? start : shownEnd(this.article.text, start, end);
    data[at + 3] = KIND_CODE.get(kind)! + 8 * this.nextBlock;
    this.size++;
  }

  blocksBefore(offset: number): number {
    return Math.max(0, blocksThrough(this.article.blocks, offset) - this.nextBlock);
  }

  private layoutBlock(block: Block): void {
    blockRanges(this.article.text, block, this.width, (start, end) =>
      this.push(start, end, block.kind),
    );
  }

  /** Lays out up to `count` more blocks. */
  extend(count: number): void {
    const {blocks} = this.article;
    const stop = Math.min(blocks.length, this.nextBlock + count);
    for (; this.nextBlock < stop; this.nextBlock++) {
      const block = blocks[this.nextBlock]!;
      // The reading view's header shows the title and the byline.
      if (block.kind === 'title' || block.kind === 'meta') continue;
      // A blank line sits where the block before it ended, so that every line, blank ones
      // too, has an offset of its own for a scrolled screen to start at.
      if (this.size > 0) {
        const previousEnd = this.field(this.size - 1, 1);
        this.push(previousEnd, previousEnd, 'blank');
      }
      this.layoutBlock(block);
    }
  }

  /** Lays out everything that is left and returns every line. */
  finish(): DisplayLine[] {
    this.extend(Infinity);
    return Array.from({length: this.size}, (_, index) => this.line(index));
  }
}

/**
 * The lines of one block at `width`, in order, as [start, end) ranges: a block's lines depend
 * on that block alone. Verse, lists and tables keep their lines (a line too long for the
 * measure still wraps); everything else is wrapped as a paragraph.
 */
export function blockRanges(
  text: string,
  block: Block,
  width: number,
  push: (start: number, end: number) => void,
): void {
  if (block.kind !== 'preformatted') {
    // A block quote's bar and the space after it take two cells of the measure.
    const measure = block.kind === 'quote' ? Math.max(1, width - QUOTE_BAR) : width;
    for (const range of wrap(text, block.start, block.end, measure)) push(range.start, range.end);
    return;
  }
  let lineStart = block.start;
  while (lineStart <= block.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > block.end) lineEnd = block.end;
    for (const range of wrap(text, lineStart, lineEnd, width, {keepIndent: true})) {
      push(range.start, range.end);
    }
    lineStart = lineEnd + 1;
  }
}

/** The index of the last line (of `count`) whose start is at or before `offset`. */
export function lineIndexOf(source: Pick<LineSource, 'count' | 'startOf'>, offset: number): number {
  let low = 0;
  let high = source.count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (source.startOf(middle) <= offset) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** A finished list of lines as a line source. */
export function linesSource(lines: DisplayLine[]): LineSource {
  return {
    count: lines.length,
    complete: true,
    startOf: (index) => lines[index]!.start,
    isBlank: (index) => lines[index]!.kind === 'blank',
    line: (index) => lines[index]!,
    extend: () => undefined,
  };
}

const stores = new WeakMap<Article, Map<number, LineStore>>();

/** The (shared, lazily filled) layout of `article` at `width`. */
export function lineStore(article: Article, width: number): LineStore {
  let byWidth = stores.get(article);
  if (!byWidth) stores.set(article, (byWidth = new Map()));
  let store = byWidth.get(width);
  if (!store) byWidth.set(width, (store = new LineStore(article, width)));
  return store;
}

/** The whole article laid out at `width`. Pure; depends only on (article, width). */
export function layout(article: Article, width: number): DisplayLine[] {
  return new LineStore(article, width).finish();
}

/** A short piece of text (a title, a byline) wrapped to `width`, as lines. */
function wrapped(text: string, width: number): string[] {
  return wrap(text, 0, text.length, width).map((range) =>
    text.slice(range.start, range.end).trimEnd(),
  );
}

/** The article set at `width` as plain text, for printing when stdout is not a terminal. */
export function plainText(article: Article, width: number): string {
  const body = layout(article, width).map(
    (line) => (line.kind === 'quote' ? '│ ' : '') + shownText(article, line),
  );
  const {title} = article;
  const heading = wrapped(title, width);
  const byline = article.meta ? [...wrapped(article.meta, width), ''] : [];
  return [...heading, '', ...byline, ...body].join('\n');
}
