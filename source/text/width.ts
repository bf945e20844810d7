import stringWidth from 'string-width';

// Characters that always take exactly one cell, one UTF-16 unit each: printable ASCII, Latin,
// Greek and Cyrillic letters, general punctuation (curly quotes, dashes, …), arrows, control
// pictures, box drawing. Combining marks, soft hyphens and zero-width or bidi format
// characters are left out on purpose.
const SINGLE =
  '\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u0370-\\u0377\\u037a-\\u037f\\u0384-\\u038a\\u038c\\u038e-\\u03a1\\u03a3-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u21ff\\u2400-\\u2426\\u2500-\\u259f\\u276f';
// Characters that always take two cells, one UTF-16 unit each: CJK punctuation (not its
// combining tone marks), kana, CJK ideographs, Hangul syllables, full-width forms.
const WIDE =
  '\\u3001-\\u3029\\u3030-\\u303e\\u3041-\\u3096\\u309b-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3\\uff01-\\uff60\\uffe0-\\uffe6';

const SINGLE_RUN = new RegExp(`^[${SINGLE}]*$`);
const SINGLE_OR_WIDE_RUN = new RegExp(`^[${SINGLE}${WIDE}]*$`);
const WIDE_CHAR = new RegExp(`[${WIDE}]`, 'g');

/**
 * The width of text made only of characters whose width never depends on their neighbours,
 * counted directly; undefined for anything else (emoji, combining marks, ...), which needs
 * string-width's grapheme segmentation.
 */
export function simpleWidth(text: string): number | undefined {
  if (SINGLE_RUN.test(text)) return text.length;
  if (SINGLE_OR_WIDE_RUN.test(text)) return text.length + (text.match(WIDE_CHAR)?.length ?? 0);
  return undefined;
}

/** Width of a string in terminal cells: CJK and emoji take two, combining marks none. */
export function cellWidth(text: string): number {
  return simpleWidth(text) ?? stringWidth(text);
}

// Made on first use: a process's first segmenter loads its Unicode data (~15 ms), which a
// thread that never splits text (the page reader's) should not pay for.
let graphemes: Intl.Segmenter | undefined;
/** Code units segmented at a time: Node 20's segmenter takes quadratic time on long strings. */
const WINDOW = 256;

/**
 * The grapheme clusters of text[from, to) with their offsets into `text`, never splitting
 * one. Segments a short window at a time (33,000 characters in one go take seconds), holding
 * back each window's last cluster, which may go on past it.
 */
export function* graphemesIn(
  text: string,
  from = 0,
  to = text.length,
): Generator<{index: number; segment: string}> {
  let start = from;
  let size = WINDOW;
  while (start < to) {
    let end = Math.min(to, start + size);
    // Never cut a surrogate pair: a half character would end the cluster before it.
    const last = text.charCodeAt(end - 1);
    if (end < to && last >= 0xd800 && last <= 0xdbff) end++;
    graphemes ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
    const segments = [...graphemes.segment(text.slice(start, end))];
    if (end < to && segments.length === 1) {
      size *= 2; // one cluster longer than the window (a pile of combining marks)
      continue;
    }
    const keep = end === to ? segments.length : segments.length - 1;
    for (let i = 0; i < keep; i++) {
      yield {index: start + segments[i]!.index, segment: segments[i]!.segment};
    }
    start = end === to ? to : start + segments[keep]!.index;
    size = WINDOW;
  }
}

/** The grapheme clusters of a string with their offsets, never splitting one. */
export function splitGraphemes(text: string): Array<{index: number; segment: string}> {
  return [...graphemesIn(text)];
}

/** Cuts text to at most `width` cells, ending with … when cut; never splits a grapheme. */
export function truncateToWidth(text: string, width: number): string {
  if (cellWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const {segment} of graphemesIn(text)) {
    const cells = cellWidth(segment);
    if (used + cells > width - 1) break;
    out += segment;
    used += cells;
  }
  return out + '…';
}
