import React from 'react';
import {render} from 'ink';
import {writeFileSync} from 'node:fs';
import {onExit} from 'signal-exit';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {App, createStore} from '../app/app.js';
import type {LibraryWork} from '../library/list-reducer.js';
import {loadArticleFile} from '../article/file.js';
import {safeLine} from '../article/sanitize.js';
import {describeEntry, listLibrary, listPaths} from '../library/scan.js';
import {downloadArticle, savePage} from '../net/web-article.js';
import {openOutside} from '../system/open-outside.js';
import {bundledArticles} from './bundled-articles.js';
import path from 'node:path';
import {THEMES, type Theme, type ThemeName} from '../ui/theme.js';
import type {Keymap} from '../input/keymap.js';
import {LibraryCache} from '../state/library-cache.js';
import {savedPlaces} from '../state/saved-places.js';
import {ReadingState} from '../state/reading-state.js';
import {libraryDirectory, stateDirectory} from '../system/folders.js';
import {collectGarbageIfGrown} from '../system/memory.js';
import {speakerWarmUps} from '../text/speakers.js';
import type {Keyboard} from '../terminal/keyboard.js';
import {enterFullScreen, restoreTerminal} from '../terminal/screen.js';
import {countArticleWords, describeFirst, type Target} from './target.js';

/** Texts from this length on (a 16 MB book) have their layout's garbage collected early. */
const LARGE_TEXT = 8_000_000;
/** How much resident memory laying such a text out may gain before garbage is collected. */
const LAYOUT_GARBAGE_BYTES = 16 * 1024 * 1024;

/**
 * Runs `steps` one at a time in idle moments from the first frame on (keys typed meanwhile
 * wait for one step at the most), then `done`; returns what stops it (on the way out).
 * (Not unref'd: an unref'd immediate waits for the next input or timer to run at all.)
 */
function warmUp(steps: Array<() => void>, done: () => void): () => void {
  let timer: NodeJS.Immediate | undefined;
  const next = () => {
    const step = steps.shift();
    if (!step) {
      timer = undefined;
      done();
      return;
    }
    step();
    timer = setImmediate(next);
  };
  timer = setImmediate(next);
  return () => {
    if (timer) clearImmediate(timer);
    timer = undefined;
  };
}

