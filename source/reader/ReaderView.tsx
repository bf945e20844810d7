import React, {useRef} from 'react';
import {Box, Text} from 'ink';
import {helpRows} from '../keymap.js';
import type {DisplayLine} from '../text/layout.js';
import {lineRuns, SpanIndex, type Span, type Style} from '../text/runs.js';
import {cellWidth, truncateToWidth} from '../text/width.js';
import {hitAtOrAfter} from '../text/search.js';
import {quotationCount, visibleLines, type ReaderState} from './reader-reducer.js';
import {MIN_COLUMNS, MIN_ROWS, tooSmall} from './geometry.js';
import {statusText} from './status.js';
import {QuotesPanel} from './QuotesPanel.js';
import {quoteStyle, THEMES, type TextStyle, type Theme} from './theme.js';

type Props = {
  /** The reader's state: everything on screen is drawn from it; keys change it elsewhere. */
  state: ReaderState;
  theme?: Theme;
  /** A standing notice for the status line ("progress not saved"). */
  notice?: string;
};

function styleOf(style: Style, theme: Theme): TextStyle {
  let result: TextStyle = {};
  if (style.quote) result = {...result, ...quoteStyle(theme, style.quote)};
  if (style.emphasis) result = {...result, ...theme.currentQuote};
  if (style.hit) result = {...result, ...(style.hit === 'current' ? theme.currentHit : theme.hit)};
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

/** Quotations, search hits and the marked quotation touching the screen, for highlighting. */
function useSpans(state: ReaderState, from: number, to: number): SpanIndex {
  const {quotes, currentQuote, search} = state;
  // The scanner only grows; new quotations are added to the index, not the index rebuilt.
  const indexRef = useRef<{scanner: typeof quotes; index: SpanIndex} | undefined>(undefined);
  if (indexRef.current?.scanner !== quotes)
    indexRef.current = {scanner: quotes, index: new SpanIndex()};
  const quoteIndex = indexRef.current.index;
  if (quoteIndex.size < quotes.found.length) {
    quoteIndex.add(
      quotes.found
        .slice(quoteIndex.size)
        .map((q) => ({start: q.start, end: q.end, style: {quote: q.level}})),
    );
  }
  // A handful of spans touch the screen: gather them afresh each frame.
  const spans: Span[] = [...quoteIndex.overlapping(from, to)];
  if (currentQuote) {
    spans.push({start: currentQuote.start, end: currentQuote.end, style: {emphasis: true}});
  }
  if (search) {
    // Hits are ordered and never overlap: start from the first that could reach the screen.
    const first = Math.max(0, (hitAtOrAfter(search.hits, from) ?? search.hits.length) - 1);
    for (let index = first; index < search.hits.length && search.hits[index]!.start < to; index++) {
      const hit = search.hits[index]!;
      if (hit.end > from)
        spans.push({...hit, style: {hit: index === search.current ? 'current' : 'other'}});
    }
  }
  return new SpanIndex(spans);
}

/** The full-screen reading view: header, one page of text, status line. */
export function ReaderView({state, theme = THEMES.dark, notice}: Props) {
  const {article, columns, rows} = state;
  const lines = visibleLines(state);
  const from = lines[0]?.start ?? 0;
  const to = lines.at(-1)?.end ?? from;
  const spans = useSpans(state, from, to);

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
  const filler = Math.max(0, height - lines.length);
  let body: React.ReactNode;
  if (state.help) {
    body = <HelpOverlay height={height} width={columns - 2} />;
  } else if (state.panel) {
    body = (
      <QuotesPanel
        state={state}
        selected={state.panel.selected}
        height={height}
        width={width}
        pad={pad}
        theme={theme}
      />
    );
  } else {
    body = (
      <>
        {lines.map((line, index) => (
          <Line key={index} text={article.text} line={line} spans={spans} theme={theme} pad={pad} />
        ))}
        {filler > 0 && <Box height={filler} />}
      </>
    );
  }
  return (
    <Box flexDirection="column">
      <Text>
        {pad}
        <Text {...theme.title}>{truncateToWidth(article.title, width)}</Text>
        {article.meta && cellWidth(article.title) + 3 < width ? (
          <Text {...theme.meta}>
            {truncateToWidth(` · ${article.meta}`, width - cellWidth(article.title))}
          </Text>
        ) : null}
      </Text>
      <Text> </Text>
      {body}
      <Text {...(state.prompt === undefined ? theme.status : {})}>
        {pad + bottomLine(state, width, notice)}
      </Text>
    </Box>
  );
}

/** The status line, or the search prompt while one is typed. */
function bottomLine(state: ReaderState, width: number, notice?: string): string {
  if (state.prompt !== undefined) {
    // Keep the end of a long query in view, with the cursor after it.
    let shown = `/${state.prompt}█`;
    while (cellWidth(shown) > width && shown.length > 2)
      shown = '/…' + [...shown.slice(2)].slice(1).join('');
    return shown;
  }
  if (state.panel) {
    return truncateToWidth(
      `quotations · ${state.panel.selected + 1}/${quotationCount(state)} · Enter go · Esc close`,
      width,
    );
  }
  if (state.help) return truncateToWidth('keys · any key closes this help', width);
  const count = state.count ? ` · ${state.count}` : '';
  const standing = notice ? ` · ${notice}` : '';
  return truncateToWidth(statusText(state) + count + standing, width);
}

/**
 * The keys of the reading view, from the keymap table itself, over the terminal's whole
 * width: in two columns when one is too tall for the screen.
 */
function HelpOverlay({height, width}: {height: number; width: number}) {
  const rows = helpRows('reader');
  const columns = rows.length > height && width >= 40 ? 2 : 1;
  const perColumn = Math.ceil(rows.length / columns);
  const columnWidth = Math.floor((width - (columns - 1) * 2) / columns);
  const column = (part: typeof rows) => {
    const keysWidth = Math.min(
      Math.max(4, columnWidth - 14),
      Math.max(...part.map((row) => cellWidth(row.keys))) + 1,
    );
    return part.map((row) =>
      truncateToWidth(
        truncateToWidth(row.keys, keysWidth - 1).padEnd(keysWidth) + row.help,
        columnWidth,
      ),
    );
  };
  const left = column(rows.slice(0, perColumn));
  const right = columns === 2 ? column(rows.slice(perColumn)) : [];
  const lines = left
    .slice(0, height)
    .map((line, index) =>
      right[index]
        ? `${line.padEnd(columnWidth + 2 - (cellWidth(line) - line.length))}${right[index]}`
        : line,
    );
  if (perColumn > height)
    lines[height - 1] = truncateToWidth('… (a larger terminal shows every key)', width);
  return (
    <Box flexDirection="column" height={height}>
      {lines.map((line, index) => (
        <Text key={index}> {line}</Text>
      ))}
    </Box>
  );
}
