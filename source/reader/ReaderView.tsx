import React, {useReducer} from 'react';
import {Box, Text, useInput} from 'ink';
import type {Article} from '../article/article.js';
import {intentFor} from '../keymap.js';
import {lineText} from '../text/layout.js';
import {pageLines} from '../text/paginate.js';
import {truncateToWidth} from '../text/width.js';
import {openReader, readerReducer, type ReaderState} from './reader-reducer.js';
import {MIN_COLUMNS, MIN_ROWS, tooSmall} from './geometry.js';
import {progressAt} from './progress.js';

type Props = {
  article: Article;
  columns: number;
  rows: number;
  onBack: () => void;
  onQuit: () => void;
};

export function statusText(state: ReaderState): string {
  const total = state.pages.startOffset.length;
  const atEnd = state.page === total - 1;
  const {percent, minutesLeft} = progressAt(state.article, state.anchor, atEnd);
  return `page ${state.page + 1}/${total} · ${percent}% · ${minutesLeft} min left`;
}

/** The full-screen reading view: header, one page of text, status line. */
export function ReaderView({article, columns, rows, onBack, onQuit}: Props) {
  const [state, dispatch] = useReducer(readerReducer, undefined, () =>
    openReader(article, columns, rows),
  );
  // Re-lay out in the same render as the resize, so no frame is drawn at the old width.
  if (state.columns !== columns || state.rows !== rows) {
    dispatch({type: 'resize', columns, rows});
  }

  useInput((input, key) => {
    const intent = intentFor('reader', input, key);
    if (intent === 'nextPage') dispatch({type: 'nextPage'});
    else if (intent === 'previousPage') dispatch({type: 'previousPage'});
    else if (intent === 'back') onBack();
    else if (intent === 'quit') onQuit();
  });

  if (tooSmall(columns, rows)) {
    return (
      <Text>
        {truncateToWidth(`Make the terminal at least ${MIN_COLUMNS}×${MIN_ROWS}`, columns - 1)}
      </Text>
    );
  }

  const {margin, height} = state.geometry;
  const pad = ' '.repeat(margin);
  const lines = pageLines(state.pages, state.page);
  const filler = Math.max(0, height - lines.length);
  return (
    <Box flexDirection="column">
      <Text bold>{pad + truncateToWidth(article.title, columns - margin - 1)}</Text>
      <Text> </Text>
      {lines.map((line, index) => (
        <Text key={index} bold={line.kind === 'title'} dimColor={line.kind === 'meta'}>
          {line.kind === 'blank' ? ' ' : pad + lineText(article.text, line)}
        </Text>
      ))}
      {filler > 0 && <Box height={filler} />}
      <Text dimColor>{pad + truncateToWidth(statusText(state), columns - margin - 1)}</Text>
    </Box>
  );
}
