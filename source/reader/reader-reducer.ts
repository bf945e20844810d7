import type {Article} from '../article/article.js';
import {layout, type DisplayLine} from '../text/layout.js';
import {paginate, pageOfOffset, type Pages} from '../text/paginate.js';
import {geometry, type Geometry} from './geometry.js';

export type ReaderState = {
  article: Article;
  columns: number;
  rows: number;
  geometry: Geometry;
  pages: Pages;
  page: number;
  /** The reader's place: an offset into the article; the page shown is the one holding it. */
  anchor: number;
};

export type ReaderAction =
  {type: 'nextPage'} | {type: 'previousPage'} | {type: 'resize'; columns: number; rows: number};

const layouts = new WeakMap<Article, Map<number, DisplayLine[]>>();

/** Layout is a pure function of (article, width); keep each one so a resize back is free. */
function cachedLayout(article: Article, width: number): DisplayLine[] {
  let byWidth = layouts.get(article);
  if (!byWidth) layouts.set(article, (byWidth = new Map()));
  let lines = byWidth.get(width);
  if (!lines) byWidth.set(width, (lines = layout(article, width)));
  return lines;
}

function setOut(article: Article, columns: number, rows: number, anchor: number): ReaderState {
  const shape = geometry(columns, rows);
  const pages = paginate(cachedLayout(article, shape.measure), shape.height);
  return {
    article,
    columns,
    rows,
    geometry: shape,
    pages,
    anchor,
    page: pageOfOffset(pages, anchor),
  };
}

/** Opens an article at `anchor` in a terminal of columns × rows. */
export function openReader(
  article: Article,
  columns: number,
  rows: number,
  anchor = 0,
): ReaderState {
  return setOut(article, columns, rows, anchor);
}

function goToPage(state: ReaderState, page: number): ReaderState {
  const last = state.pages.startOffset.length - 1;
  const target = Math.max(0, Math.min(last, page));
  if (target === state.page) return state;
  return {...state, page: target, anchor: state.pages.startOffset[target]!};
}

/** The reading view's state machine: intents in, state out. */
export function readerReducer(state: ReaderState, action: ReaderAction): ReaderState {
  switch (action.type) {
    case 'nextPage':
      return goToPage(state, state.page + 1);
    case 'previousPage':
      return goToPage(state, state.page - 1);
    case 'resize':
      if (action.columns === state.columns && action.rows === state.rows) return state;
      // The anchor stays put, so resizing back shows the very same page.
      return setOut(state.article, action.columns, action.rows, state.anchor);
  }
}
