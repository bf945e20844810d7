import {
  appReducer,
  waitsFor,
  warmAppFilter,
  type AppEnv,
  type AppEvent,
  type AppState,
} from './state.js';
import {entriesOf, type LibraryWork} from '../library/list-reducer.js';
import type {Key} from '../input/keys.js';
import {KeyDecoder} from '../input/key-decoder.js';
import {libraryJobs, pendingInView} from './library-jobs.js';
import {isAtEnd} from '../reader/reader-reducer.js';
import type {Article, LoadResult} from '../article/article.js';
import type {ThemeName} from '../ui/theme.js';
import {nameMoreSpeakers, readForSpeakerNaming} from '../text/quotes.js';
import {contentsIfQuick, contentsOf} from '../text/contents.js';
import type {Library, LibraryEntry} from '../library/library.js';
import {WARM_QUERIES, type SortKey} from '../library/view.js';

/** Blocks laid out per background step while the page count is finished (a few ms each). */
const BACKGROUND_BLOCKS = 200;
/** How long one background slice of the list's work (reading heads, counting words) may run. */
const LIBRARY_SLICE_MS = 12;
/** While a filter is typed, the list's background work waits this long after each key. */
const FILTER_QUIET_MS = 300;
/** Entries picked for one slice (more than a slice gets through). */
const LIBRARY_JOBS = 400;
/** Blocks read for quotations between checks of the clock. */
const QUOTE_BLOCKS = 50;
/** How long one background slice of reading a long file may run, in ms. */
const LOAD_SLICE_MS = 8;
/** How long keys held for a file may be applied before a frame is drawn, in ms. */
const RELEASE_SLICE_MS = 16;
/** How long an Esc at the end of a read waits for the rest of a sequence (as vim's ttimeout). */
export const ESCAPE_WAIT_MS = 40;
/**
 * How long the start of a mouse report waits for its rest: no key begins that way, and a
 * report split over ssh may take a while to come whole.
 */
export const MOUSE_WAIT_MS = 400;
/**
 * A key held for the rest of a file says so only if the wait is long enough to notice: a
 * frame drawn for a wait of a few dozen ms only delays the answer.
 */
const HOLD_NOTICE_MS = 150;

/** What the app does to the world when its state changes. */
export type AppEffects = {
  /** A theme was chosen with T: remember it. */
  themeChosen?(theme: ThemeName): void;
  /** The measure was set with - + =, in a terminal `columns` wide: remember it. */
  measured?(columns: number, cap: number): void;
  /** The reader's place moved (or an article opened): remember it. */
  place?(
    entry: LibraryEntry,
    article: Article,
    anchor: number,
    finished: boolean,
    marks?: Readonly<Record<string, number>>,
  ): void;
  /** The list's sort was changed: remember it. */
  sorted?(sort: SortKey): void;
  /** Speakers in the margin were turned on or off (S): remember it. */
  speakersShown?(shown: boolean): void;
  /** The list's background work is done (its cache may be written). */
  libraryIdle?(): void;
  /** A slice of `article` was laid out in the background (garbage may want collecting). */
  laidOut?(article: Article): void;
  /**
   * Downloads the page at `url` and saves it into the library (the a key): the file's path
   * and the library to show then, or a rejection that says why in one line.
   */
  save?(
    url: string,
    options: {signal: AbortSignal; progress: (bytes: number) => void},
  ): Promise<{path: string; library: Library; existed: boolean}>;
  /** Downloads and reads the page a link leads to. */
  follow?(
    url: string,
    options: {signal: AbortSignal; progress: (bytes: number) => void},
  ): Promise<LoadResult>;
  /** Hands a link to the system's opener; resolves to why it could not, if it could not. */
  openOutside?(url: string): Promise<string | undefined>;
};

/**
 * Holds the app's state outside React. Every chunk from the terminal is split into keys, and
 * each key is applied at once, in order, to the state the key before it left; views only
 * render what is here. So a key can never meet a stale state or a view that has gone.
 */
export class AppStore {
  private state: AppState;
  private readonly decoder = new KeyDecoder();
  private readonly listeners = new Set<() => void>();
  private escapeTimer: ReturnType<typeof setTimeout> | undefined;
  private layoutTimer: ReturnType<typeof setImmediate> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private libraryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Keys held, in order, until the rest of a long file (or of its quotations) is read. */
  private held: Key[] = [];
  /** Held keys are going through, a slice at a time (see release). */
  private releasing = false;

