/**
 * A block of the article: a range [start, end) of Article.text. A paragraph reflows (its
 * single line breaks are spaces); preformatted text (verse, lists, tables) keeps its lines.
 */
export type Block = {
  /** heading and quote (a block quote, set off with a bar) come from Markdown. */
  kind: 'title' | 'meta' | 'paragraph' | 'preformatted' | 'heading' | 'quote';
  start: number;
  end: number;
  /** Words in the block, for reading-time estimates. */
  words: number;
  /** A heading's level (1 to 6, as in Markdown and HTML), when known. */
  level?: number;
};

/** A decoded, sanitized article. Every position in the app is an offset into `text`. */
export type Article = {
  title: string;
  meta?: string;
  text: string;
  blocks: Block[];
  words: number;
  /**
   * Set on the start of a long file, parsed on its own and shown while the rest loads: its
   * text is a prefix of the whole article's (same blocks, same offsets). `length` is the
   * whole text's length as estimated from the file's size; `rough` when it is a guess too
   * rough to find a place saved by its length (a web page's start: its notes are not counted).
   */
  partial?: {length: number; rough?: true};
  /**
   * Emphasis, strong and code in a Markdown article, and `_italics_` in a plain text (their
   * underscores hidden): ranges of `text`, ordered by start.
   */
  markup?: MarkupSpan[];
  /** A line the reader is told on opening it (a web page shown whole, say). */
  notice?: string;
  /** The language the article says it is in (a BCP 47 tag), when it says. */
  language?: string;
  /** A book's own table of contents (an EPUB's), in the order of the text. */
  contents?: ContentsEntry[];
  /**
   * The links a Markdown article, page or book has (its numbered notes, in order): where each
   * leads, its text, and where that text is.
   */
  links?: ArticleLink[];
};

/** A link of an article: its address, the text it is on, and where that text starts. */
export type ArticleLink = {url: string; text: string; at: number};

/** An entry of an article's contents: a chapter or section, where it starts. */
export type ContentsEntry = {title: string; offset: number; depth: number};

/**
 * A range of an article's text set in italic, bold or as code, or not shown at all (the
 * underscores around a plain text's `_italics_`: kept in the text so offsets stay the file's).
 */
export type MarkupSpan = {start: number; end: number; kind: 'italic' | 'bold' | 'code' | 'hidden'};

/** The rest of a long file being read in slices: the whole article, once it is done. */
export type ArticleLoad = {
  /** Works on while `keepGoing()` says so; returns the whole article when it is done. */
  step(keepGoing: () => boolean): Article | undefined;
  /** Finishes at once (a key that needs the whole article). */
  finish(): Article;
};

/** Loading a file either yields an article or says, by name, why it was refused. */
export type LoadResult =
  {kind: 'article'; article: Article; rest?: ArticleLoad} | {kind: 'refused'; reason: string};

/**
 * What a sliced computation says when it pauses: nothing, or that a large copy of the text
 * has just become garbage (a driver may collect it before the next copy is made).
 */
export type Pause = undefined | 'garbage';

/**
 * How many of `blocks` there are up to and including the one that holds `offset` (or, between
 * blocks, the next one): the blocks to read before a reader of them has reached `offset`.
 */
export function blocksThrough(blocks: Block[], offset: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return Math.min(blocks.length, low + 1);
}

/** The markup spans that touch [from, to), in order (spans do not nest across blocks: few do). */
export function markupBetween(
  markup: MarkupSpan[] | undefined,
  from: number,
  to: number,
): MarkupSpan[] {
  if (!markup) return [];
  // Ordered by start: skip those starting well before the screen by binary search.
  let low = 0;
  let high = markup.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (markup[middle]!.start < from - MAX_MARKUP) low = middle + 1;
    else high = middle;
  }
  const found: MarkupSpan[] = [];
  for (let index = low; index < markup.length && markup[index]!.start < to; index++) {
    if (markup[index]!.end > from) found.push(markup[index]!);
  }
  return found;
}

/** Markup spans longer than this many characters may start before the screen and be missed. */
const MAX_MARKUP = 20_000;
