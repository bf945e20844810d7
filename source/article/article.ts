/**
 * A block of the article: a range [start, end) of Article.text. A paragraph reflows (its
 * single line breaks are spaces); preformatted text (verse, lists, tables) keeps its lines.
 */
export type Block = {
  kind: 'title' | 'meta' | 'paragraph' | 'preformatted';
  start: number;
  end: number;
  /** Words in the block, for reading-time estimates. */
  words: number;
};

/** A decoded, sanitized article. Every position in the app is an offset into `text`. */
export type Article = {
  title: string;
  meta?: string;
  text: string;
  blocks: Block[];
  words: number;
};

/** Loading a file either yields an article or says, by name, why it was refused. */
export type LoadResult = {kind: 'article'; article: Article} | {kind: 'refused'; reason: string};
