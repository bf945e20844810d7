import {blocksThrough, type Article} from '../article/article.js';
import {hitAtOrAfter, startingUpTo} from './search.js';
import {
  attributeSpeakers,
  attributeThrough,
  namingStart,
  readForSpeakers,
  readForSpeakersDone,
  type NamingProgress,
  type SpeakerWay,
} from './speakers.js';
import {
  closes,
  guillemetStyle,
  leadingMark,
  LETTER_OR_DIGIT,
  MARK_PATTERN,
  roleOf,
} from './quote-marks.js';

/**
 * A quotation: the range [start, end) of the article's text, marks included, and how deep it
 * is nested (1 for a quotation, 2 for a quotation inside it, and so on).
 */
export type Quotation = {
  start: number;
  end: number;
  level: number;
  /** Who said it, when the text says (see speakers.ts). */
  speaker?: string;
  /** How the speaker was found: named beside it, a pronoun, the turn, the narrator. */
  speakerBy?: SpeakerWay;
};

type Open = {
  index: number;
  mark: string;
  continued?: boolean;
  /** How many quotations had been found when it opened: those found after are inside it. */
  foundAt: number;
};

/**
 * Finds an article's quotations paragraph by paragraph, as far as it is asked to: the reader
 * only needs those up to the page on screen, and a 3 MB book need not be read to show its
 * first page. What it has found never changes as it reads on.
 */
export class QuotationScanner {
  /** Quotations found so far, in the order they closed. */
  readonly found: Quotation[] = [];
  /**
   * The outermost quotations found so far, in order: always the start of the whole list
   * (one that is still open started after every outermost one that has closed).
   */
  readonly top: Quotation[] = [];
  /** The guillemet style of the last paragraph that showed one (French until one does). */
  private style: 'french' | 'german' = 'french';
  private nextBlock = 0;
  /** Every quotation starting before this offset is known. */
  private scannedTo = 0;
  private stack: Open[] = [];
  private skip = -1; // the repeated opening mark of a continued paragraph
  /**
   * The first mark after the last paragraph searched (paragraphs are read in order). The
   * search runs past a paragraph's end to it; a paragraph that ends before it has none, and
   * is not searched (on a page of few quotation marks every paragraph's search ran on to the
   * same far mark: quadratic).
   */
  private markAhead = -1;
  private sorted?: Quotation[];

  constructor(readonly article: Article) {}

  get complete(): boolean {
    return this.nextBlock >= this.article.blocks.length;
  }

  /**
   * Reads on until every quotation that starts before `offset` is known: past the block
   * holding it, and on until no quotation is left open.
   */
  scanThrough(offset: number): void {
    if (this.scannedTo > offset) return;
    const {blocks} = this.article;
    while (
      this.nextBlock < blocks.length &&
      (blocks[this.nextBlock]!.start <= offset || this.stack.length > 0)
    ) {
      this.scanBlock(this.nextBlock++);
    }
    // The loop reads on while a quotation is open: one is left open only at the article's end.
    this.scannedTo = blocks[this.nextBlock]?.start ?? Infinity;
  }

  /** How many blocks are still to be read before the one holding `offset` is. */
  blocksTo(offset: number): number {
    return Math.max(0, blocksThrough(this.article.blocks, offset) - this.nextBlock);
  }

  /** Reads about `count` more blocks (more while a quotation is left open). */
  scanBlocks(count: number): void {
    const {blocks} = this.article;
    const last = Math.min(blocks.length, this.nextBlock + count) - 1;
    if (last >= this.nextBlock) this.scanThrough(blocks[last]!.start);
  }

  /** Reads on until `count` outermost quotations are known, or the article ends. */
  scanForTop(count: number): void {
    const {blocks} = this.article;
    while (this.top.length < count && this.nextBlock < blocks.length) {
      this.scanThrough(blocks[this.nextBlock]!.start);
    }
  }

  /** Every quotation of the article, ordered by where it starts. */
  all(): Quotation[] {
    if (!this.sorted) {
      this.scanThrough(Infinity);
      this.sorted = [...this.found].sort((a, b) => a.start - b.start || b.end - a.end);
    }
    return this.sorted;
  }

  /**
   * Opening marks that never closed are no quotations: the quotations found inside them
   * move out a level (a quotation in an unclosed ” is an outermost one).
   */
  private drop(opens: Open[]): void {
    if (opens.length === 0) return;
    const promoted: Quotation[] = [];
    for (let i = Math.min(...opens.map((open) => open.foundAt)); i < this.found.length; i++) {
      const quotation = this.found[i]!;
      // Every quotation found since the outermost of them opened lies inside it.
      quotation.level -= opens.filter((open) => open.index < quotation.start).length;
      if (quotation.level === 1) promoted.push(quotation);
    }
    // Outermost quotations never nest, so they were found in the order they start.
    this.top.push(...promoted);
  }

