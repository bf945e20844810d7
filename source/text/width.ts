import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Width of a string in terminal cells: CJK and emoji take two, combining marks none. */
export function cellWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
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
