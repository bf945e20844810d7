import type {DisplayLine} from './layout.js';

/** Pages of a laid-out article: page i shows lines[firstLine[i]] up to the next page's first. */
export type Pages = {
  lines: DisplayLine[];
  height: number;
  firstLine: number[];
  /** Source offset where each page begins, ascending: the key for finding an offset's page. */
  startOffset: number[];
};

/** Cuts lines into pages of `height` lines; a page never starts with a blank line. */
export function paginate(lines: DisplayLine[], height: number): Pages {
  const pageHeight = Math.max(1, height);
  const firstLine: number[] = [];
  const startOffset: number[] = [];
  let index = 0;
  while (index < lines.length) {
    while (index < lines.length && lines[index]!.kind === 'blank') index++;
    if (index >= lines.length) break;
    firstLine.push(index);
    startOffset.push(lines[index]!.start);
    index += pageHeight;
  }
  if (firstLine.length === 0) {
    firstLine.push(0);
    startOffset.push(0);
  }
  return {lines, height: pageHeight, firstLine, startOffset};
}

/** The lines shown on page `page`. */
export function pageLines(pages: Pages, page: number): DisplayLine[] {
  const first = pages.firstLine[page] ?? 0;
  const next = pages.firstLine[page + 1] ?? Math.min(pages.lines.length, first + pages.height);
  return pages.lines.slice(first, Math.min(next, first + pages.height));
}

/** The page that contains source offset `offset`, by binary search. */
export function pageOfOffset(pages: Pages, offset: number): number {
  let low = 0;
  let high = pages.startOffset.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pages.startOffset[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
