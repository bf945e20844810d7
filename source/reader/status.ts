import {isAtEnd, quotationCount, type ReaderState} from './reader-reducer.js';
import {progressAt} from './progress.js';

/** What just happened, for the status line: a message, or the quotation jumped to. */
export function messageOf(state: ReaderState): string | undefined {
  if (state.message !== undefined || !state.quotationAt) return state.message;
  const {index, speaker} = state.quotationAt;
  return `quotation ${index + 1}/${quotationCount(state)}${speaker ? ` · ${speaker}` : ''}`;
}

/**
 * The status line: any message first (it is what just happened, and a long one must not be
 * cut off), then `page 3/12 · 27% · 6 min left`.
 */
export function statusText(state: ReaderState): string {
  const {pages} = state;
  // While the rest of a long file is read, the page count is not known either.
  const total = pages.complete && !state.article.partial ? String(pages.count) : '…';
  // A far place shown before the layout reaches it has no page number yet.
  const page = state.detached ? '…' : String(state.page + 1);
  // The last screenful, shown before the page count is known, is the end all the same.
  const atEnd = isAtEnd(state) || state.detached === 'last';
  const hint = state.detached ? undefined : pages.blockAt(state.page);
  const {percent, minutesLeft} = progressAt(state.article, state.anchor, atEnd, hint);
  const status = `page ${page}/${total} · ${percent}% · ${minutesLeft} min left`;
  const message = messageOf(state);
  return message ? `${message} · ${status}` : status;
}
