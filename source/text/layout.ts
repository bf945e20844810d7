import type {Article, Block} from '../article/article.js';
import {wrap} from './wrap.js';

/** How a display line is set: its block's kind, or a blank line between blocks. */
export type LineKind = Block['kind'] | 'blank';

/** One line on screen: the source range it shows and how to style it. */
export type DisplayLine = {start: number; end: number; kind: LineKind};

/** The text of a display line as shown: line breaks read as spaces, trailing spaces dropped. */
export function lineText(text: string, line: DisplayLine): string {
  return text.slice(line.start, line.end).replace(/\n/g, ' ').trimEnd();
}

function layoutBlock(text: string, block: Block, width: number): DisplayLine[] {
  if (block.kind !== 'preformatted') {
    return wrap(text, block.start, block.end, width).map((range) => ({...range, kind: block.kind}));
  }
  // Verse, lists and tables keep their lines; a line too long for the measure still wraps.
  const lines: DisplayLine[] = [];
  let lineStart = block.start;
  while (lineStart <= block.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > block.end) lineEnd = block.end;
    for (const range of wrap(text, lineStart, lineEnd, width, {keepIndent: true})) {
      lines.push({...range, kind: 'preformatted'});
    }
    lineStart = lineEnd + 1;
  }
  return lines;
}

/**
 * Sets the whole article at a measure of `width` cells: every block wrapped, one blank line
 * between blocks. The title is left out: the reading view's header shows it. Pure; the
 * result depends only on (article, width).
 */
export function layout(article: Article, width: number): DisplayLine[] {
  const lines: DisplayLine[] = [];
  for (const block of article.blocks) {
    if (block.kind === 'title') continue;
    if (lines.length > 0) lines.push({start: block.start, end: block.start, kind: 'blank'});
    for (const line of layoutBlock(article.text, block, width)) lines.push(line);
  }
  return lines;
}

/** The article set at `width` as plain text, for printing when stdout is not a terminal. */
export function plainText(article: Article, width: number): string {
  const body = layout(article, width).map((line) =>
    line.kind === 'blank' ? '' : lineText(article.text, line),
  );
  const {title} = article;
  const heading = wrap(title, 0, title.length, width).map((range) =>
    title.slice(range.start, range.end).trimEnd(),
  );
  return [...heading, '', ...body].join('\n');
}
