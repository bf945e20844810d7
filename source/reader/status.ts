import type {ReaderState} from './reader-reducer.js';
import {progressAt} from './progress.js';

/** The status line: `page 3/12 · 27% · 6 min left`, then any message. */
export function statusText(state: ReaderState): string {
  const {pages} = state;
  const total = pages.complete ? String(pages.count) : '…';
  const atEnd = pages.complete && state.page === pages.count - 1;
  const hint = pages.blockAt(state.page);
  const {percent, minutesLeft} = progressAt(state.article, state.anchor, atEnd, hint);
  const status = `page ${state.page + 1}/${total} · ${percent}% · ${minutesLeft} min left`;
  return state.message ? `${status} · ${state.message}` : status;
}
