import React, {useEffect, useMemo, useReducer} from 'react';
import {Box, Text, useInput} from 'ink';
import type {Article} from '../article/article.js';
import {intentFor} from '../keymap.js';
import type {DisplayLine} from '../text/layout.js';
import {lineRuns, SpanIndex, type Span, type Style} from '../text/runs.js';
import {truncateToWidth} from '../text/width.js';
import {openReader, readerReducer, topQuotations, type ReaderState} from './reader-reducer.js';
import {MIN_COLUMNS, MIN_ROWS, tooSmall} from './geometry.js';
import {statusText} from './status.js';
import {QuotesPanel} from './QuotesPanel.js';
import {quoteStyle, THEMES, type TextStyle, type Theme} from './theme.js';

type Props = {
  article: Article;
  columns: number;
  rows: number;
  /** The widest measure, from --width. */
  cap?: number;
  theme?: Theme;
  onBack: () => void;
  onQuit: () => void;
};

/** Blocks laid out per background step while the page count is finished (a few ms each). */
const BACKGROUND_BLOCKS = 200;

function styleOf(style: Style, theme: Theme): TextStyle {
  let result: TextStyle = {};
  if (style.quote) result = {...result, ...quoteStyle(theme, style.quote)};
  if (style.emphasis) result = {...result, ...theme.currentQuote};
  return result;
}

function Line({
  text,
  line,
  spans,
  theme,
  pad,
}: {
  text: string;
  line: DisplayLine;
  spans: SpanIndex;
  theme: Theme;
  pad: string;
}) {
  if (line.kind === 'blank') return <Text> </Text>;
  const base = line.kind === 'meta' ? theme.meta : {};
  return (
    <Text {...base}>
      {pad}
      {lineRuns(text, line, spans).map((run, index) => (
        <Text key={index} {...styleOf(run.style, theme)}>
          {run.text}
        </Text>
      ))}
    </Text>
  );
}

/** Quotation spans for highlighting, with the one jumped to marked. */
function useSpans(state: ReaderState): SpanIndex {
  const {quotes, currentQuote} = state;
  // The scanner only grows; its count says when there is more to highlight.
  const found = quotes.found.length;
  return useMemo(() => {
    const spans: Span[] = quotes.found.slice(0, found).map((q) => ({
      start: q.start,
      end: q.end,
      style: {quote: q.level},
    }));
    if (currentQuote) {
      spans.push({start: currentQuote.start, end: currentQuote.end, style: {emphasis: true}});
    }
    return new SpanIndex(spans);
  }, [quotes, found, currentQuote]);
}

/** The full-screen reading view: header, one page of text, status line. */
export function ReaderView({
  article,
  columns,
  rows,
  cap,
  theme = THEMES.dark,
  onBack,
  onQuit,
}: Props) {
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

  const panelRows = Math.max(1, state.geometry.height);
  useInput((input, key) => {
    if (state.panel) {
      switch (intentFor('quotes', input, key)) {
        case 'panelUp':
          return dispatch({type: 'panelMove', by: -1});
        case 'panelDown':
          return dispatch({type: 'panelMove', by: 1});
        case 'panelPageUp':
          return dispatch({type: 'panelMove', by: -panelRows});
        case 'panelPageDown':
          return dispatch({type: 'panelMove', by: panelRows});
        case 'panelChoose':
          return dispatch({type: 'panelChoose'});
        case 'closeQuotes':
          return dispatch({type: 'closeQuotes'});
        case 'quit':
          return onQuit();
        default:
          return;
      }
    }
    const intent = intentFor('reader', input, key);
    switch (intent) {
      case 'nextPage':
      case 'previousPage':
      case 'narrower':
      case 'wider':
      case 'fullMeasure':
      case 'nextQuote':
      case 'previousQuote':
      case 'openQuotes':
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

  const spans = useSpans(state);

  if (tooSmall(columns, rows)) {
    return (
      <Text>
        {truncateToWidth(`Make the terminal at least ${MIN_COLUMNS}×${MIN_ROWS}`, columns - 1)}
      </Text>
    );
  }

  const {margin, height} = state.geometry;
  const pad = ' '.repeat(margin);
  const width = columns - margin - 1;
  const lines = pages.linesOf(state.page);
  const filler = Math.max(0, height - lines.length);
  return (
    <Box flexDirection="column">
      <Text {...theme.title}>{pad + truncateToWidth(article.title, width)}</Text>
      <Text> </Text>
      {state.panel ? (
        <QuotesPanel
          state={state}
          selected={state.panel.selected}
          height={height}
          width={width}
          pad={pad}
          theme={theme}
        />
      ) : (
        <>
          {lines.map((line, index) => (
            <Line
              key={index}
              text={article.text}
              line={line}
              spans={spans}
              theme={theme}
              pad={pad}
            />
          ))}
          {filler > 0 && <Box height={filler} />}
        </>
      )}
      <Text {...theme.status}>
        {pad + truncateToWidth(state.panel ? panelStatus(state) : statusText(state), width)}
      </Text>
    </Box>
  );
}

function panelStatus(state: ReaderState): string {
  return `quotations · ${state.panel!.selected + 1}/${topQuotations(state).length} · Enter go · Esc close`;
}
