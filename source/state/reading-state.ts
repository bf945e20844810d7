import {createHash} from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** Where the reader was in one article. Keyed by the article's content, not its path. */
export type Position = {
  /** An offset into the article's normalized text. */
  offset: number;
  /** The text's length, to show a percentage without opening it. */
  length: number;
  /** Where the article was last read from, for display and for the library's list. */
  path: string;
  title: string;
  finished: boolean;
  /** When it was last read (ISO time), so the newer of two readers' positions wins. */
  updatedAt: string;
  /** Marks set with m, by letter. */
  marks?: Marks;
};

/** Marks by letter: offsets into the article's text. */
export type Marks = Readonly<Record<string, number>>;

/** The marks of a saved position, those that are a letter and an offset (others dropped). */
function validMarks(value: unknown): Marks | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const marks = Object.fromEntries(
    Object.entries(value).filter(
      ([letter, offset]) =>
        /^[a-zA-Z]$/.test(letter) && Number.isInteger(offset) && (offset as number) >= 0,
    ),
  );
  return Object.keys(marks).length > 0 ? marks : undefined;
}

type StateFile = {version: 1; articles: Record<string, Position>};

const FILE_NAME = 'positions.json';
/** Settings (the list's sort, speakers in the margin), beside the positions. */
const SETTINGS_NAME = 'settings.json';

/** A key for an article that survives moving or renaming the file: a hash of its text. */
export function articleKey(text: string): string {
  // Hashed a slice at a time: a 30 MB text encoded to UTF-8 at once is another copy of it.
  // A slice never ends between the halves of a surrogate pair, so the hash is the whole's.
  const hash = createHash('sha256');
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + KEY_SLICE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    hash.update(text.slice(start, end));
    start = end;
  }
  return hash.digest('hex').slice(0, 32);
}

const KEY_SLICE = 1 << 20;

function isPosition(value: unknown): value is Position {
  const p = value as Position;
  return (
    typeof p === 'object' &&
    p !== null &&
    Number.isFinite(p.offset) &&
    Number.isFinite(p.length) &&
    typeof p.path === 'string' &&
    typeof p.updatedAt === 'string'
  );
}

/** Parses the state file's text; undefined when it is not a state file we can trust. */
function parseState(text: string): StateFile | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const file = data as StateFile;
  if (typeof file !== 'object' || file === null || file.version !== 1) return undefined;
  if (typeof file.articles !== 'object' || file.articles === null) return undefined;
  const articles: Record<string, Position> = {};
  for (const [key, value] of Object.entries(file.articles)) {
    if (!isPosition(value)) continue;
    const {marks, ...position} = value;
    const kept = validMarks(marks);
    articles[key] = {
      ...position,
      finished: Boolean(value.finished),
      ...(kept ? {marks: kept} : {}),
    };
  }
  return {version: 1, articles};
}

/**
 * Reading positions on disk. Writes are atomic (a temporary file renamed over the old one)
 * and merged with what is on disk at that moment, article by article, so two readers open
 * at once do not erase each other's places. A corrupt file is set aside, never lost; a
 * folder that cannot be written leaves the reader working, with progress not saved.
 */
export class ReadingState {
  private articles: Record<string, Position> = {};
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** One line for the user when something went wrong (set aside a corrupt file, cannot save). */
  warning: string | undefined;
  saveFailed = false;

  constructor(
    readonly directory: string,
    private readonly debounceMs = 400,
  ) {
    this.articles = this.readFromDisk() ?? {};
  }

  get file(): string {
    return path.join(this.directory, FILE_NAME);
  }

