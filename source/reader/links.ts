import type {Article, ArticleLink} from '../article/article.js';
import {movePanelWithin, type ReaderState} from './reader-state.js';

/** Addresses written out in a plain text: http and https, up to a space or a bracket. */
const BARE_URL = /\bhttps?:\/\/[^\s<>"'“”‘’()[\]{}]+/gu;

const found = new WeakMap<Article, readonly ArticleLink[]>();

/**
 * The links of an article: a Markdown article's, page's or book's numbered notes; in a plain
 * text, the web addresses written in it (their text is the address).
 */
export function linksOf(article: Article): readonly ArticleLink[] {
  if (article.links) return article.links;
  let links = found.get(article);
  if (!links) {
    links = [...article.text.matchAll(BARE_URL)].map((match) => {
      // A sentence's full stop or comma after an address is not part of it.
      const url = match[0].replace(/[.,;:!?]+$/u, '');
      return {url, text: url, at: match.index};
    });
    found.set(article, links);
  }
  return links;
}

/** Opens the list of links (o), on the first link at or after the top of the screen. */
export function openLinks(state: ReaderState, fresh: ReaderState): ReaderState {
  const links = linksOf(state.article);
  if (links.length === 0) return {...fresh, message: 'no links in this article'};
  const next = links.findIndex((link) => link.at >= state.anchor);
  return {...fresh, panel: {kind: 'links', selected: next === -1 ? links.length - 1 : next}};
}

/** Moves the list's selection by `by` rows, within the list. */
export function moveLinks(state: ReaderState, by: number): ReaderState {
  return movePanelWithin(state, by, linksOf(state.article).length);
}

/** The link under the list's cursor. */
export function selectedLink(state: ReaderState): ArticleLink | undefined {
  return state.panel?.kind === 'links' ? linksOf(state.article)[state.panel.selected] : undefined;
}

/** Whether a link leads to a web page (one Broadsheet can fetch and read). */
export function isWebLink(url: string): boolean {
  return /^https?:\/\//iu.test(url);
}
