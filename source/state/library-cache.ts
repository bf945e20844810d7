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
};

const FILE_NAME = 'library-cache.json';
/** Files remembered at most; the least recently seen go first. */
const MAX_FILES = 50_000;

function isCachedFile(value: unknown): value is CachedFile {
  const file = value as CachedFile;
  return (
    typeof file === 'object' &&
    file !== null &&
    Number.isFinite(file.size) &&
    Number.isFinite(file.mtime) &&
    typeof file.title === 'string' &&
    (file.byline === undefined || typeof file.byline === 'string') &&
    (file.words === undefined || Number.isFinite(file.words)) &&
    (file.refused === undefined || typeof file.refused === 'string')
  );
}

/**
 * The list's cache of titles, bylines and word counts, keyed by path, beside the reading
 * state. A large library opens from it without reading every file's head; a file whose size
 * or time changed is read again. A cache that cannot be read or written is only a slower start.
 */
export class LibraryCache {
  private files = new Map<string, CachedFile>();
  private changed = false;

  constructor(readonly directory: string) {
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as {
        version?: unknown;
        files?: unknown;
      };
      if (data.version === 1 && typeof data.files === 'object' && data.files !== null) {
        for (const [file, value] of Object.entries(data.files)) {
          if (isCachedFile(value)) this.files.set(file, value);
        }
      }
    } catch {
      // None yet, or unreadable: start empty (it is only a cache).
    }
  }

  get file(): string {
    return path.join(this.directory, FILE_NAME);
  }

  /** What was known of a file, whatever its state now (for a first frame before any stat). */
  peek(file: string): CachedFile | undefined {
    return this.files.get(file);
  }

  /** What is known of a file of this size and time, if anything. */
  get(file: string, size: number, mtime: number): CachedFile | undefined {
    const cached = this.files.get(file);
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
      writeFileSync(temporary, JSON.stringify({version: 1, files: Object.fromEntries(this.files)}));
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
