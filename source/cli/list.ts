import {existsSync, statSync} from 'node:fs';
import type {LibraryEntry} from '../library/library.js';
import {describeEntry, listLibrary, listPaths} from '../library/scan.js';
import {LibraryCache} from '../state/library-cache.js';
import {ReadingState} from '../state/reading-state.js';
import {stateDirectory} from '../system/folders.js';
import {savedPlaces, type ReadStatus} from '../state/saved-places.js';
import {minutesFor} from '../text/reading-time.js';
import {fail} from './fail.js';
import {countArticleWords} from './target.js';

/**
 * `broadsheet list [PATH…] [--json]`: the articles of a folder, for scripts; of several files
 * and folders, in the order given.
 */
export function printList(paths: string[], json: boolean): void {
  const cache = new LibraryCache(stateDirectory());
  let library;
  if (paths.length === 1) {
    const [folder] = paths as [string];
    if (!existsSync(folder)) fail(`no such folder: ${folder}`, 1);
    if (!statSync(folder).isDirectory()) fail(`not a folder: ${folder}`, 1);
    library = listLibrary(folder, cache);
  } else {
    for (const given of paths) if (!existsSync(given)) fail(`no such file or folder: ${given}`, 1);
    library = listPaths(paths, cache);
  }
  if (library.kind === 'missing') fail(`no articles: ${library.reason}: ${library.folder}`, 1);
  const places = savedPlaces(new ReadingState(stateDirectory()));
  const entries = library.entries
    .map((entry) => (entry.pending ? describeEntry(entry, cache) : entry))
    .map((entry) => {
      const words =
        entry.words ?? (entry.refused ? undefined : countArticleWords(entry, cache, Infinity));
      return {...entry, words};
    });
  cache.flush();
  entries.sort(
    (a, b) =>
      (a.group ?? 0) - (b.group ?? 0) ||
      (a.folder ?? '').localeCompare(b.folder ?? '') ||
      a.title.localeCompare(b.title),
  );
  const records = entries.map((entry) => listRecord(entry, places.statusOf(entry.path)));
  if (json) {
    process.stdout.write(JSON.stringify(records, null, 2) + '\n');
    return;
  }
  for (const record of records) {
    const state =
      record.refused ?? (record.state === 'reading' ? `${record.percent}%` : record.state);
    const words = record.words === null ? '-' : String(record.words);
    process.stdout.write(`${record.title}\t${words}\t${state}\t${record.path}\n`);
  }
}

/** One article as `list --json` gives it: stable fields, null where unknown. */
function listRecord(entry: LibraryEntry, status: ReadStatus) {
  const words = entry.words ?? null;
  return {
    path: entry.path,
    title: entry.title,
    byline: entry.byline ?? null,
    url: entry.url ?? null,
    words,
    /** What `words` counts: words, or characters for Chinese and Japanese. */
    counts: entry.script ? 'characters' : 'words',
    minutes: words === null ? null : minutesFor(words, entry.script),
    state: status.kind,
    percent: status.kind === 'finished' ? 100 : status.kind === 'reading' ? status.percent : 0,
    ...(entry.refused ? {refused: entry.refused} : {}),
  };
}
