import fuzzysort from 'fuzzysort';
import type {LibraryEntry} from './library.js';
import type {ReadStatus} from '../state/progress.js';

/** The orders the list can be in; `s` goes through them in this order. */
export const SORTS = ['recent', 'title', 'length', 'progress'] as const;
export type SortKey = (typeof SORTS)[number];

/** How the list names each order. */
export const SORT_LABELS: Record<SortKey, string> = {
  recent: 'recently read',
  title: 'title',
  length: 'length',
  progress: 'progress',
};

/** Where the reader stands with an article: how far read, and when last. */
export type Standing = {status: ReadStatus; readAt?: number};

/** One row of the list: an entry (by its index in the library) and the title letters matched. */
export type ListRow = {entry: number; matched?: readonly number[]};

type Target = {
  entry: number;
  title: Fuzzysort.Prepared;
  byline: Fuzzysort.Prepared | undefined;
  folder: Fuzzysort.Prepared | undefined;
};
const prepared = new WeakMap<LibraryEntry[], Target[]>();

function targetsOf(entries: LibraryEntry[]): Target[] {
  let targets = prepared.get(entries);
  if (!targets) {
    targets = entries.map((entry, index) => ({
      entry: index,
      title: fuzzysort.prepare(entry.title),
      byline: entry.byline ? fuzzysort.prepare(entry.byline) : undefined,
      folder: entry.folder ? fuzzysort.prepare(entry.folder) : undefined,
    }));
    prepared.set(entries, targets);
  }
  return targets;
}

/** Words an article has, or an estimate from its size (about six bytes a word) until counted. */
export function wordsOf(entry: LibraryEntry): number {
  return entry.words ?? Math.round((entry.size ?? 0) / 6);
}

/** Reading order for `progress`: being read (furthest first), then unread, then finished. */
function progressRank(status: ReadStatus): number {
  if (status.kind === 'reading') return 100 - status.percent;
  return status.kind === 'unread' ? 101 : 102;
}

const collator = new Intl.Collator(undefined, {sensitivity: 'base', numeric: true});

/** Compares two entries in a sort order; ties fall back to folder and title, then path. */
export function comparator(
  entries: LibraryEntry[],
  sort: SortKey,
  standing: (file: string) => Standing,
): (a: number, b: number) => number {
  const byTitle = (a: LibraryEntry, b: LibraryEntry) =>
    collator.compare(a.folder ?? '', b.folder ?? '') ||
    collator.compare(a.title, b.title) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return (left, right) => {
    const a = entries[left]!;
    const b = entries[right]!;
    switch (sort) {
      case 'recent': {
        const order = (standing(b.path).readAt ?? -1) - (standing(a.path).readAt ?? -1);
        if (order !== 0) return order;
        break;
      }
      case 'length': {
        const order = wordsOf(a) - wordsOf(b);
        if (order !== 0) return order;
        break;
      }
      case 'progress': {
        const order = progressRank(standing(a.path).status) - progressRank(standing(b.path).status);
        if (order !== 0) return order;
        break;
      }
      case 'title':
        break;
    }
    return byTitle(a, b);
  };
}

/**
 * The rows the list shows, in order: every entry, or those the filter matches (fuzzily, in
 * titles, bylines and folders), sorted by `sort`. Matched title letters come with each row.
 */
export function listRows(
  entries: LibraryEntry[],
  {
    filter = '',
    sort,
    standing,
  }: {filter?: string; sort: SortKey; standing: (file: string) => Standing},
): ListRow[] {
  let rows: ListRow[];
  const query = filter.trim();
  if (query === '') rows = entries.map((_, entry) => ({entry}));
  else {
    const results = fuzzysort.go(query, targetsOf(entries), {
      keys: ['title', 'byline', 'folder'],
      threshold: 0.2,
    });
    rows = results.map((result) => {
      const title = result[0];
      return {
        entry: result.obj.entry,
        matched: title && title.score > 0 ? title.indexes : undefined,
      };
    });
  }
  const compare = comparator(entries, sort, standing);
  return rows.sort((a, b) => compare(a.entry, b.entry));
}
