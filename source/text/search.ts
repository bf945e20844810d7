/** A match of a search: the range [start, end) of the article's text. */
export type Hit = {start: number; end: number};

/** Matches found past this many are not collected: the status says so instead. */
export const MAX_HITS = 100_000;

/** Whether a query searches case-sensitively: only when it has a capital letter (smart case). */
function caseSensitive(query: string): boolean {
  return /\p{Lu}/u.test(query);
}

/**
 * Every match of `query` in `text`, in order. Case-insensitive unless the query has a capital
 * letter; whitespace in the query matches any run of whitespace, so a phrase is found across
 * line breaks and wrapped lines.
 */
export function findHits(text: string, query: string): Hit[] {
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const flags = caseSensitive(query) ? 'gu' : 'giu';
  const regex = new RegExp(pattern, flags);
  const hits: Hit[] = [];
  for (let match = regex.exec(text); match && hits.length < MAX_HITS; match = regex.exec(text)) {
    hits.push({start: match.index, end: match.index + match[0].length});
  }
  return hits;
}

/** How many of `items` (in order of where they start) start before `offset`. */
function startingBefore(items: ReadonlyArray<{start: number}>, offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many of `items` (in order of where they start) start at or before `offset`. */
export function startingUpTo(items: ReadonlyArray<{start: number}>, offset: number): number {
  // (Offsets are whole numbers.)
  return startingBefore(items, offset + 1);
}

/** The first hit (or any range ordered by start) at or after `offset`, or undefined. */
export function hitAtOrAfter(
  hits: ReadonlyArray<{start: number}>,
  offset: number,
): number | undefined {
  const index = startingBefore(hits, offset);
  return index < hits.length ? index : undefined;
}
