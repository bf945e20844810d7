import {breakOpportunities} from './breaks.js';
import {cellWidth, splitGraphemes} from './width.js';

/** A wrapped line: the source range [start, end) of the text it shows. */
export type LineRange = {start: number; end: number};

/**
 * Greedy word wrap of text.slice(start, end) to `width` cells, returning source ranges that
 * cover the input with no gaps (trailing spaces belong to the line they end but are not
 * shown or counted). Line breaks inside the range count as spaces, so hard-wrapped prose
 * reflows. Break opportunities follow the Unicode line breaking algorithm; a word wider
 * than the line is split between grapheme clusters.
 */
export function wrap(
  text: string,
  start: number,
  end: number,
  width: number,
  {keepIndent = false} = {},
): LineRange[] {
  const lines: LineRange[] = [];
  if (!keepIndent) {
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  const segment = text.slice(start, end).replace(/\n/g, ' ');
  if (segment.trim() === '') return lines;
  const target = Math.max(1, width);

  let lineStart = 0;
  let lineWidth = 0; // cells used, including trailing spaces of earlier pieces
  let pieceStart = 0;
  const emit = (from: number, to: number) => lines.push({start: start + from, end: start + to});

  for (const pieceEnd of breakOpportunities(segment)) {
    const piece = segment.slice(pieceStart, pieceEnd);
    const word = piece.trimEnd();
    const wordWidth = cellWidth(word);
    // The spaces after a word, in cells: an ideographic space (U+3000) takes two.
    const spaces = piece.length - word.length;
    const spaceWidth =
      spaces === 0 || (spaces === 1 && piece.charCodeAt(piece.length - 1) === 0x20)
        ? spaces
        : cellWidth(piece.slice(word.length));

    if (lineWidth + wordWidth <= target) {
      lineWidth += wordWidth + spaceWidth;
    } else {
      if (pieceStart > lineStart) {
        emit(lineStart, pieceStart);
        lineStart = pieceStart;
        lineWidth = 0;
      }
      if (wordWidth <= target) {
        lineWidth = wordWidth + spaceWidth;
      } else {
        // Too wide for any line: cut between grapheme clusters. A space inside the piece
        // (the rules keep « 「 together) never starts a line: it trails the line before. An
        // indent wider than the line (kept in preformatted text) is such a line of its own.
        let used = 0;
        let trailing = 0;
        for (const {index, segment: grapheme} of splitGraphemes(word)) {
          const cells = cellWidth(grapheme);
          if (grapheme === ' ' || grapheme === '\u00a0' || grapheme === '\u3000') {
            trailing += cells;
            continue;
          }
          if (used + trailing + cells > target && (used > 0 || trailing > 0)) {
            emit(lineStart, pieceStart + index);
            lineStart = pieceStart + index;
            used = 0;
            trailing = 0;
          }
          used += trailing + cells;
          trailing = 0;
        }
        // (No space trails the last grapheme: the word is trimmed.)
        lineWidth = used + spaceWidth;
      }
    }
    pieceStart = pieceEnd;
  }
  // Every line emitted so far ended before a piece or a grapheme: one is always left.
  emit(lineStart, segment.length);
  return lines;
}
