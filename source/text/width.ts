import stringWidth from 'string-width';

// Characters that always take exactly one cell, one UTF-16 unit each: printable ASCII, Latin,
// Greek and Cyrillic letters, and general punctuation (curly quotes, dashes, …). Combining
// marks, soft hyphens and zero-width or bidi format characters are left out on purpose.
export const SINGLE_CELL_RUN =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2400-\u2426\u2500-\u259f\u276f]*$/;

/** Width of a string in terminal cells: CJK and emoji take two, combining marks none. */
export function cellWidth(text: string): number {
  // The fast path covers most prose; string-width (grapheme-aware) handles the rest.
  return SINGLE_CELL_RUN.test(text) ? text.length : stringWidth(text);
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** The grapheme clusters of a string with their offsets, never splitting one. */
export function splitGraphemes(text: string): Array<{index: number; segment: string}> {
  return [...graphemes.segment(text)];
}

/** Cuts text to at most `width` cells, ending with … when cut; never splits a grapheme. */
export function truncateToWidth(text: string, width: number): string {
  if (cellWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const {segment} of splitGraphemes(text)) {
    const cells = cellWidth(segment);
    if (used + cells > width - 1) break;
    out += segment;
    used += cells;
  }
  return out + '…';
}
