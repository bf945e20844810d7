import React, {useState} from 'react';
import {useApp} from 'ink';
import type {Article, LoadResult} from './article/article.js';
import type {Library} from './library/library.js';
import {LibraryView} from './library/LibraryView.js';
import {ReaderView} from './reader/ReaderView.js';
import {useTerminalSize} from './terminal/use-terminal-size.js';
import type {Theme} from './reader/theme.js';
import {noProgress, type Progress} from './state/progress.js';

type Reading = {index: number; article: Article; anchor: number; message?: string};
type Screen = {reading?: Reading; message?: string};

type Props = {
  library: Library;
  /** Reads an article from disk; the app itself never touches the file system. */
  loadArticle: (path: string) => LoadResult;
  /** Open this entry straight away (when the user named a file, not a folder). */
  openIndex?: number;
  /** The widest measure of text (--width). */
  cap?: number;
  theme?: Theme;
  progress?: Progress;
};

/** The root: the library, or the article being read, in a terminal whose size it follows. */
export function App({library, loadArticle, openIndex, cap, theme, progress = noProgress}: Props) {
  const {exit} = useApp();
  const {columns, rows} = useTerminalSize();
  const entries = library.kind === 'folder' ? library.entries : [];

  /** Loads entry `index` and where its reader left off, or says why it cannot be read. */
  const open = (index: number): Screen => {
    const entry = entries[index];
    if (!entry) return {};
    const result = loadArticle(entry.path);
    if (result.kind === 'refused')
      return {message: `Cannot open ${entry.fileName}: ${result.reason}`};
    const {anchor, message} = progress.resume(result.article, entry.path);
    return {reading: {index, article: result.article, anchor, message}};
  };
  const [selected, setSelected] = useState(openIndex ?? 0);
  const [screen, setScreen] = useState<Screen>(() =>
    openIndex === undefined ? {} : open(openIndex),
  );
  const quit = () => exit();

  const {reading} = screen;
  if (reading) {
    const entry = entries[reading.index]!;
    /** J and K: the neighbouring article, or a message in its place when it cannot be read. */
    const neighbour = (step: 1 | -1) => {
      const next = reading.index + step;
      if (next < 0 || next >= entries.length) return undefined;
      return () => {
        const opened = open(next);
        if (!opened.reading) return opened.message;
        setSelected(next);
        setScreen(opened);
        return undefined;
      };
    };
    return (
      <ReaderView
        // A new article is a new reader.
        key={reading.index}
        article={reading.article}
        columns={columns}
        rows={rows}
        cap={cap}
        theme={theme}
        anchor={reading.anchor}
        message={reading.message}
        notice={progress.notice()}
        onPlace={(anchor, finished) => progress.save(reading.article, entry.path, anchor, finished)}
        onNextArticle={neighbour(1)}
        onPreviousArticle={neighbour(-1)}
        onBack={() => (openIndex === undefined ? setScreen({}) : quit())}
        onQuit={quit}
      />
    );
  }
  return (
    <LibraryView
      library={library}
      columns={columns}
      rows={rows}
      selected={selected}
      message={screen.message}
      statusOf={progress.statusOf}
      onOpen={(index) => {
        setSelected(index);
        setScreen(open(index));
      }}
      onHighlight={setSelected}
      onQuit={quit}
    />
  );
}
