import {isAtEnd, type ReaderState} from './reader-reducer.js';
import {quotationCount} from './quotation-navigation.js';
import {progressAt} from '../text/reading-time.js';
import {cellWidth, truncateToWidth} from '../text/width.js';
import {chapterTitle} from './contents-navigation.js';

/** What just happened, for the status line: a message, or the quotation jumped to. */
export function messageOf(state: ReaderState): string | undefined {
  if (state.message !== undefined || !state.quotationAt) return state.message;
  const {index, speaker} = state.quotationAt;
  return `quotation ${index + 1}/${quotationCount(state)}${speaker ? ` · ${speaker}` : ''}`;
}

/** The status line's parts: what just happened, and where the reader is. */
type StatusParts = {
  message: string | undefined;
  /** `page 3/12`: kept whole when the line is too narrow for the rest. */
  page: string;
  /** ` · 27% · 6 min left`. */
  progress: string;
  /** The chapter being read, shown when there is room for it. */
  chapter: string | undefined;
};

function statusParts(state: ReaderState): StatusParts {
  const {pages} = state;
  // While the rest of a long file is read, the page count is not known either.
  const total = pages.complete && !state.article.partial ? String(pages.count) : '…';
  // A far place shown before the layout reaches it has no page number yet.
  const page = state.detached ? '…' : String(state.page + 1);
  // The last screenful, shown before the page count is known, is the end all the same.
  const atEnd = isAtEnd(state) || state.detached === 'last';
  const hint = state.detached ? undefined : pages.blockAt(state.page);
  const {percent, minutesLeft} = progressAt(state.article, state.anchor, atEnd, hint);
  return {
    message: messageOf(state),
    page: `page ${page}/${total}`,
    progress: ` · ${percent}% · ${minutesLeft} min left`,
    chapter: state.detached ? undefined : chapterTitle(state),
  };
}

/**
 * The status line: any message first (it is what just happened), then `page 3/12 · 27% ·
 * 6 min left`, then `extra` (a count being typed, a standing notice). In `width` cells when
 * given. A line too long keeps the page number whole and cuts the message after its first
 * part (`quotation 12/40`, `progress not saved`); too narrow for even that, the message
 * comes first, as the answer to the key just pressed.
 */
export function statusText(state: ReaderState, extra = '', width = Infinity): string {
  const {message, page, progress, chapter} = statusParts(state);
  const place = page + progress + extra;
  const full = message ? `${message} · ${place}` : place;
  // (Each measured once: a status line is made for every frame.)
  const fullWidth = cellWidth(full);
  // The chapter's name last, where there is room for it (cut short, at least 12 cells).
  if (chapter) {
    const room = width - fullWidth - 3;
    const chapterWidth = cellWidth(chapter);
    if (room >= Math.min(12, chapterWidth)) {
      return `${full} · ${chapterWidth <= room ? chapter : truncateToWidth(chapter, room)}`;
    }
  }
  if (fullWidth <= width) return full;
  if (!message) return truncateToWidth(place, width);
  const room = width - cellWidth(` · ${page}`);
  const [head = message] = message.split(/ · |: /u);
  if (cellWidth(head) <= room) return `${truncateToWidth(message, room)} · ${page}`;
  return truncateToWidth(full, width);
}
