import {lineIndexOf, linesSource, type DisplayLine, type LineSource} from './layout.js';

/** Blocks laid out per step while looking for a page; small enough to stay near the anchor. */
const STEP_BLOCKS = 16;

/**
 * Pages of `height` lines over a line source, cut from the top as lines become available.
 * Page i shows lines[firstLine[i]] up to the next page's first line; a page never starts
 * with a blank line. Only the pages asked for (and those before them) are cut, so opening
 * a 3 MB book costs one page, not the whole book.
 */
export class Pages {
  /** First line of each page cut so far. */
  readonly firstLine: number[] = [];
  /** Source offset where each page begins, ascending: the key for finding an offset's page. */
  readonly startOffset: number[] = [];
  private nextLine = 0;

  constructor(
    readonly source: LineSource,
    readonly height: number,
  ) {
    this.cut();
  }

  /** Whether every page is known (and so `count` is the page count). */
  get complete(): boolean {
    return this.source.complete && this.nextLine >= this.source.count;
  }

  /** Pages known so far; the page count once `complete`. */
  get count(): number {
    return this.firstLine.length;
  }

  /** Cuts every page that the lines laid out so far fill. */
  private cut(): void {
    const {source} = this;
    const count = source.count;
    for (;;) {
      let index = this.nextLine;
      while (index < count && source.isBlank(index)) index++;
      // A page is only cut once it is full, or the article has ended.
      if (index >= count || (index + this.height > count && !source.complete)) break;
      this.firstLine.push(index);
      this.startOffset.push(source.startOf(index));
      this.nextLine = index + this.height;
    }
    if (source.complete) this.nextLine = Math.max(this.nextLine, count);
    if (this.firstLine.length === 0 && this.source.complete) {
      this.firstLine.push(0);
      this.startOffset.push(0);
    }
  }

  /** Lays out and cuts `blocks` more blocks; for finishing the page count in the background. */
  advance(blocks: number): void {
    if (this.complete) return;
    this.source.extend(blocks);
    this.cut();
  }

  /** Makes sure pages up to `page` + 1 are cut (or the article has ended). */
  ensurePage(page: number): void {
    while (this.firstLine.length <= page + 1 && !this.complete) this.advance(STEP_BLOCKS);
  }

  /** Makes sure the page holding `offset`, and the one after it, are cut. */
  ensureOffset(offset: number): void {
    while (!this.complete && (this.startOffset.at(-1) ?? -1) <= offset) this.advance(STEP_BLOCKS);
    this.ensurePage(this.pageOf(offset));
  }

  /** Whether the page holding `offset` is cut (Infinity: whether every page is). */
  covers(offset: number): boolean {
    return this.complete || (this.startOffset.at(-1) ?? -1) > offset;
  }

  /**
   * Cuts pages on until the one holding `offset` is known, laying out at most `budget` more
   * blocks; whether it got there. A key never waits for a whole book's layout.
   */
  reach(offset: number, budget: number): boolean {
    // Too far to get to within the budget: do not spend it for nothing.
    if ((this.source.blocksBefore?.(offset) ?? 0) > budget) return this.covers(offset);
    for (let spent = 0; !this.covers(offset) && spent < budget; spent += STEP_BLOCKS) {
      this.advance(STEP_BLOCKS);
    }
    return this.covers(offset);
  }

  /** The page that contains source offset `offset`, by binary search over the pages cut. */
  pageOf(offset: number): number {
    let low = 0;
    let high = this.startOffset.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.startOffset[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low);
  }

  /** The article block where page `page` begins, when the line source knows it. */
  blockAt(page: number): number | undefined {
    const first = this.firstLine[page];
    return first === undefined ? undefined : this.source.blockOf?.(first);
  }

  /** The line that holds `offset` (its page is cut first). */
  lineOf(offset: number): number {
    this.ensureOffset(offset);
    return lineIndexOf(this.source, offset);
  }

  /** How many lines there are (laid out so far, unless complete). */
  get lineCount(): number {
    return this.source.count;
  }

  /** `height` lines from line `first` on, laying out more as needed: a scrolled view. */
  linesFrom(first: number, height: number): DisplayLine[] {
    while (this.source.count < first + height && !this.source.complete) this.advance(STEP_BLOCKS);
    const lines: DisplayLine[] = [];
    for (let index = first; index < Math.min(this.source.count, first + height); index++) {
      lines.push(this.source.line(index));
    }
    return lines;
  }

  /** The lines shown on page `page`. */
  linesOf(page: number): DisplayLine[] {
    const first = this.firstLine[page] ?? 0;
    const next = this.firstLine[page + 1] ?? this.source.count;
    const lines: DisplayLine[] = [];
    for (let index = first; index < Math.min(next, first + this.height); index++) {
      lines.push(this.source.line(index));
    }
    return lines;
  }
}

/** Pages of an already laid-out list of lines. */
export function paginate(lines: DisplayLine[], height: number): Pages {
  return new Pages(linesSource(lines), Math.max(1, height));
}
