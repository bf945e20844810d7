import {Chalk, type ChalkInstance} from 'chalk';
import type {Article} from '../article/article.js';
import {layout, lineText, plainText} from '../text/layout.js';
import {findQuotations} from '../text/quotes.js';
import {lineRuns, SpanIndex, type Style} from '../text/runs.js';
import {describeEntry} from '../library/scan.js';
import type {Theme, TextStyle} from '../ui/theme.js';
import {fail} from './fail.js';
import type {Target} from './target.js';

/**
 * Whether printed text may carry colour: when FORCE_COLOR asks for it, or on a terminal that
 * NO_COLOR (or --no-color) does not rule out. Never a cursor or erase sequence either way.
 */
export function colourAllowed(
  noColor: boolean,
  env = process.env,
  isTTY = process.stdout.isTTY,
): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(isTTY) && !noColor && (env['NO_COLOR'] ?? '') === '' && env['TERM'] !== 'dumb';
}

/** Print mode: the article, or the list of a folder, written once as plain text. */
export function printPlain(
  {library, opened}: Target,
  {width, theme, colour}: {width?: number; theme: Theme; colour: boolean},
): void {
  if (library.kind === 'missing') fail(`no articles: ${library.reason}: ${library.folder}`, 1);
  // The terminal's width when printing to one (less than 80 would wrap); else 80.
  const columns =
    width ?? (process.stdout.isTTY ? Math.max(20, (process.stdout.columns || 81) - 1) : 80);
  if (opened) {
    const article = opened.result.rest?.finish() ?? opened.result.article;
    const text = colour ? colouredText(article, columns, theme) : plainText(article, columns);
    process.stdout.write(text + '\n');
    return;
  }
  const entries = library.entries.map((entry) => (entry.pending ? describeEntry(entry) : entry));
  entries.sort(
    (a, b) => (a.folder ?? '').localeCompare(b.folder ?? '') || a.title.localeCompare(b.title),
  );
  for (const item of entries) process.stdout.write(`${item.title}\t${item.fileName}\n`);
}

/** The article as plainText sets it, with its quotations in the theme's colours. */
export function colouredText(article: Article, width: number, theme: Theme): string {
  const chalk = new Chalk({level: 1});
  const spans = new SpanIndex([
    ...findQuotations(article).map((quotation) => ({
      start: quotation.start,
      end: quotation.end,
      style: {quote: quotation.level},
    })),
    // (What the markup hides is not printed: the underscores of a text's _italics_.)
    ...(article.markup ?? [])
      .filter((span) => span.kind === 'hidden')
      .map((span) => ({start: span.start, end: span.end, style: {hidden: true}})),
  ]);
  const plain = plainText(article, width).split('\n');
  const body = layout(article, width);
  // The heading (title, byline) as plainText wrote it, then the body's lines with colour.
  const heading = plain.slice(0, plain.length - body.length);
  const lines = body.map((line) => {
    const bar = line.kind === 'quote' ? '│ ' : '';
    if (lineText(article.text, line) === '') return bar;
    return (
      bar +
      lineRuns(article.text, line, spans)
        .map((run) => styled(chalk, run.text, run.style, theme))
        .join('')
    );
  });
  return [...heading, ...lines].join('\n');
}

function styled(chalk: ChalkInstance, text: string, style: Style, theme: Theme): string {
  if (!style.quote) return text;
  const look: TextStyle = theme.quote[(style.quote - 1) % 2]!;
  let paint = chalk;
  if (look.color) paint = paint[look.color as 'yellow'] ?? paint;
  if (look.bold) paint = paint.bold;
  if (look.italic) paint = paint.italic;
  if (look.underline) paint = paint.underline;
  return paint(text);
}
