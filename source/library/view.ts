import fuzzysort from 'fuzzysort';
import type {LibraryEntry} from './library.js';
import type {ReadStatus} from '../state/saved-places.js';

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

/** One row of the list: an entry, by its index in the library. */
export type ListRow = {readonly entry: number};

// Rows are the same few objects keystroke after keystroke (a filter lists thousands).
const rowObjects: ListRow[] = [];
const rowOf = (entry: number): ListRow => (rowObjects[entry] ??= {entry});

type Target = {
  entry: number;
  title: Fuzzysort.Prepared;
  byline: Fuzzysort.Prepared | undefined;
  folder: Fuzzysort.Prepared | undefined;
};

// Prepared once per text (an entry described again keeps its title) and per list of entries.
const preparedTexts = new Map<string, Fuzzysort.Prepared>();

function prepare(text: string): Fuzzysort.Prepared {
  let prepared = preparedTexts.get(text);
  if (!prepared) {
    if (preparedTexts.size > 100_000) preparedTexts.clear();
    preparedTexts.set(text, (prepared = fuzzysort.prepare(text)));
  }
  return prepared;
}

/**
 * Makes the filter ready ahead of the first keystroke, a step at a time: `step` 0 prepares
 * each title for matching; later steps run the filter, unseen, on the queries of
 * WARM_QUERIES (run cold, the matcher took several times as long as warm, the first time
 * for one letter and again for two).
 */
export function prepareFilter(
  entries: LibraryEntry[],
  sort: SortKey,
  standing: (file: string) => Standing,
  step: number,
): void {
  const query = WARM_QUERIES[step - 1];
  if (query === undefined) targetsOf(entries);
  else listRows(entries, {filter: query, sort, standing});
}

/** Queries that warm the filter up: one letter, another, then two. */
export const WARM_QUERIES = ['e', 'a', 'ra'];

const targetsOf = keptPerList(true, (entries) =>
  entries.map((entry, index) => ({
    entry: index,
    title: prepare(entry.title),
    byline: entry.byline ? prepare(entry.byline) : undefined,
    folder: entry.folder ? prepare(entry.folder) : undefined,
  })),
);

/** What a filter matched: entries (by index, in the list's order) and their scores. */
type Matches = {entries: Int32Array; scores: Float64Array; length: number};

// A match in the title counts for more than one in a byline or folder name; weaker matches
// than this are left out.
const OTHER_WEIGHT = 0.8;
const THRESHOLD = 0.2;

/**
 * The entries one word matches, best of title, byline and folder name, among those matched
 * so far (their scores added up). Bylines and folder names repeat (a desk, a section), so
 * each distinct one is matched once, not once per entry. Typed arrays: ten thousand matches
 * a keystroke make no garbage to collect.
 */
function matchWord(query: string, targets: Target[], among?: Matches): Matches {
  const others = new Map<Fuzzysort.Prepared, number>();
  const otherScore = (prepared: Fuzzysort.Prepared | undefined) => {
    if (!prepared) return 0;
    let score = others.get(prepared);
    if (score === undefined) {
      score = OTHER_WEIGHT * (fuzzysort.single(query, prepared)?.score ?? 0);
      others.set(prepared, score);
    }
    return score;
  };
  const size = among ? among.length : targets.length;
  const found: Matches = {
    entries: new Int32Array(size),
    scores: new Float64Array(size),
    length: 0,
  };
  for (let index = 0; index < size; index++) {
    const target = targets[among ? among.entries[index]! : index]!;
    const titleScore = fuzzysort.single(query, target.title)?.score ?? 0;
    const score = Math.max(titleScore, otherScore(target.byline), otherScore(target.folder));
    if (score === 0 || score < THRESHOLD) continue;
    found.entries[found.length] = target.entry;
    found.scores[found.length++] = (among ? among.scores[index]! : 0) + score;
  }
  return found;
}

/**
 * The entries a query of several words matches: every word in the title, byline or folder
 * name (`harbour castell` finds the Harbour piece by its byline), scored by the words' mean.
 */
function matchWords(words: string[], targets: Target[]): Matches {
  let found: Matches | undefined;
  for (const word of words) found = matchWord(word, targets, found);
  for (let index = 0; index < found!.length; index++) found!.scores[index]! /= words.length;
  return found!;
}

/**
 * The title letters a filter matches, for the rows on screen (matching the rest of each word's
 * letters again for a screenful costs less than keeping them for every match).
 */
export function matchedLetters(filter: string, title: string): readonly number[] | undefined {
  const letters = new Set<number>();
  for (const word of filter.trim().split(/\s+/)) {
    if (word === '') continue;
    for (const index of fuzzysort.single(word, prepare(title))?.indexes ?? []) letters.add(index);
  }
  return letters.size > 0 ? [...letters].sort((a, b) => a - b) : undefined;
}

/** Words an article has, or an estimate from its size until counted. */
export function wordsOf(entry: LibraryEntry): number {
  return entry.words ?? estimatedWords(entry);
}

