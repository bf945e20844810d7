// What the reader should show, from the layout engine itself: the e2e tests compare the screen
// with it (a width check alone cannot fail in an emulator, which shows nothing wider).
import {loadWholeArticleFile} from '../../source/article/file.js';
import {openReader, type ReaderState} from '../../source/reader/reader-reducer.js';
import {visibleLines} from '../../source/reader/reader-state.js';
import {lineText, type DisplayLine} from '../../source/text/layout.js';

/** The reader over `file` at this size, opened at `anchor`, its layout complete. */
export function readerAt(file: string, columns: number, rows: number, anchor = 0): ReaderState {
  const loaded = loadWholeArticleFile(file);
  if (loaded.kind !== 'article') throw new Error(`cannot load ${file}: ${loaded.reason}`);
  const state = openReader(loaded.article, columns, rows, {anchor});
  state.pages.advance(Infinity);
  return state;
}

/** The lines on screen, with their text. */
export function shownLines(state: ReaderState): Array<DisplayLine & {text: string}> {
  return visibleLines(state).map((line) => ({
    ...line,
    text: lineText(state.article.text, line),
  }));
}
