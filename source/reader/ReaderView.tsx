import {markupBetween} from '../article/article.js';
import React, {useRef} from 'react';
import {Box, Text} from 'ink';
import type {DisplayLine} from '../text/layout.js';
import {lineRuns, SpanIndex, type Span, type Style} from '../text/runs.js';
import {cellWidth, truncateToWidth} from '../text/width.js';
import {hitAtOrAfter} from '../text/search.js';
import {marginSpeakers} from '../text/quotes.js';
import {quotationCount} from './quotation-navigation.js';
import {visibleLines} from './reader-state.js';
import {type ReaderState} from './reader-reducer.js';
import {tooSmall} from '../ui/screen-size.js';
import {HelpOverlay} from '../ui/HelpOverlay.js';
import {TooSmall} from '../ui/TooSmall.js';
import {statusText} from './status.js';
import {QuotesPanel} from './QuotesPanel.js';
import {ContentsPanel} from './ContentsPanel.js';
import {MarksPanel} from './MarksPanel.js';
import {LinksPanel} from './LinksPanel.js';
import {linksOf} from './links.js';
import {readerContents} from './contents-navigation.js';
import {quoteStyle, THEMES, type TextStyle, type Theme} from '../ui/theme.js';

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
  if (style.italic) result = {...result, italic: true};
  if (style.bold) result = {...result, bold: true};
  if (style.code) result = {...result, ...theme.meta};
  return result;
}

function Line({
  text,
  line,
  spans,
  theme,
  pad,
  speaker,
  resumed,
}: {
  text: string;
  line: DisplayLine;
  spans: SpanIndex;
  theme: Theme;
  pad: string;
  /** Who speaks in the paragraph this line opens, shown dim in the margin (S). */
  speaker?: string;
  /** The line a reopened article was left at: marked in the margin. */
  resumed?: boolean;
}) {
  if (line.kind === 'blank') return <Text> </Text>;
  const base = line.kind === 'meta' ? theme.meta : line.kind === 'heading' ? {bold: true} : {};
  return (
    <Text {...base}>
      {resumed ? (
        <Text {...theme.currentQuote}>{resumedMark(pad.length)}</Text>
      ) : speaker ? (
        <Text {...theme.meta}>{inMargin(speaker, pad.length)}</Text>
      ) : (
        pad
      )}
      {line.kind === 'quote' && <Text {...theme.meta}>{'│ '}</Text>}
      {lineRuns(text, line, spans).map((run, index) => (
        <Text key={index} {...styleOf(run.style, theme)}>
          {run.text}
        </Text>
      ))}
    </Text>
  );
}

/** The mark of the line a reopened article was left at, at the right of a margin `width` wide. */
function resumedMark(width: number): string {
  if (width < 1) return '';
  return width === 1 ? '▸' : `${' '.repeat(width - 2)}▸ `;
}

/** The line on screen the place `offset` is on (the first with text at or after it). */
function lineAt(lines: DisplayLine[], offset: number | undefined): number {
  if (offset === undefined) return -1;
  return lines.findIndex((line) => line.kind !== 'blank' && line.end > offset);
}

/** A name right-aligned in a margin of `width` cells, a space after it (cut short if need be). */
function inMargin(name: string, width: number): string {
  if (width < 2) return ' '.repeat(width);
  const shown = truncateToWidth(name, width - 1);
  return ' '.repeat(Math.max(0, width - 1 - cellWidth(shown))) + shown + ' ';
}

/** The speakers to show in the margin of the lines on screen that open a paragraph (S). */
function speakersBeside(state: ReaderState, lines: DisplayLine[]): Map<number, string> {
  if (!state.speakersShown || state.geometry.margin < 2) return new Map();
  const {text} = state.article;
  const starts = lines
    .filter((line) => line.kind === 'paragraph' || line.kind === 'quote')
    .map((line) => line.start)
    .filter((start) => start === 0 || text[start - 1] === '\n');
  return marginSpeakers(state.article, starts);
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
  for (const mark of markupBetween(state.article.markup, from, to)) {
    spans.push({start: mark.start, end: mark.end, style: {[mark.kind]: true}});
  }
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

  if (tooSmall(columns, rows)) return <TooSmall columns={columns} />;

  const {margin, height} = state.geometry;
  const pad = ' '.repeat(margin);
  const width = columns - margin - 1;
  const filler = Math.max(0, height - lines.length);
  let body: React.ReactNode;
  if (state.help) {
    body = <HelpOverlay contexts={['reader']} height={height} width={columns - 2} />;
  } else if (state.panel) {
    const Panel =
      state.panel.kind === 'contents'
        ? ContentsPanel
        : state.panel.kind === 'marks'
          ? MarksPanel
          : state.panel.kind === 'links'
            ? LinksPanel
            : QuotesPanel;
    body = (
      <Panel
        state={state}
        selected={state.panel.selected}
        height={height}
        width={width}
        pad={pad}
        theme={theme}
      />
    );
  } else {
    const speakers = speakersBeside(state, lines);
    const resumedLine = lineAt(lines, state.resumedAt);
    body = (
      <>
        {lines.map((line, index) => (
          <Line
            key={index}
            text={article.text}
            line={line}
            spans={spans}
            theme={theme}
            pad={pad}
            speaker={speakers.get(line.start)}
            resumed={index === resumedLine}
          />
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
  if (state.panel?.kind === 'contents') {
    const {length} = readerContents(state);
    return truncateToWidth(
      `contents · ${state.panel.selected + 1}/${length} · Enter go · Esc close`,
      width,
    );
  }
  if (state.panel?.kind === 'links') {
    return truncateToWidth(
      `links · ${state.panel.selected + 1}/${linksOf(state.article).length} · Enter read here · O browser · Esc close`,
      width,
    );
  }
  if (state.panel?.kind === 'marks') {
    return truncateToWidth(
      `marks · ${state.panel.selected + 1}/${Object.keys(state.marks ?? {}).length} · Enter go · Esc close`,
      width,
    );
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
  return statusText(state, count + standing, width);
}
