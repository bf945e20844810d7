import type {Article} from '../article/article.js';
import {blockRanges, shownEnd, type DisplayLine} from './layout.js';

/** Blocks whose lines are kept at once; a screen needs a handful. */
const CACHED_BLOCKS = 64;

/**
 * The lines of an article at a measure, around any offset, without laying out what comes
 * before it: a block's lines depend on that block alone, so the end of a 3 MB book can be
 * shown before its page count is known. The lines are the very ones a LineStore lays out
 * from the top (the same blank line between blocks), so nothing moves once that catches up.
 */
export class LocalLayout {
  private readonly cache = new Map<number, DisplayLine[]>();
  /** Blocks with lines (not the title or byline, which the header shows). */
  private readonly body: number[];

  constructor(
    readonly article: Article,
    readonly width: number,
  ) {
    this.body = [];
    article.blocks.forEach((block, index) => {
      if (block.kind !== 'title' && block.kind !== 'meta') this.body.push(index);
    });
  }

  /** Lines of the `n`th body block, led by the blank line that separates it from the last. */
  private linesOf(n: number): DisplayLine[] {
    let lines = this.cache.get(n);
    if (lines) return lines;
    const {text, blocks} = this.article;
    const block = blocks[this.body[n]!]!;
    lines = [];
    if (n > 0) {
      const previousEnd = blocks[this.body[n - 1]!]!.end;
      lines.push({start: previousEnd, end: previousEnd, shown: previousEnd, kind: 'blank'});
    }
    const out = lines;
    blockRanges(text, block, this.width, (start, end) =>
      out.push({start, end, shown: shownEnd(text, start, end), kind: block.kind}),
    );
    if (this.cache.size >= CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(n, lines);
    return lines;
  }

  /**
   * [body block, line in it] of the line holding `offset` (the last starting at or before it).
   * Callers make sure there is a body block.
   */
  private find(offset: number): [number, number] {
    const {blocks} = this.article;
    let low = 0;
    let high = this.body.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1; // at least 1
      // A block's lines begin with the blank line at the end of the block before it.
      const first = blocks[this.body[middle - 1]!]!.end;
      if (first <= offset) low = middle;
      else high = middle - 1;
    }
    const lines = this.linesOf(low);
    let line = 0;
    while (line + 1 < lines.length && lines[line + 1]!.start <= offset) line++;
    return [low, line];
  }

  /** Up to `count` lines from the one holding `offset`. */
  linesFrom(offset: number, count: number): DisplayLine[] {
    if (this.body.length === 0) return [];
    let [n, line] = this.find(offset);
    const out: DisplayLine[] = [];
    while (out.length < count && n < this.body.length) {
      const lines = this.linesOf(n);
      for (; line < lines.length && out.length < count; line++) out.push(lines[line]!);
      n++;
      line = 0;
    }
    return out;
  }

  /** Where the line `delta` lines on from the one holding `offset` starts (kept in the text). */
  offsetBy(offset: number, delta: number): number {
    if (this.body.length === 0) return 0;
    let [n, line] = this.find(offset);
    for (let step = 0; step < Math.abs(delta); step++) {
      if (delta > 0) {
        if (line + 1 < this.linesOf(n).length) line++;
        else if (n + 1 < this.body.length) [n, line] = [n + 1, 0];
        else break;
      } else if (line > 0) line--;
      else if (n > 0) [n, line] = [n - 1, this.linesOf(n - 1).length - 1];
      else break;
    }
    return this.linesOf(n)[line]!.start;
  }

  /** Where the last `height` lines of the article begin: the last screenful. */
  lastScreen(height: number): number {
    if (this.body.length === 0) return 0;
    const last = this.body.length - 1;
    const lines = this.linesOf(last);
    return this.offsetBy(lines.at(-1)!.start, -(height - 1));
  }
}

const layouts = new WeakMap<Article, Map<number, LocalLayout>>();

/** The (shared) local layout of `article` at `width`. */
export function localLayout(article: Article, width: number): LocalLayout {
  let byWidth = layouts.get(article);
  if (!byWidth) layouts.set(article, (byWidth = new Map()));
  let layout = byWidth.get(width);
  if (!layout) byWidth.set(width, (layout = new LocalLayout(article, width)));
  return layout;
}