  constructor(
    initial: AppState,
    private readonly env: AppEnv,
    private readonly effects: AppEffects = {},
    /** The list's background work; without it, entries stay as listed. */
    private readonly work?: LibraryWork,
  ) {
    this.state = initial;
    this.placeChanged(undefined, initial);
    this.scheduleLayout();
  }

  getState = (): AppState => this.state;

  /** Draws the same state again (what a view shows changed outside it: speakers named). */
  redraw(): void {
    if (this.state.quit) return;
    this.state = {...this.state};
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A chunk of input as the terminal sent it: any number of keys, or part of one. */
  feed = (chunk: string): void => {
    if (this.escapeTimer) clearTimeout(this.escapeTimer);
    this.escapeTimer = undefined;
    const before = this.state;
    const holding = this.held.length > 0;
    this.keys(this.decoder.push(chunk));
    if (this.decoder.waiting) {
      this.escapeTimer = setTimeout(
        () => {
          this.escapeTimer = undefined;
          const waiting = this.state;
          this.keys(this.decoder.flush());
          this.changed(waiting);
        },
        this.decoder.inMouseReport ? MOUSE_WAIT_MS : ESCAPE_WAIT_MS,
      );
    }
    // The list's background work waits for a pause in typing, counted from when this key's
    // work was done (a filter's first letter may take a while).
    this.lastKeyAt = performance.now();
    // Keys held from this chunk on while the file is read: they wait for the file.
    this.changed(before, !holding && this.held.length > 0 && Boolean(this.state.reading?.loading));
  };

  /** Applies keys in order; from one that needs a file still being read on, holds them. */
  private keys(keys: Key[]): void {
    for (const key of keys) {
      // Ctrl-C is never held: quitting does not wait for a file to be read.
      if (key.kind === 'char' && key.ctrl && key.text === 'c') {
        this.apply({type: 'key', key});
        continue;
      }
      // Esc stops a page being saved at once; like every key meanwhile, it then waits its
      // turn (the download's end lets them through in order, however they were chunked).
      if (this.state.list.saving && key.kind === 'named' && key.name === 'escape') {
        this.downloads.saving?.abort();
      }
      // Esc stops a link's page being downloaded, and is then taken as any key.
      if (this.state.reading?.following && key.kind === 'named' && key.name === 'escape') {
        this.downloads.following?.abort();
      }
      const reason = this.held.length === 0 ? waitsFor(this.state, key) : undefined;
      if (reason === 'page') this.held.push(key);
      else if (reason) {
        this.held.push(key);
        const message =
          reason === 'file' ? 'reading the rest of the file…' : 'finding the quotations…';
        this.noticeTimer = setTimeout(() => {
          this.noticeTimer = undefined;
          const before = this.state;
          this.apply({type: 'notice', message});
          this.changed(before);
        }, HOLD_NOTICE_MS);
      } else if (this.held.length > 0) this.held.push(key);
      else this.apply({type: 'key', key});
    }
  }

  /**
   * The file (or its quotations) is read: the keys held for it go through, in order. Many may
   * have piled up meanwhile (a key repeat, a paste), so they go a slice at a time, with frames
   * between, unless `all` (on the way out); keys typed meanwhile queue behind them.
   */
  private release({all = false} = {}): void {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = undefined;
    const until = all ? Infinity : performance.now() + RELEASE_SLICE_MS;
    const pending = this.held;
    this.held = [];
    let index = 0;
    while (index < pending.length && this.held.length === 0 && performance.now() < until) {
      this.keys([pending[index++]!]);
    }
    // A key held again (it waits for more) keeps the rest behind it, and waits as before.
    const waitingAgain = this.held.length > 0;
    for (; index < pending.length; index++) this.held.push(pending[index]!);
    this.releasing = !waitingAgain && this.held.length > 0;
  }

  /** The terminal's size, applied at once; `quietly` when called while a frame is rendered. */
  resize(columns: number, rows: number, {quietly = false} = {}): void {
    const before = this.state;
    this.apply({type: 'resize', columns, rows});
    if (!quietly) this.changed(before);
    else this.scheduleLayout();
  }

  /** Reads the rest of a long file now (on the way out, so that its place can be saved). */
  finishLoading(): void {
    const loading = this.state.reading?.loading;
    if (!loading) return;
    const before = this.state;
    this.apply({type: 'loaded', article: loading.finish()});
    this.release({all: true});
    this.changed(before);
  }

  /** When the last keys came (the list's background work gives way to a filter being typed). */
  private lastKeyAt = -Infinity;
  /** The library whose entries were last prepared for filtering. */
  private filterReady: AppState['library'] | undefined;
  /** Warm-up queries run so far: the matcher's warmth outlives a library described anew. */
  private filterWarmed = 0;

  /** Steps left to make the filter ready: its targets (for a new library), then warm-ups. */
  private filterSteps(): number {
    if (this.state.library.kind !== 'folder') return 0;
    const targets = this.filterReady === this.state.library ? 0 : 1;
    return targets + WARM_QUERIES.length - this.filterWarmed;
  }

  /** Takes up to `count` of the filter's steps. */
  private readyFilter(count: number): void {
    for (let done = 0; done < count && this.filterSteps() > 0; done++) {
      if (this.filterReady !== this.state.library) {
        warmAppFilter(this.state, this.env, 0);
        this.filterReady = this.state.library;
      } else warmAppFilter(this.state, this.env, ++this.filterWarmed);
    }
  }

  /** Paths whose words could not be counted (too long, unreadable): not tried again. */
  private readonly uncounted = new Set<string>();

  /**
   * The list fills in between keys: entries listed by name are read (those in view first),
   * then the words of articles too long for their head to tell are counted.
   */
  private scheduleLibraryWork(): void {
    const {work} = this;
    if (!work || this.layoutTimer || this.state.quit || this.state.library.kind !== 'folder') {
      return;
    }
    if (!this.state.list.filtering && this.filterSteps() > 0 && !pendingInView(this.state)) {
      // Once the rows on screen are read, make the filter ready before the rest: its first
      // letters then answer as quickly as the others.
      this.layoutTimer = setImmediate(() => {
        this.layoutTimer = undefined;
        this.readyFilter(1);
        this.scheduleLayout(); // an article may have been opened meanwhile
      });
      return;
    }
    if (libraryJobs(this.state, this.uncounted, 1).length === 0) {
      this.effects.libraryIdle?.();
      return;
    }
    const typing = this.typingFilter();
    if (typing > 0) {
      // A filter is being typed: each keystroke answers first, the list fills in after.
      this.libraryTimer ??= setTimeout(() => {
        this.libraryTimer = undefined;
        this.scheduleLayout();
      }, typing);
      return;
    }
    this.layoutTimer = setImmediate(() => {
      this.layoutTimer = undefined;
      // A key may have opened the filter since: its first letters come before this slice.
      if (this.typingFilter() > 0) return this.scheduleLayout();
      const done: Array<[number, LibraryEntry]> = [];
      const until = performance.now() + LIBRARY_SLICE_MS;
      for (const [index, entry] of libraryJobs(this.state, this.uncounted, LIBRARY_JOBS)) {
        if (entry.pending) done.push([index, work.describe(entry)]);
        else {
          const words = work.countWords(entry);
          if (words === undefined) this.uncounted.add(entry.path);
          else done.push([index, {...entry, words}]);
        }
        if (performance.now() >= until) break;
      }
      const before = this.state;
      this.apply({type: 'described', entries: done});
      this.changed(before);
    });
  }

  /** How much longer the list's background work waits for a filter being typed, in ms. */
  private typingFilter(): number {
    return this.state.list.filtering ? this.lastKeyAt + FILTER_QUIET_MS - performance.now() : 0;
  }

  /** The downloads running: a page being saved (a), a link's page (o, Enter); Esc stops them. */
  private readonly downloads: {saving?: AbortController; following?: AbortController} = {};

  /** Downloads and saves a page in the background; its end comes back as an event. */
  private startSaving(url: string): void {
    this.download('saving', url, {
      run: this.effects.save,
      unavailable: 'pages cannot be saved here',
      progress: (bytes) => ({type: 'saveProgress', bytes}),
      done: (saved) => ({type: 'saved', ...saved}),
      failed: (reason) => ({type: 'saveFailed', message: `cannot add ${url}: ${reason}`}),
    });
  }

  /** Downloads the page a link leads to in the background; its end comes back as an event. */
  private startFollowing(url: string): void {
    this.download('following', url, {
      run: this.effects.follow,
      unavailable: 'links cannot be read here',
      progress: (bytes) => ({type: 'followProgress', bytes}),
      done: (result) => ({type: 'followed', url, result}),
      failed: (reason) => ({type: 'followFailed', message: `cannot open ${url}: ${reason}`}),
    });
  }

  /**
   * A download in the background: its progress told at most every 100 ms, its end an event,
   * after which the keys typed meanwhile go through, in order. A newer one of the same kind
   * (or leaving) makes an older one's end count for nothing.
   */
  private download<T>(
    kind: 'saving' | 'following',
    url: string,
    how: {
      run?: (
        url: string,
        options: {signal: AbortSignal; progress: (bytes: number) => void},
      ) => Promise<T>;
      unavailable: string;
      progress: (bytes: number) => AppEvent;
      done: (result: T) => AppEvent;
      failed: (reason: string) => AppEvent;
    },
  ): void {
    const controller = new AbortController();
    this.downloads[kind] = controller;
    let shownAt = -Infinity;
    const finish = (event: AppEvent) => {
      if (this.downloads[kind] !== controller) return; // stopped, or another began
      this.downloads[kind] = undefined;
      const before = this.state;
      this.apply(event);
      this.release();
      this.changed(before);
    };
    if (!how.run) {
      queueMicrotask(() => finish(how.failed(how.unavailable)));
      return;
    }
    const progress = (bytes: number) => {
      if (this.downloads[kind] !== controller || performance.now() - shownAt < 100) return;
      shownAt = performance.now();
      const before = this.state;
      this.apply(how.progress(bytes));
      this.changed(before);
    };
    how.run(url, {signal: controller.signal, progress}).then(
      (result) => finish(how.done(result)),
      (error: unknown) => {
        const reason =
          kind === 'following' && controller.signal.aborted
            ? 'stopped'
            : error instanceof Error
              ? error.message
              : String(error);
        finish(how.failed(reason));
      },
    );
  }

  /** Hands a link to the system's opener; a failure is said in the status line. */
  private openOutside(url: string): void {
    const open = this.effects.openOutside;
    const said = (message: string) => {
      const before = this.state;
      this.apply({type: 'notice', message});
      this.changed(before);
    };
    if (!open) {
      queueMicrotask(() => said('links cannot be opened outside here'));
      return;
    }
    open(url).then(
      (problem) => {
        if (problem) said(problem);
      },
      (error: unknown) => said(`cannot open ${url}: ${String(error)}`),
    );
  }

  /** Stops the timers (the app is leaving). */
  close(): void {
    this.downloads.saving?.abort();
    this.downloads.following?.abort();
    this.downloads.saving = undefined;
    this.downloads.following = undefined;
    if (this.escapeTimer) clearTimeout(this.escapeTimer);
    if (this.layoutTimer) clearImmediate(this.layoutTimer);
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    if (this.libraryTimer) clearTimeout(this.libraryTimer);
    this.noticeTimer = undefined;
    this.libraryTimer = undefined;
    this.escapeTimer = undefined;
    this.layoutTimer = undefined;
  }

  private apply(event: AppEvent): void {
    const previous = this.state;
    const next = appReducer(previous, event, this.env);
    if (next === previous) return;
    this.state = next;
    if (next.list.sort !== previous.list.sort) this.effects.sorted?.(next.list.sort);
    if (next.theme !== previous.theme && next.theme) this.effects.themeChosen?.(next.theme);
    if (next.cap !== previous.cap && next.cap !== undefined && next.reading) {
      this.effects.measured?.(next.columns, next.cap);
    }
    if (Boolean(next.speakersShown) !== Boolean(previous.speakersShown)) {
      this.effects.speakersShown?.(Boolean(next.speakersShown));
    }
    if (next.list.saving && !previous.list.saving) this.startSaving(next.list.saving.url);
    const following = next.reading?.following;
    if (following && !previous.reading?.following) this.startFollowing(following.url);
    if (next.outside && next.outside !== previous.outside) this.openOutside(next.outside.url);
    // The place is recorded before any frame is drawn: a SIGTERM right after a page turn
    // must save the page the reader saw.
    this.placeChanged(previous, next);
  }

  private placeChanged(previous: AppState | undefined, next: AppState): void {
    const reading = next.reading;
    if (!reading || !this.effects.place) return;
    const before = previous?.reading;
    const {reader} = reading;
    if (
      before?.reader.article === reader.article &&
      before.reader.anchor === reader.anchor &&
      before.reader.marks === reader.marks &&
      isAtEnd(before.reader) === isAtEnd(reader)
    )
      return;
    const entry = entriesOf(next.library)[reading.index];
    if (entry) {
      this.effects.place(entry, reader.article, reader.anchor, isAtEnd(reader), reader.marks);
    }
  }

  private changed(before: AppState, defer = false): void {
    if (
      this.state.list.filtering &&
      !before.list.filtering &&
      this.state.library.kind === 'folder'
    ) {
      // The filter prompt opened: ready the matcher now, not on the first letter.
      if (this.filterSteps() > 0) {
        this.readyFilter(Infinity);
        this.lastKeyAt = performance.now();
      }
    }
    if (this.state !== before || this.undrawn) {
      if (this.state.quit) this.close();
      // Keys that came with one held for the file (`50%`: the count, then the %) are drawn
      // with it: a frame of the count alone would only delay reading the file.
      this.undrawn = defer && !this.state.quit;
      if (!this.undrawn) for (const listener of this.listeners) listener();
    }
    this.scheduleLayout();
  }

  /** A change not yet drawn (made by keys that came with one held for the file). */
  private undrawn = false;

  /**
   * The first page is shown at once; the rest of a long file is read, and the rest of the
   * book laid out, in slices between keys.
   */
  private scheduleLayout(): void {
    if (this.layoutTimer || this.state.quit) return;
    if (this.releasing) {
      this.layoutTimer = setImmediate(() => {
        this.layoutTimer = undefined;
        const before = this.state;
        this.release();
        this.changed(before);
      });
      return;
    }
    const loading = this.state.reading?.loading;
    if (loading) {
      this.layoutTimer = setImmediate(() => {
        this.layoutTimer = undefined;
        // Another article may have been opened meanwhile.
        if (this.state.reading?.loading !== loading) return this.scheduleLayout();
        const until = performance.now() + LOAD_SLICE_MS;
        const whole = loading.step(() => performance.now() < until);
        if (whole) {
          const before = this.state;
          this.apply({type: 'loaded', article: whole});
          this.release();
          this.changed(before);
        } else {
          this.scheduleLayout();
        }
      });
      return;
    }
    const reader = this.state.reading?.reader;
    if (this.held.length > 0 && reader) {
      // A key waits for the article's quotations: find them, and name speakers as far as it
      // needs, a slice at a time; then let it through.
      const {quotes, article} = reader;
      const waiting = () =>
        this.held.length > 0 &&
        this.state.reading?.reader.article === article &&
        waitsFor(this.state, this.held[0]!) === 'quotations';
      this.layoutTimer = setImmediate(() => {
        this.layoutTimer = undefined;
        const until = performance.now() + LOAD_SLICE_MS;
        const inSlice = () => performance.now() < until;
        while (waiting() && inSlice()) {
          if (!quotes.complete) quotes.scanBlocks(QUOTE_BLOCKS);
          // (The text's people read first, a stretch at a time: tens of ms in a long book.)
          else if (readForSpeakerNaming(article, inSlice)) nameMoreSpeakers(article, QUOTE_BLOCKS);
        }
        if (waiting()) return this.scheduleLayout();
        const before = this.state;
        this.release();
        this.changed(before);
      });
      return;
    }
    const shown = this.state.reading?.reader.article;
    if (shown && contentsIfQuick(shown) === undefined) {
      // A long book's chapters, for the status line: found once its first page is up.
      this.layoutTimer = setImmediate(() => {
        this.layoutTimer = undefined;
        contentsOf(shown);
        const before = this.state;
        if (this.state.reading?.reader.article === shown) this.apply({type: 'contentsFound'});
        this.changed(before);
      });
      return;
    }
    const pages = this.state.reading?.reader.pages;
    if (!pages || pages.complete) {
      this.scheduleLibraryWork();
      return;
    }
    this.layoutTimer = setImmediate(() => {
      this.layoutTimer = undefined;
      const reader = this.state.reading?.reader;
      if (!reader) return;
      const current = reader.pages;
      current.advance(BACKGROUND_BLOCKS);
      this.effects.laidOut?.(reader.article);
      // Quotations are found along with the layout, so a far screen's are known by the end.
      reader.quotes.scanThrough(current.complete ? Infinity : (current.startOffset.at(-1) ?? 0));
      if (current.complete) {
        const before = this.state;
        this.apply({type: 'layoutComplete'});
        this.changed(before);
      } else {
        this.scheduleLayout();
      }
    });
  }
}
