import React, {useEffect, useReducer} from 'react';
import {Box, Text, useInput} from 'ink';
import type {Article} from '../article/article.js';
import {intentFor} from '../keymap.js';
import {lineText} from '../text/layout.js';
import {truncateToWidth} from '../text/width.js';
import {openReader, readerReducer} from './reader-reducer.js';
import {MIN_COLUMNS, MIN_ROWS, tooSmall} from './geometry.js';
import {statusText} from './status.js';

type Props = {
  article: Article;
  columns: number;
  rows: number;
  /** The widest measure, from --width. */
  cap?: number;
  onBack: () => void;
  onQuit: () => void;
};

/** Blocks laid out per background step while the page count is finished (a few ms each). */
const BACKGROUND_BLOCKS = 200;

/** The full-screen reading view: header, one page of text, status line. */
export function ReaderView({article, columns, rows, cap, onBack, onQuit}: Props) {
  const [state, dispatch] = useReducer(readerReducer, undefined, () =>
    openReader(article, columns, rows, {cap}),
  );
  // Re-lay out in the same render as the resize, so no frame is drawn at the old width.
  if (state.columns !== columns || state.rows !== rows) {
    dispatch({type: 'resize', columns, rows});
  }

  // The first page is shown at once; the rest of the book is laid out between keypresses.
  const {pages} = state;
  useEffect(() => {
    if (pages.complete) return;
    let timer = setImmediate(function step() {
      pages.advance(BACKGROUND_BLOCKS);
      if (pages.complete) dispatch({type: 'layoutComplete'});
      else timer = setImmediate(step);
    });
    return () => clearImmediate(timer);
  }, [pages]);

  useInput((input, key) => {
    const intent = intentFor('reader', input, key);
    switch (intent) {
      case 'nextPage':
      case 'previousPage':
      case 'narrower':
      case 'wider':
      case 'fullMeasure':
        dispatch({type: intent});
        break;
      case 'back':
        onBack();
        break;
      case 'quit':
        onQuit();
        break;
    }
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
  const lines = pages.linesOf(state.page);
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