  private readFromDisk(): Record<string, Position> | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      this.warning = 'progress not saved: the state folder cannot be used';
      this.saveFailed = true;
      return undefined;
    }
    const parsed = parseState(text);
    if (parsed) return parsed.articles;
    // Keep the unreadable file for the user, under a name that says when and why.
    const stamp = new Date().toISOString().replace(/[-:]|\.\d+Z$/g, '');
    const aside = `${this.file}.corrupt-${stamp}`;
    try {
      renameSync(this.file, aside);
      this.warning = `unreadable positions set aside as ${path.basename(aside)}`;
    } catch {
      this.warning = 'progress not saved: the positions file is unreadable';
      this.saveFailed = true;
      return undefined;
    }
    return {};
  }

  /** Where the article with this key was left, if it was. */
  positionOf(key: string): Position | undefined {
    return this.articles[key];
  }

  /** The position last saved for a file at this path (the library's list reads no texts). */
  positionAtPath(file: string): Position | undefined {
    // Indexed once for a list of thousands of rows, sorted by when each was read.
    if (!this.byPath) {
      this.byPath = new Map();
      for (const position of Object.values(this.articles)) {
        const best = this.byPath.get(position.path);
        if (!best || position.updatedAt > best.updatedAt) this.byPath.set(position.path, position);
      }
    }
    return this.byPath.get(file);
  }

  private byPath: Map<string, Position> | undefined;

  /** The list's sort as last chosen, if it was. */
  get sort(): string | undefined {
    const sort = this.setting('sort');
    return typeof sort === 'string' ? sort : undefined;
  }

  /** Remembers the list's sort (written at once, atomically; a failure only loses the sort). */
  set sort(sort: string | undefined) {
    this.setSetting('sort', sort);
  }

  /** A setting as last chosen (the list's sort, speakers in the margin), if it was. */
  setting(name: string): unknown {
    return this.readSettings()[name];
  }

  /**
   * Remembers a setting beside the others (written at once, atomically; a failure only loses
   * the setting).
   */
  setSetting(name: string, value: unknown): void {
    const file = path.join(this.directory, SETTINGS_NAME);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.directory, {recursive: true});
      writeFileSync(temporary, JSON.stringify({...this.readSettings(), [name]: value}) + '\n');
      renameSync(temporary, file);
    } catch {
      try {
        unlinkSync(temporary);
      } catch {
        // Nothing was written.
      }
    }
  }

  private readSettings(): Record<string, unknown> {
    try {
      const data = JSON.parse(readFileSync(path.join(this.directory, SETTINGS_NAME), 'utf8'));
      return typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
    } catch {
      return {}; // none yet, or unreadable: the defaults
    }
  }

  /** Records a position and writes it soon (page turns come in bursts). */
  record(key: string, position: Omit<Position, 'updatedAt'>): void {
    const previous = this.articles[key];
    if (
      previous &&
      previous.offset === position.offset &&
      previous.path === position.path &&
      previous.finished === position.finished &&
      sameMarks(previous.marks, position.marks)
    ) {
      return;
    }
    this.articles[key] = {
      ...position,
      finished: position.finished || Boolean(previous?.finished),
      updatedAt: new Date().toISOString(),
    };
    this.byPath = undefined;
    this.changed.add(key);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.debounceMs);
    this.timer.unref?.();
  }

  /** Writes what changed now, merged with the file as it is on disk. Safe in exit handlers. */
  flush(): void {
    clearTimeout(this.timer);
    if (this.changed.size === 0) return;
    // Readers quitting together each read, merge and write: one at a time, or the last to
    // write would erase a place the other had just written.
    const unlock = lockFile(`${this.file}.lock`);
    try {
      this.mergeAndWrite();
    } finally {
      unlock();
    }
  }

  private mergeAndWrite(): void {
    const onDisk = this.saveFailed ? undefined : this.readForMerge();
    if (!onDisk) {
      this.saveFailed = true;
      return;
    }
    // What this reader knows, updated with what others wrote since, then this reader's own
    // changes unless another reader's position for the same article is newer.
    const merged = {...this.articles, ...onDisk};
    for (const key of this.changed) {
      const ours = this.articles[key]!;
      const theirs = onDisk[key];
      merged[key] = theirs && theirs.updatedAt > ours.updatedAt ? theirs : ours;
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.directory, {recursive: true});
      writeFileSync(temporary, JSON.stringify({version: 1, articles: merged}, null, 1) + '\n');
      renameSync(temporary, this.file);
      this.changed.clear();
      this.articles = merged;
      this.byPath = undefined;
      this.saveFailed = false;
    } catch {
      this.saveFailed = true;
      try {
        unlinkSync(temporary);
      } catch {
        // Nothing was written.
      }
    }
  }

  /** The file's current contents for merging; a file that went bad meanwhile is set aside. */
  private readForMerge(): Record<string, Position> | undefined {
    try {
      const text = readFileSync(this.file, 'utf8');
      const parsed = parseState(text);
      if (parsed) return parsed.articles;
      return this.readFromDisk();
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : undefined;
    }
  }
}

function sameMarks(a: Marks | undefined, b: Marks | undefined): boolean {
  const aKeys = Object.keys(a ?? {});
  return aKeys.length === Object.keys(b ?? {}).length && aKeys.every((key) => a![key] === b?.[key]);
}

/** How long a writer waits for another to finish, and when a lock is taken for abandoned. */
const LOCK_WAIT_MS = 500;
const LOCK_STALE_MS = 2000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Takes the lock file `file` (created exclusively), waiting a little for another holder;
 * returns its release. One left by a reader that died is taken over once stale; if the lock
 * cannot be had at all (a folder that cannot be written), the write goes ahead unlocked.
 */
function lockFile(file: string): () => void {
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(path.dirname(file), {recursive: true});
      closeSync(openSync(file, 'wx'));
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return () => undefined;
      try {
        if (Date.now() - statSync(file).mtimeMs > LOCK_STALE_MS) unlinkSync(file);
      } catch {
        // Released meanwhile.
      }
      if (Date.now() > until) return () => undefined;
      Atomics.wait(pause, 0, 0, 5); // a few ms: synchronous, as exit handlers must be
    }
  }
}
