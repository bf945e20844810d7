import type {Article} from '../article/article.js';
import {articleKey, type Marks, type ReadingState} from './reading-state.js';

/** How far the library's list says an article has been read. */
export type ReadStatus = {kind: 'unread'} | {kind: 'reading'; percent: number} | {kind: 'finished'};

/** What the app needs of saved reading positions; the file-backed one lives at the edge. */
export type SavedPlaces = {
  /** Where to open an article, and what to tell the reader about it. */
  resume(article: Article, file: string): {anchor: number; message?: string; marks?: Marks};
  save(article: Article, file: string, anchor: number, finished: boolean, marks?: Marks): void;
  statusOf(file: string): ReadStatus;
  /** How far a file has been read, and when last (ms since the epoch). */
  standing(file: string): {status: ReadStatus; readAt?: number};
  /** The list's sort as last chosen, and remembering a new one. */
  sort(): string | undefined;
  setSort(sort: string): void;
  /** Whether speakers are shown in the margin (S), as last chosen, and remembering it. */
  speakersShown(): boolean;
  setSpeakersShown(shown: boolean): void;
  /**
   * The measure last set with - + = in a terminal this wide (else the last one set as a number
   * of columns, at any width), and remembering one.
   */
  measure(columns: number): number | undefined;
  setMeasure(columns: number, cap: number): void;
  /** The theme last chosen with T, and remembering one. */
  theme(): string | undefined;
  setTheme(theme: string): void;
  /** A one-line notice for the status bar ("progress not saved"), if any. */
  notice(): string | undefined;
};

const keys = new WeakMap<Article, string>();
function keyOf(article: Article): string {
  let key = keys.get(article);
  if (!key) keys.set(article, (key = articleKey(article.text)));
  return key;
}

/** Saved places kept in a ReadingState; `fresh` opens every article at the top (--fresh). */
export function savedPlaces(
  state: ReadingState,
  {fresh = false, byPath = true}: {fresh?: boolean; byPath?: boolean} = {},
): SavedPlaces {
  let warning = state.warning;
  const statusOf = (file: string): ReadStatus => {
    const saved = state.positionAtPath(file);
    if (!saved) return {kind: 'unread'};
    if (saved.finished) return {kind: 'finished'};
    return {
      kind: 'reading',
      percent: Math.floor((saved.offset / Math.max(1, saved.length)) * 100),
    };
  };
  return {
    resume(article, file) {
      const notice = warning;
      warning = undefined; // said once
      // The start of a long file has no content key yet: its place is found by its path.
      const length = article.partial?.length ?? article.text.length;
      let saved = article.partial ? undefined : state.positionOf(keyOf(article));
      let note = '';
      if (!saved) {
        // Edited since (a typo fixed, a paragraph added): the same file at about the same
        // length keeps its place rather than starting over.
        // (Not for text piped in: every pipe has the same "path".)
        const atPath = byPath ? state.positionAtPath(file) : undefined;
        if (atPath && Math.abs(atPath.length - length) <= length * 0.1) {
          saved = atPath;
          if (!article.partial) note = ', the file changed';
        }
      }
      // Marks stay where they were set, even when --fresh opens the article at the top.
      const marks = saved?.marks;
      if (fresh || !saved || saved.offset <= 0 || saved.offset >= length) {
        return {anchor: 0, message: notice, marks};
      }
      const percent = Math.floor((saved.offset / Math.max(1, length)) * 100);
      return {
        anchor: saved.offset,
        message: notice ?? `resumed at ${percent}%${note} (g: from the top)`,
        marks,
      };
    },
    save(article, file, anchor, finished, marks) {
      // Saved once the whole file is read (its key is the whole text's).
      if (article.partial) return;
      state.record(keyOf(article), {
        offset: anchor,
        length: article.text.length,
        path: file,
        title: article.title,
        finished,
        ...(marks && Object.keys(marks).length > 0 ? {marks} : {}),
      });
    },
    standing(file) {
      const saved = state.positionAtPath(file);
      return {status: statusOf(file), readAt: saved ? Date.parse(saved.updatedAt) : undefined};
    },
    sort: () => state.sort,
    setSort(sort) {
      state.sort = sort;
    },
    speakersShown: () => state.setting('speakersShown') === true,
    setSpeakersShown(shown) {
      state.setSetting('speakersShown', shown);
    },
    measure(columns) {
      const measures = state.setting('measures');
      const byWidth =
        typeof measures === 'object' && measures !== null
          ? (measures as Record<string, unknown>)[String(columns)]
          : undefined;
      const known = byWidth ?? state.setting('lastMeasure');
      if (known === 'full' && byWidth !== undefined) return Infinity;
      // (The reader keeps a measure within its bounds.)
      return Number.isInteger(known) && (known as number) > 0 ? (known as number) : undefined;
    },
    theme() {
      const theme = state.setting('theme');
      return typeof theme === 'string' ? theme : undefined;
    },
    setTheme(theme) {
      state.setSetting('theme', theme);
    },
    setMeasure(columns, cap) {
      const measures = state.setting('measures');
      const kept = typeof measures === 'object' && measures !== null ? measures : {};
      const value = cap === Infinity ? 'full' : cap;
      state.setSetting('measures', {...kept, [String(columns)]: value});
      if (cap !== Infinity) state.setSetting('lastMeasure', cap);
    },
    statusOf,
    notice: () => (state.saveFailed ? 'progress not saved' : undefined),
  };
}

/** No saved progress at all (tests, and when the state folder is unusable from the start). */
export const noSavedPlaces: SavedPlaces = {
  resume: () => ({anchor: 0}),
  save: () => undefined,
  statusOf: () => ({kind: 'unread'}),
  standing: () => ({status: {kind: 'unread'}}),
  sort: () => undefined,
  setSort: () => undefined,
  speakersShown: () => false,
  setSpeakersShown: () => undefined,
  measure: () => undefined,
  setMeasure: () => undefined,
  theme: () => undefined,
  setTheme: () => undefined,
  notice: () => undefined,
};
