import {findHits, hitAtOrAfter, MAX_HITS} from '../text/search.js';
import {place, type ReaderState, type Search} from './reader-state.js';

function describeHit(search: Search, note?: string): string {
  const more = search.hits.length >= MAX_HITS ? '+' : '';
  return `hit ${search.current + 1}/${search.hits.length}${more}${note ? ` · ${note}` : ''}`;
}

function showHit(state: ReaderState, search: Search, note?: string): ReaderState {
  const hit = search.hits[search.current]!;
  return place({...state, search, message: describeHit(search, note)}, hit.start, true);
}

export function stepHit(state: ReaderState, direction: 1 | -1): ReaderState {
  const {search} = state;
  if (!search) return {...state, message: 'no search yet: press / to search'};
  if (search.hits.length === 0) return {...state, message: `no match for “${search.query}”`};
  let current = search.current + direction;
  let note: string | undefined;
  if (current >= search.hits.length) {
    current = 0;
    note = 'wrapped to the top';
  } else if (current < 0) {
    current = search.hits.length - 1;
    note = 'wrapped to the end';
  }
  return showHit(state, {...search, current}, note);
}

export function runSearch(state: ReaderState, query: string): ReaderState {
  const cleared = {...state, prompt: undefined};
  if (query.trim() === '') return cleared;
  const hits = findHits(state.article.text, query);
  if (hits.length === 0) {
    return {...cleared, search: {query, hits, current: 0}, message: `no match for “${query}”`};
  }
  // Forward from the top of the screen; past the last hit, round to the first.
  const from = state.aligned ? (state.pages.startOffset[state.page] ?? 0) : state.anchor;
  const index = hitAtOrAfter(hits, from);
  const search = {query, hits, current: index ?? 0};
  return showHit(cleared, search, index === undefined ? 'wrapped to the top' : undefined);
}
