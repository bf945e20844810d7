import {lineText, type DisplayLine} from './layout.js';

/** How a stretch of text is set. Quotation levels start at 1; hits come from search. */
export type Style = {
  quote?: number;
  hit?: 'current' | 'other';
  emphasis?: boolean;
  /** Markdown's emphasis, strong and code. */
  italic?: boolean;
  bold?: boolean;
  code?: boolean;
  /** Not shown (the underscores of a plain text's `_italics_`). */
  hidden?: boolean;
};

/** A styled range of the article's text: a quotation, a search hit, emphasis. */
export type Span = {start: number; end: number; style: Style};

/** A piece of one display line and its style. */
export type Run = {text: string; style: Style};

/**
 * Spans ordered by start, with a running maximum of their ends so that the spans touching a
 * line are found without scanning the article (spans may nest, so ends are not ordered).
 */
export class SpanIndex {
  private readonly spans: Span[] = [];
  private readonly maxEnd: number[] = [];

  constructor(spans: Span[] = []) {
    this.spans = [...spans].sort(byStart);
    this.recompute(0);
  }

  get size(): number {
    return this.spans.length;
  }

  /**
   * Adds spans in place. Quotations are found in reading order, so new ones land at or near
   * the end and this costs little, where rebuilding would sort every quotation again.
   */
  add(spans: Span[]): void {
    let from = this.spans.length;
    for (const span of spans) {
      let low = 0;
      let high = this.spans.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (byStart(this.spans[middle]!, span) <= 0) low = middle + 1;
        else high = middle;
      }
      this.spans.splice(low, 0, span);
      this.maxEnd.splice(low, 0, 0);
      from = Math.min(from, low);
    }
    this.recompute(from);
  }

  private recompute(from: number): void {
    let running = from > 0 ? this.maxEnd[from - 1]! : -Infinity;
    for (let i = from; i < this.spans.length; i++) {
      this.maxEnd[i] = running = Math.max(running, this.spans[i]!.end);
    }
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

function byStart(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

function merge(spans: Span[]): Style {
  const style: Style = {};
  for (const {style: next} of spans) {
    if (next.quote !== undefined) style.quote = Math.max(style.quote ?? 0, next.quote);
    if (next.hit === 'current' || (next.hit && !style.hit)) style.hit = next.hit;
    if (next.emphasis) style.emphasis = true;
    if (next.italic) style.italic = true;
    if (next.bold) style.bold = true;
    if (next.code) style.code = true;
    if (next.hidden) style.hidden = true;
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
  // Every span touching the line starts before its end and ends after its start.
  for (const span of touching) {
    if (span.start > line.start) cuts.add(span.start);
    if (span.end < end) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const style = merge(touching.filter((span) => span.start < to && span.end > from));
    // (A hidden run is no text on screen: an underscore of a plain text's _italics_.)
    if (!style.hidden) runs.push({text: shown.slice(from - line.start, to - line.start), style});
  }
  return runs;
}
