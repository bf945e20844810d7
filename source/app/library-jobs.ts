import type {LibraryEntry} from '../library/library.js';
import {listHeight} from '../library/list.js';
import type {AppState} from './state.js';

/** Whether a row on screen is still listed by name only. */
export function pendingInView({library, list, rows}: AppState): boolean {
  if (library.kind !== 'folder') return false;
  return list.rows
    .slice(list.top, list.top + listHeight(rows))
    .some((row) => library.entries[row.entry]?.pending);
}

/**
 * Up to `limit` entries for the list's background work, in order: those listed by name only
 * (the rows in view first), then those whose words are still to be counted (but not those
 * in `uncounted`, which could not be).
 */
export function libraryJobs(
  {library, list}: AppState,
  uncounted: ReadonlySet<string>,
  limit: number,
): Array<[number, LibraryEntry]> {
  if (library.kind !== 'folder') return [];
  const {entries} = library;
  const {rows, top} = list;
  const jobs: Array<[number, LibraryEntry]> = [];
  const visit = (wanted: (entry: LibraryEntry) => boolean) => {
    // From the window on screen to the end, then from the start to the window.
    for (let step = 0; step < rows.length && jobs.length < limit; step++) {
      const index = rows[(top + step) % rows.length]!.entry;
      if (wanted(entries[index]!)) jobs.push([index, entries[index]!]);
    }
  };
  visit((entry) => Boolean(entry.pending));
  if (jobs.length === 0) {
    visit((entry) => !entry.refused && entry.words === undefined && !uncounted.has(entry.path));
  }
  return jobs;
}
