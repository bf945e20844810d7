import type {ReaderState} from './reader-reducer.js';
import {progressAt} from './progress.js';

/**
 * The status line: any message first (it is what just happened, and a long one must not be
 * cut off), then `page 3/12 · 27% · 6 min left`.
 */
export function statusText(state: ReaderState): string {
  const {pages} = state;
  const total = pages.complete ? String(pages.count) : '…';
  const atEnd = pages.complete && state.page === pages.count - 1;
  const hint = pages.blockAt(state.page);
  const {percent, minutesLeft} = progressAt(state.article, state.anchor, atEnd, hint);
  const status = `page ${state.page + 1}/${total} · ${percent}% · ${minutesLeft} min left`;
  return state.message ? `${state.message} · ${status}` : status;
}
