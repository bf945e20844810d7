import type {CharacterScript} from '../text/scripts.js';
import {mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** What the list knows of a file, valid while its size and modification time stay the same. */
export type CachedFile = {
  size: number;
  mtime: number;
  title: string;
  byline?: string;
  words?: number;
  refused?: string;
  /** The address a saved page came from. */
  url?: string;
  /** Chinese or Japanese: counted in characters. */
  script?: CharacterScript;
};

const FILE_NAME = 'library-cache.json';
/** Files remembered at most; the least recently seen go first. */
const MAX_FILES = 50_000;

/**
 * One file as stored: [path, size, mtime, title, byline, words, refused, url, script], null
 * for what is not known (a row without url or script is shorter). Version 3: words count
 * Chinese and Japanese characters (version 2 counted runs between spaces). Rows of arrays parse in half the
 * time of objects (ten thousand files: ~1.2 MB).
 */
type Row = [
  string,
  number,
  number,
  string,
  string | null,
  number | null,
  string | null,
  (string | null)?,
  (CharacterScript | null)?,
];

/** The file a row describes, or undefined for a row that is not one (a damaged cache). */
function fromRow(row: Row): CachedFile | undefined {
  const [, size, mtime, title, byline, words, refused, url, script] = row;
  if (!Number.isFinite(size) || !Number.isFinite(mtime) || typeof title !== 'string') {
    return undefined;
  }
  const file: CachedFile = {size, mtime, title};
  if (typeof byline === 'string') file.byline = byline;
  if (Number.isFinite(words)) file.words = words!;
  if (typeof refused === 'string') file.refused = refused;
  if (typeof url === 'string') file.url = url;
  if (script === 'ja' || script === 'zh') file.script = script;
  return file;
}

function toRow(file: string, cached: CachedFile): Row {
  const {size, mtime, title, byline, words, refused, url, script} = cached;
  const row: Row = [file, size, mtime, title, byline ?? null, words ?? null, refused ?? null];
  if (url !== undefined || script !== undefined) row.push(url ?? null);
  if (script !== undefined) row.push(script);
  return row;
}

/**
 * The list's cache of titles, bylines and word counts, keyed by path, beside the reading
 * state. A large library opens from it without reading every file's head; a file whose size
 * or time changed is read again. A cache that cannot be read or written is only a slower start.
 */
export class LibraryCache {
  // Rows are checked when first asked for: a first frame needs a screenful of ten thousand.
  // The file is read when the cache is first used (a single article needs none).
  private loaded: Map<string, Row | CachedFile> | undefined;
  private changed = false;

  constructor(readonly directory: string) {}

  private get files(): Map<string, Row | CachedFile> {
    if (!this.loaded) this.loaded = this.read();
    return this.loaded;
  }

  private read(): Map<string, Row | CachedFile> {
    const files = new Map<string, Row | CachedFile>();
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as {
        version?: unknown;
        files?: unknown;
      };
      // Version 1 (an object per file) is not read: the cache is made again as files are seen.
      if (data.version === 3 && Array.isArray(data.files)) {
        for (const row of data.files as unknown[]) {
          if (Array.isArray(row) && typeof row[0] === 'string') files.set(row[0], row as Row);
        }
      }
    } catch {
      // None yet, or unreadable: start empty (it is only a cache).
    }
    return files;
  }

  get file(): string {
    return path.join(this.directory, FILE_NAME);
  }

  /** What was known of a file, whatever its state now (for a first frame before any stat). */
  peek(file: string): CachedFile | undefined {
    const known = this.files.get(file);
    if (!Array.isArray(known)) return known;
    const cached = fromRow(known);
    if (cached) this.files.set(file, cached);
    else this.files.delete(file);
    return cached;
  }

  /** What is known of a file of this size and time, if anything. */
  get(file: string, size: number, mtime: number): CachedFile | undefined {
    const cached = this.peek(file);
    return cached && cached.size === size && cached.mtime === mtime ? cached : undefined;
  }

  set(file: string, record: CachedFile): void {
    this.files.delete(file); // re-inserted last: the most recently seen
    this.files.set(file, record);
    this.changed = true;
  }

  /** Writes the cache if it changed (atomically; a failure leaves the old one). */
  flush(): void {
    if (!this.changed) return;
    while (this.files.size > MAX_FILES) this.files.delete(this.files.keys().next().value!);
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.directory, {recursive: true});
      const files = [...this.files].map(([file, known]) =>
        Array.isArray(known) ? known : toRow(file, known),
      );
      writeFileSync(temporary, JSON.stringify({version: 3, files}));
      renameSync(temporary, this.file);
      this.changed = false;
    } catch {
      try {
        unlinkSync(temporary);
      } catch {
        // Nothing was written.
      }
    }
  }
}
