import {lineText, type DisplayLine} from './layout.js';

/** How a stretch of text is set. Quotation levels start at 1; hits come from search. */
export type Style = {quote?: number; hit?: 'current' | 'other'; emphasis?: boolean};

/** A styled range of the article's text: a quotation, a search hit, emphasis. */
export type Span = {start: number; end: number; style: Style};

/** A piece of one display line and its style. */
export type Run = {text: string; style: Style};

/**
 * Spans ordered by start, with a running maximum of their ends so that the spans touching a
 * line are found without scanning the article (spans may nest, so ends are not ordered).
 */
export class SpanIndex {
  private readonly spans: Span[];
  private readonly maxEnd: number[];

  constructor(spans: Span[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    this.maxEnd = [];
    let running = -Infinity;
    for (const span of this.spans) this.maxEnd.push((running = Math.max(running, span.end)));
  }

  /** Spans that overlap [start, end), in order of start. */
  overlapping(start: number, end: number): Span[] {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.spans[middle]!.start < end) low = middle + 1;
      else high = middle;
    }
    const found: Span[] = [];
    for (let i = low - 1; i >= 0 && this.maxEnd[i]! > start; i--) {
      if (this.spans[i]!.end > start) found.push(this.spans[i]!);
    }
    return found.reverse();
  }
}

function merge(spans: Span[]): Style {
  const style: Style = {};
  for (const {style: next} of spans) {
    if (next.quote !== undefined) style.quote = Math.max(style.quote ?? 0, next.quote);
    if (next.hit === 'current' || (next.hit && !style.hit)) style.hit = next.hit;
    if (next.emphasis) style.emphasis = true;
  }
  return style;
}

/** Cuts a display line into runs of one style each, following the spans that touch it. */
export function lineRuns(text: string, line: DisplayLine, spans: SpanIndex): Run[] {
  const shown = lineText(text, line);
  const end = line.shown;
  const touching = spans.overlapping(line.start, end);
  if (touching.length === 0) return shown ? [{text: shown, style: {}}] : [];
  const cuts = new Set([line.start, end]);
  for (const span of touching) {
    if (span.start > line.start && span.start < end) cuts.add(span.start);
    if (span.end > line.start && span.end < end) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const style = merge(touching.filter((span) => span.start < to && span.end > from));
    runs.push({text: shown.slice(from - line.start, to - line.start), style});
  }
  return runs;
}