/** The full-screen reader: the library, or a named file, read with the keys of `keyboard`. */
export async function read(
  target: Target,
  keyboard: Keyboard,
  {
    width,
    defaultWidth,
    theme,
    fresh,
    keymap,
    notice,
    mouse = false,
    themeFrom = 'default',
  }: {
    /** --width: wins over the measure remembered. */
    width?: number;
    /** The config file's width (or --width): the measure = goes back to. */
    defaultWidth?: number;
    theme: Theme;
    fresh: boolean;
    keymap?: Keymap;
    notice?: string;
    mouse?: boolean;
    /** Where the theme came from: a flag or NO_COLOR fixes it (T cannot change it). */
    themeFrom?: string;
  },
): Promise<void> {
  const {library, opened} = target;
  let libraryFolder = target.folder;
  // Several paths named on the command line, until a page saved with `a` shows the library.
  let paths = target.paths;
  // Reading positions: saved as you read, and once more on every way out.
  const readingState = new ReadingState(stateDirectory());
  const places = savedPlaces(readingState, {fresh, byPath: opened?.path !== '-'});

  enterFullScreen({withMouse: mouse});
  onExit(
    () => {
      restoreTerminal();
      readingState.flush();
    },
    {alwaysLast: true},
  );
  // Whatever goes wrong, the terminal is given back first; then one line says what happened.
  const crash = (error: unknown) => {
    restoreTerminal();
    readingState.flush();
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`broadsheet: ${safeLine(reason)}\n`);
    process.exit(70);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // For the tests of that path only: fail on purpose a while after start.
  const crashAfter = Number(process.env['BROADSHEET_TEST_CRASH_AFTER_MS']);
  if (crashAfter > 0) {
    setTimeout(() => {
      throw new Error('crash requested by BROADSHEET_TEST_CRASH_AFTER_MS');
    }, crashAfter);
  }

  // The list's cache of titles and word counts; entries listed by name are read before the
  // first frame for as long as it can wait, the rest in the background.
  const cache = target.cache ?? new LibraryCache(stateDirectory());
  onExit(() => cache.flush());
  const work: LibraryWork = {
    describe: (entry) => describeEntry(entry, cache),
    countWords: (entry) => countArticleWords(entry, cache),
  };
  const listed = describeFirst(library, work);
  const store = createStore(listed, {
    // A named file was read to check it; the reader takes that copy.
    loadArticle: (file) => (file === opened?.path ? opened.result : loadArticleFile(file)),
    places,
    columns: process.stdout.columns || 80,
    rows: process.stdout.rows || 24,
    // The measure: --width, else as last set with - + = (at this terminal's width), else the
    // config file's.
    cap: width ?? places.measure(process.stdout.columns || 80) ?? defaultWidth,
    defaultCap: defaultWidth,
    keymap,
    notice,
    mouse,
    // The theme: a flag or NO_COLOR wins; else as last chosen with T; else the config's.
    ...chosenTheme(theme, themeFrom, places.theme()),
    openIndex: opened ? 0 : undefined,
    rescan: opened
      ? undefined
      : () =>
          describeFirst(paths ? listPaths(paths, cache) : listLibrary(libraryFolder, cache), work),
    work: opened ? undefined : work,
    libraryIdle: () => cache.flush(),
    laidOut: (article) => {
      if (article.text.length >= LARGE_TEXT) collectGarbageIfGrown(LAYOUT_GARBAGE_BYTES);
    },
    // The a key: a page saved into the folder shown, or into the reader's own library when
    // the list shows the bundled articles (which then shows that library).
    // A link followed (o, Enter) is read here; O hands it to the system's opener.
    follow: async (url, options) => (await downloadArticle(url, options)).result,
    openOutside,
    save: async (url, {signal, progress}) => {
      const shown = path.resolve(libraryFolder);
      const folder = shown === path.resolve(bundledArticles()) ? libraryDirectory() : shown;
      const saved = await savePage(url, folder, {signal, progress});
      libraryFolder = folder;
      paths = undefined;
      const library = describeFirst(listLibrary(folder, cache), work);
      return {path: saved.path, library, existed: saved.existed};
    },
  });
  // For the benchmark: the longest the event loop was blocked, written out on the way out.
  const loopStats = process.env['BROADSHEET_LOOP_STATS'];
  const delay = loopStats ? monitorEventLoopDelay({resolution: 5}) : undefined;
  delay?.enable();
  // Keys typed so far (type-ahead) are applied now, in order; then each chunk as it comes.
  keyboard.connect(store.feed);
  const instance = render(<App store={store} theme={theme} places={places} />, {
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 120,
  });
  // (A list of quotations opened meanwhile is drawn again with its speakers once ready.)
  const stopWarmingUp = warmUp(speakerWarmUps(), () => store.redraw());
  try {
    await instance.waitUntilExit();
  } catch (error) {
    crash(error);
  }
  stopWarmingUp();
  keyboard.stop();
  store.finishLoading();
  store.close();
  restoreTerminal();
  readingState.flush();
  if (delay && loopStats) writeFileSync(loopStats, JSON.stringify({maxMs: delay.max / 1e6}));
}

/** The theme to show, and why T cannot change it (a flag, NO_COLOR) if it cannot. */
function chosenTheme(
  theme: Theme,
  from: string,
  remembered: string | undefined,
): {theme: ThemeName; themeFixed?: string} {
  if (from !== 'default' && from !== 'config file') return {theme: theme.name, themeFixed: from};
  return {theme: remembered && remembered in THEMES ? (remembered as ThemeName) : theme.name};
}