  private emit(open: Open, end: number, level: number): void {
    // A "quotation" with no letter or digit in it (an empty pair, ″ written as '') is not one.
    if (LETTER_OR_DIGIT.test(this.article.text.slice(open.index + 1, end - 1))) {
      const quotation = {start: open.index, end, level};
      this.found.push(quotation);
      if (level === 1) this.top.push(quotation);
    }
  }

  private scanBlock(blockIndex: number): void {
    const {text, blocks} = this.article;
    const block = blocks[blockIndex]!;
    // Articles mix styles (a French quotation in a German text): decide per paragraph.
    this.style = guillemetStyle(text, block.start, block.end) ?? this.style;
    const marked = this.markAhead < block.end;
    MARK_PATTERN.lastIndex = block.start;
    let match: RegExpExecArray | null = null;
    for (
      match = marked ? MARK_PATTERN.exec(text) : null;
      match && match.index < block.end;
      match = MARK_PATTERN.exec(text)
    ) {
      const index = match.index;
      if (index === this.skip) continue;
      const role = roleOf(text, index, block, this.stack, this.style);
      if (role === 'open') {
        this.stack.push({index, mark: match[0], foundAt: this.found.length});
      } else if (role === 'close') {
        let depth = this.stack.length - 1;
        while (depth >= 0 && !closes(this.stack[depth]!.mark, match[0])) depth--;
        if (depth < 0) continue;
        // Anything opened inside and still open cannot be resolved: it is dropped.
        this.drop(this.stack.slice(depth + 1));
        this.emit(this.stack[depth]!, index + 1, depth + 1);
        this.stack = this.stack.slice(0, depth);
      }
    }
    // Every mark before the paragraph's end has been seen: the next is `match`.
    if (marked) this.markAhead = match ? match.index : Infinity;
    if (this.stack.length === 0) return;
    // A quotation goes on when the next paragraph opens with the same mark as its outermost.
    const next = blocks[blockIndex + 1];
    const lead = next && leadingMark(text, next);
    if (lead && this.stack.some((open) => open.mark === lead.mark)) {
      const keep = this.stack.findIndex((open) => open.mark === lead.mark);
      // Quotations opened inside it and left open end here if they were carried over too.
      for (let depth = this.stack.length - 1; depth > keep; depth--) {
        if (this.stack[depth]!.continued) this.emit(this.stack[depth]!, block.end, depth + 1);
      }
      this.drop(this.stack.slice(keep + 1).filter((open) => !open.continued));
      this.stack = this.stack.slice(0, keep + 1);
      this.stack[keep]!.continued = true;
      this.skip = lead.index;
      return;
    }
    // Otherwise a quotation already carried over from earlier paragraphs ends with this one;
    // a mark that never closed in its own paragraph is left alone rather than guessed at.
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      if (this.stack[depth]!.continued) this.emit(this.stack[depth]!, block.end, depth + 1);
    }
    this.drop(this.stack.filter((open) => !open.continued));
    this.stack = [];
  }
}

/**
 * Finds the quotations of an article, as offsets into its text. Quotations nest and never
 * cross; an apostrophe or a prime is never one; a quotation whose opening mark is repeated at
 * the start of following paragraphs runs on to its closing mark (or the end of the last
 * paragraph that repeats it); a mark that cannot be resolved, such as one never closed in its
 * own paragraph, is left alone: an unclosed mark never floods the article.
 */
export function findQuotations(article: Article, {speakers = true} = {}): Quotation[] {
  const found = [...new QuotationScanner(article).all()];
  return speakers ? attributeSpeakers(article.text, article.blocks, found) : found;
}

const scanners = new WeakMap<Article, QuotationScanner>();

/** The article's quotation scanner, shared: each quotation is found once. */
export function quotationScanner(article: Article): QuotationScanner {
  let scanner = scanners.get(article);
  if (!scanner) scanners.set(article, (scanner = new QuotationScanner(article)));
  return scanner;
}

const attributed = new WeakMap<QuotationScanner, NamingProgress>();

/**
 * The article's quotations, with the speakers of those starting up to `offset` named (each
 * once, in order, as far as asked: the list of a whole book names the rows it shows).
 */
export function speakersUpTo(article: Article, offset: number): void {
  const scanner = quotationScanner(article);
  // Only outermost quotations have speakers; those up to `offset` are the start of `top`.
  scanner.scanThrough(offset);
  nameThrough(scanner, offset, namingProgress(scanner));
}

/** Names the speakers of a scanner's quotations up to `offset` (see attributeThrough). */
function nameThrough(scanner: QuotationScanner, offset: number, progress: NamingProgress): void {
  const {text, blocks} = scanner.article;
  // (A conversation is named whole: the scanner reads on to its end.)
  attributeThrough(text, blocks, scanner.top, offset, progress, (to) => scanner.scanThrough(to));
}

/** How far naming speakers in order has got in a scanner's quotations. */
function namingProgress(scanner: QuotationScanner): NamingProgress {
  let progress = attributed.get(scanner);
  if (!progress) attributed.set(scanner, (progress = {next: 0, previous: undefined}));
  return progress;
}