/**
 * Words from a file's size: about six bytes a word, or three a character of Chinese or
 * Japanese (in UTF-8).
 */
export function estimatedWords(entry: LibraryEntry): number {
  return Math.round((entry.size ?? 0) / (entry.script ? 3 : 6));
}

/** Reading order for `progress`: being read (furthest first), then unread, then finished. */
function progressRank(status: ReadStatus): number {
  if (status.kind === 'reading') return 100 - status.percent;
  return status.kind === 'unread' ? 101 : 102;
}

// Ordering by title: folded to lower case and without accents, compared as plain strings (a
// collator's compare, called 150,000 times for 10,000 rows, took 100 ms). Each list of
// entries gets its title order once, as a rank per entry; every sort breaks its ties by it, so
// sorting (and ordering a filter's equal matches, keystroke after keystroke) compares numbers.
const ASCII = /^[\u0000-\u007f]*$/;
function titleKey(entry: LibraryEntry): string {
  // Several paths on the command line keep the order they were given in.
  const group = entry.group === undefined ? '' : String(entry.group).padStart(5, '0');
  const text = `${group}\u0000${entry.folder ?? ''}\u0000${entry.title}\u0000${entry.path}`;
  // Plain ASCII has no marks to fold: most titles skip the normalization.
  return ASCII.test(text)
    ? text.toLowerCase()
    : text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Same names in the same places (and the same bylines, if asked): an entry described anew (its
 * size, its words) keeps its rank and its filter target.
 */
function sameNames(a: LibraryEntry[], b: LibraryEntry[], bylines = false): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const [left, right] = [a[index]!, b[index]!];
    if (left === right) continue;
    if (left.title !== right.title || left.folder !== right.folder || left.path !== right.path) {
      return false;
    }
    if (bylines && left.byline !== right.byline) return false;
  }
  return true;
}

/**
 * A value made once per list of entries, and kept for the next list when it has the same
 * names in the same places (and bylines, if asked): the list is described anew as sizes and
 * word counts come in, and what depends on names need not be made again.
 */
function keptPerList<T>(
  bylines: boolean,
  make: (entries: LibraryEntry[]) => T,
): (entries: LibraryEntry[]) => T {
  const made = new WeakMap<LibraryEntry[], T>();
  let last: {entries: LibraryEntry[]; value: T} | undefined;
  return (entries) => {
    let value = made.get(entries);
    if (value === undefined) {
      value = last && sameNames(last.entries, entries, bylines) ? last.value : make(entries);
      made.set(entries, value);
      last = {entries, value};
    }
    return value;
  };
}

/** Each entry's place in title order (folder, title, then path). */
const titleRanksOf = keptPerList(false, (entries) => {
  const keys = entries.map((entry) => titleKey(entry));
  const order = entries.map((_, index) => index);
  order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const ranks = new Int32Array(entries.length);
  for (let rank = 0; rank < order.length; rank++) ranks[order[rank]!] = rank;
  return ranks;
});

/**
 * Compares two entries (by their index) in a sort order; ties fall back to folder and title,
 * then path. The sort's own key is read once per entry, not once per comparison.
 */
export function comparator(
  entries: LibraryEntry[],
  sort: SortKey,
  standing: (file: string) => Standing,
): (a: number, b: number) => number {
  const ranks = titleRanksOf(entries);
  if (sort === 'title') return (a, b) => ranks[a]! - ranks[b]!;
  const keyOf: (entry: LibraryEntry) => number =
    sort === 'recent'
      ? (entry) => -(standing(entry.path).readAt ?? -1)
      : sort === 'length'
        ? wordsOf
        : (entry) => progressRank(standing(entry.path).status);
  const keys = new Float64Array(entries.length).fill(Number.NaN);
  const key = (index: number) => {
    let value = keys[index]!;
    if (Number.isNaN(value)) keys[index] = value = keyOf(entries[index]!);
    return value;
  };
  return (a, b) => key(a) - key(b) || ranks[a]! - ranks[b]!;
}

/**
 * The rows the list shows, in order: every entry, or those the filter matches (fuzzily, in
 * titles, bylines and folders), sorted by `sort`.
 */
export function listRows(
  entries: LibraryEntry[],
  {
    filter = '',
    sort,
    standing,
  }: {filter?: string; sort: SortKey; standing: (file: string) => Standing},
): ListRow[] {
  const query = filter.trim();
  if (query !== '') {
    const compare = comparator(entries, sort, standing);
    const found = matchWords(query.split(/\s+/), targetsOf(entries));
    const {entries: matched, scores} = found;
    // Best matches first, as a fuzzy finder lists them (`/harb⏎` opens the Harbour piece);
    // matches that score alike keep the list's sort.
    const order = Int32Array.from({length: found.length}, (_, index) => index);
    order.sort((a, b) => scores[b]! - scores[a]! || compare(matched[a]!, matched[b]!));
    return Array.from(order, (index) => rowOf(matched[index]!));
  }
  const compare = comparator(entries, sort, standing);
  return entries.map((_, entry) => rowOf(entry)).sort((a, b) => compare(a.entry, b.entry));
}
