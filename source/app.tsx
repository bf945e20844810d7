import React, {useState} from 'react';
import {useApp} from 'ink';
import type {Article, LoadResult} from './article/article.js';
import type {Library} from './library/library.js';
import {LibraryView} from './library/LibraryView.js';
import {ReaderView} from './reader/ReaderView.js';
import {useTerminalSize} from './terminal/use-terminal-size.js';
import type {Theme} from './reader/theme.js';

type View = {kind: 'library'} | {kind: 'reader'; article: Article};

type Props = {
  library: Library;
  /** Reads an article from disk; the app itself never touches the file system. */
  loadArticle: (path: string) => LoadResult;
  /** Open this entry straight away (when the user named a file, not a folder). */
  openIndex?: number;
  /** The widest measure of text (--width). */
  cap?: number;
  theme?: Theme;
};

/** The root: the library, or the article being read, in a terminal whose size it follows. */
export function App({library, loadArticle, openIndex, cap, theme}: Props) {
  const {exit} = useApp();
  const {columns, rows} = useTerminalSize();
  const open = (index: number): {view: View; message?: string} => {
    const entry = library.kind === 'folder' ? library.entries[index] : undefined;
    if (!entry) return {view: {kind: 'library'}};
    const result = loadArticle(entry.path);
    if (result.kind === 'refused') {
      return {view: {kind: 'library'}, message: `Cannot open ${entry.fileName}: ${result.reason}`};
    }
    return {view: {kind: 'reader', article: result.article}};
  };
  const [selected, setSelected] = useState(openIndex ?? 0);
  const [{view, message}, setScreen] = useState(() =>
    openIndex === undefined ? {view: {kind: 'library'} as View} : open(openIndex),
  );
  const setView = (next: View) => setScreen({view: next});
  const quit = () => exit();

  if (view.kind === 'reader') {
    return (
      <ReaderView
        article={view.article}
        columns={columns}
        rows={rows}
        cap={cap}
        theme={theme}
        onBack={() => (openIndex === undefined ? setView({kind: 'library'}) : quit())}
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
      message={message}
      onOpen={(index) => {
        setSelected(index);
        setScreen(open(index));
      }}
      onHighlight={setSelected}
      onQuit={quit}
    />
  );
}
