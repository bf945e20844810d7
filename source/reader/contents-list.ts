import type {Article} from '../article/article.js';
import {contentsOf} from '../text/contents.js';
import {openReader} from './reader-reducer.js';

/** An entry of the contents as `broadsheet toc` lists it. */
export type ContentsRecord = {
  title: string;
  /** 0 for the outermost entries (a BOOK), 1 for those under them (its CHAPTERs), … */
  depth: number;
  /** UTF-16 code units into the decoded, normalized article text. */
  offset: number;
  /** 1-based page in a terminal of the given size (80×24 for the command). */
  page: number;
};

/** Every entry of the article's contents with its page (at columns × rows). */
export function contentsRecords(article: Article, columns = 80, rows = 24): ContentsRecord[] {
  const {pages} = openReader(article, columns, rows);
  pages.advance(Infinity);
  return contentsOf(article).map((entry) => ({
    title: entry.title,
    depth: entry.depth,
    offset: entry.offset,
    page: pages.pageOf(entry.offset) + 1,
  }));
}

/** One line per entry: page, offset, and the title indented by its depth. */
export function formatContentsLine(record: ContentsRecord): string {
  return `p.${record.page}\t${record.offset}\t${'  '.repeat(record.depth)}${record.title}`;
}
