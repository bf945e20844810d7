import type {Article, Block} from '../article/article.js';
import {wrap} from './wrap.js';

/** How a display line is set: its block's kind, or a blank line between blocks. */
export type LineKind = Block['kind'] | 'blank';

/** One line on screen: the source range it shows and how to style it. */
export type DisplayLine = {start: number; end: number; kind: LineKind};

/** The text of a display line as shown: line breaks read as spaces, trailing spaces dropped. */
export function lineText(text: string, line: DisplayLine): string {
  return text.slice(line.start, line.end).replace(/\n/g, ' ').trimEnd();
}

function layoutBlock(text: string, block: Block, width: number, into: DisplayLine[]): void {
  if (block.kind !== 'preformatted') {
    for (const range of wrap(text, block.start, block.end, width)) {
      into.push({start: range.start, end: range.end, kind: block.kind});
    }
    return;
  }
  // Verse, lists and tables keep their lines; a line too long for the measure still wraps.
  let lineStart = block.start;
  while (lineStart <= block.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > block.end) lineEnd = block.end;
    for (const range of wrap(text, lineStart, lineEnd, width, {keepIndent: true})) {
      into.push({start: range.start, end: range.end, kind: 'preformatted'});
    }
    lineStart = lineEnd + 1;
  }
}

/**
 * The article set at a measure of `width` cells, laid out lazily, block by block, from the
 * top: every block wrapped, one blank line between blocks, the title left to the reading
 * view's header. `lines` only grows; what it holds never changes once laid out, so a
 * LineStore is a memo of the pure function layout(article, width).
 */
export class LineStore {
  readonly lines: DisplayLine[] = [];
  private nextBlock = 0;

  constructor(
    readonly article: Article,
    readonly width: number,
  ) {}

  get complete(): boolean {
    return this.nextBlock >= this.article.blocks.length;
  }

  /** Lays out up to `count` more blocks. */
  extend(count: number): void {
    const {blocks, text} = this.article;
    const stop = Math.min(blocks.length, this.nextBlock + count);
    for (; this.nextBlock < stop; this.nextBlock++) {
      const block = blocks[this.nextBlock]!;
      if (block.kind === 'title') continue;
      if (this.lines.length > 0)
        this.lines.push({start: block.start, end: block.start, kind: 'blank'});
      layoutBlock(text, block, this.width, this.lines);
    }
  }

  /** Lays out everything that is left. */
  finish(): DisplayLine[] {
    this.extend(Infinity);
    return this.lines;
  }
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

/** The article set at `width` as plain text, for printing when stdout is not a terminal. */
export function plainText(article: Article, width: number): string {
  const body = layout(article, width).map((line) =>
    line.kind === 'blank' ? '' : lineText(article.text, line),
  );
  const {title} = article;
  const heading = wrap(title, 0, title.length, width).map((range) =>
    title.slice(range.start, range.end).trimEnd(),
  );
  return [...heading, '', ...body].join('\n');
}