/**
 * How many quotations starting up to `offset` still wait to have their speakers named
 * (once every quotation is found; before that, Infinity).
 */
export function speakersPending(article: Article, offset: number): number {
  const scanner = quotationScanner(article);
  if (!scanner.complete) return Infinity;
  const waiting = startingUpTo(scanner.top, offset);
  return Math.max(0, waiting - (attributed.get(scanner)?.next ?? 0));
}

/** How many quotations' speakers must be named for the outermost quotation `index`'s to be. */
export function speakerWork(article: Article, index: number): number {
  const scanner = quotationScanner(article);
  const named = attributed.get(scanner)?.next ?? 0;
  if (index < named || index >= scanner.top.length) return 0;
  if (namedApart.has(scanner.top[index]!)) return 0;
  return index - namingStart(scanner.top, index, named) + 1;
}

/**
 * Names the speaker of the outermost quotation `index`, with the work speakerWork counts:
 * from a book's end, a few quotations rather than every one before it. (The ones named on
 * the way are named again, alike, when naming in order reaches them.)
 */
export function nameSpeakerOf(article: Article, index: number): void {
  const scanner = quotationScanner(article);
  const quotation = scanner.top[index];
  if (!quotation) return;
  const progress = namingProgress(scanner);
  // Named already: in order, or with its conversation by an earlier call (a page shown again).
  if (index < progress.next || namedApart.has(quotation)) return;
  const start = namingStart(scanner.top, index, progress.next);
  if (start === progress.next) {
    nameThrough(scanner, quotation.start, progress);
    return;
  }
  const apart: NamingProgress = {next: start, previous: undefined};
  nameThrough(scanner, quotation.start, apart);
  // (Its whole conversation is named: the turns after a quotation name it too.)
  for (let named = start; named < apart.next; named++) namedApart.add(scanner.top[named]!);
}

/**
 * Names the speakers of the outermost quotations from index `from` up to `to` (the rows a
 * list shows), each with its conversation as nameSpeakerOf does: rows at a book's end cost a
 * few conversations, not every one before them.
 */
export function nameSpeakersOf(article: Article, from: number, to: number): void {
  for (let index = from; index < to; index++) nameSpeakerOf(article, index);
}

/** Quotations named with their conversation ahead of naming in order (see nameSpeakerOf). */
const namedApart = new WeakSet<Quotation>();

/**
 * The speaker to show beside each paragraph starting at one of `starts` (the S key): that of
 * its first quotation, when the paragraph itself does not name it (a pronoun's, the turn's,
 * the narrator's). Names only those quotations, with the work nameSpeakerOf does.
 */
export function marginSpeakers(article: Article, starts: number[]): Map<number, string> {
  const shown = new Map<number, string>();
  if (starts.length === 0) return shown;
  const scanner = quotationScanner(article);
  const {text} = article;
  const ends = starts.map((start) => {
    const end = text.indexOf('\n', start);
    return end === -1 ? text.length : end;
  });
  scanner.scanThrough(Math.max(...ends));
  const {top} = scanner;
  starts.forEach((start, at) => {
    const index = hitAtOrAfter(top, start);
    const quotation = index === undefined ? undefined : top[index];
    if (!quotation || quotation.start >= ends[at]!) return;
    nameSpeakerOf(article, index!);
    if (quotation.speaker && quotation.speakerBy !== 'named') shown.set(start, quotation.speaker);
  });
  return shown;
}

/** Names the speakers of about `count` more quotations, in order; whether all are named. */
export function nameMoreSpeakers(article: Article, count: number): boolean {
  const scanner = quotationScanner(article);
  scanner.scanThrough(Infinity);
  const quotations = scanner.top;
  const next = attributed.get(scanner)?.next ?? 0;
  // The start of the last of them: naming goes up to and through it.
  speakersUpTo(
    article,
    quotations[Math.min(quotations.length, next + count) - 1]?.start ?? Infinity,
  );
  return (attributed.get(scanner)?.next ?? 0) >= quotations.length;
}

/** Texts this long are read for their people at once when a speaker is asked for. */
const READ_AT_ONCE = 200_000;

/**
 * Whether naming the article's speakers can begin at once: it has read what it needs of the
 * whole text (the genders and names of its people: tens of ms for a long book, see
 * readForSpeakers), or the text is short enough to read now.
 */
export function speakersReady(article: Article): boolean {
  return article.text.length <= READ_AT_ONCE || readForSpeakersDone(article.text, article.blocks);
}

/** Reads the whole text for naming speakers while `keepGoing()` says so; whether done. */
export function readForSpeakerNaming(article: Article, keepGoing: () => boolean): boolean {
  return readForSpeakers(article.text, article.blocks, keepGoing).done;
}

/** Every quotation of the article with its speaker named. */
export function articleQuotationsWithSpeakers(article: Article): Quotation[] {
  speakersUpTo(article, Infinity);
  return quotationScanner(article).all();
}
