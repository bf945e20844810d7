// First: raw mode before anything else is evaluated (type-ahead).
import {earlyKeyboard} from './terminal/early-keyboard.js';
import React from 'react';
import {render} from 'ink';
import chalk from 'chalk';
import {existsSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {onExit} from 'signal-exit';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {version} from '../package.json';
import {App, createStore} from './app.js';
import type {LoadResult} from './article/article.js';
import {
  describeEntry,
  listLibrary,
  loadArticleFile,
  loadWholeArticleFile,
  safeLine,
} from './library/scan.js';
import {LibraryCache} from './state/library-cache.js';
import type {LibraryWork} from './app-state.js';
import type {LibraryEntry} from './library/library.js';
import type {Library} from './library/library.js';
import {plainText} from './text/layout.js';
import {formatQuotationLine, quotationRecords} from './reader/quotation-list.js';
import {enterFullScreen, restoreTerminal} from './terminal/screen.js';
import {parseOptions, UsageError} from './cli/options.js';
import {THEMES, type Theme, type ThemeName} from './reader/theme.js';
import {ReadingState, stateDirectory} from './state/reading-state.js';
import {savedProgress, type ReadStatus} from './state/progress.js';
import {WORDS_PER_MINUTE} from './reader/progress.js';

const HELP = `
  Usage
    $ broadsheet [PATH]
    $ broadsheet list [PATH] [--json]
    $ broadsheet quotes FILE [--json]

  PATH is a folder of articles (.txt, .md) or one article. Without PATH:
  the folder in $BROADSHEET_DIR, else the bundled articles.

  \`broadsheet quotes FILE\` lists the article's quotations, one a line: page
  (at 80×24), nesting level, offsets (UTF-16 code units into the decoded text,
  line endings normalized), speaker when known, and text; --json prints an array.

  \`broadsheet list\` prints the articles of a folder, one a line: title, words,
  reading state and file; --json prints an array of {path, title, byline,
  words, minutes, state, percent}.

  Options
    --json         With list and quotes: print JSON
    --print        Print the article (or the list) as plain text, even to a terminal
    --width N      Widest measure of text, in columns (default 72; at least 20)
    --fresh        Open articles at the top, not where you left off
    --theme T      dark (default), light or mono
    --no-color     No colour (also when NO_COLOR is set); quotations in italics
    -h, --help     Show this help
    -v, --version  Show the version

  When standard output is not a terminal, the article (or the list of
  articles) is printed as plain text instead, wrapped to --width (default 80).

  Exit status: 0 done; 1 a file or folder missing, unreadable or refused;
  2 a usage error (an unknown flag, a bad value).
`;

/** One clear line on stderr and a non-zero exit: how every user error ends. */
function fail(message: string, code = 2): never {
  earlyKeyboard?.stop();
  process.stderr.write(`broadsheet: ${safeLine(message)}\n`);
  process.exit(code);
}

function bundledArticles(): string {
  // dist/cli.js sits one folder below the project, beside articles/.
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'articles');
}

type CommandLine = {
  input: string[];
  width?: number;
  json: boolean;
  print: boolean;
  theme: Theme;
  fresh: boolean;
};

function parseTheme(name: string | undefined, noColor: boolean): Theme {
  if (noColor && chalk.level === 0 && process.stdout.isTTY && process.env['TERM'] !== 'dumb') {
    // chalk reads --no-color from argv and then drops every style, italics included: keep
    // the plain styles the mono theme marks quotations with (it uses no colour at all).
    chalk.level = 1;
  }
  if (noColor || (process.env['NO_COLOR'] ?? '') !== '') return THEMES.mono;
  if (name === undefined) return THEMES.dark;
  if (name in THEMES) return THEMES[name as ThemeName];
  return fail(`--theme takes dark, light or mono (got ${name})`);
}

/** Flags and the PATH, parsed by meow; a bad flag is a one-line error, not a stack trace. */
function parseCommandLine(): CommandLine {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), HELP, version);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  if (options.help) {
    earlyKeyboard?.stop();
    process.stdout.write(HELP.slice(1));
    process.exit(0);
  }
  if (options.version) {
    earlyKeyboard?.stop();
    process.stdout.write(`${version}\n`);
    process.exit(0);
  }
  return {
    input: options.input,
    width: options.width,
    json: options.json,
    print: options.print,
    theme: parseTheme(options.theme, !options.color),
    fresh: options.fresh,
  };
}

/** The library to show; for a named file, a library of one, already read once here. */
type Target = {
  library: Library;
  /** The folder scanned (again, on `r`). */
  folder: string;
  opened?: {path: string; result: LoadResult & {kind: 'article'}};
};

function resolveTarget(input: string[]): Target {
  if (input.length > 1) fail(`expected one PATH, got ${input.length}`);
  const named = input[0];
  const target = named ?? process.env['BROADSHEET_DIR'] ?? bundledArticles();
  if (named !== undefined && !existsSync(named)) fail(`no such file or folder: ${named}`, 1);
  if (named !== undefined && !statSync(named).isDirectory()) {
    const result = loadArticleFile(named);
    if (result.kind === 'refused') fail(`cannot open ${named}: ${result.reason}`, 1);
    const folder = safeLine(path.dirname(path.resolve(named)));
    const entry = {
      path: named,
      fileName: safeLine(path.basename(named)),
      title: result.article.title,
    };
    return {
      library: {kind: 'folder', folder, entries: [entry]},
      folder,
      opened: {path: named, result},
    };
  }
  return {library: listLibrary(target, new LibraryCache(stateDirectory())), folder: target};
}

/** How long the list may read files' heads before its first frame; the rest come after. */
const FIRST_FRAME_BUDGET_MS = 15;
/** Entries always read before the first frame, whatever the time. */
const FIRST_FRAME_ENTRIES = 200;

/** The library with entries described (those first in the list first) for up to `budget` ms. */
function describeFor(library: Library, work: LibraryWork, budget: number): Library {
  if (library.kind !== 'folder') return library;
  const until = performance.now() + budget;
  // A small library is read whole (its first frame is complete); a large one as far as the
  // budget goes, and on in the background.
  const entries = library.entries.map((entry, index) =>
    entry.pending && (index < FIRST_FRAME_ENTRIES || performance.now() < until)
      ? work.describe(entry)
      : entry,
  );
  return {...library, entries};
}

/** The words of an article the list shows, counted from the whole file (up to 1 MB). */
function countArticleWords(
  entry: LibraryEntry,
  cache: LibraryCache,
  limit = COUNT_WORDS_BYTES,
): number | undefined {
  if ((entry.size ?? Infinity) > limit) return undefined;
  const result = loadWholeArticleFile(entry.path);
  if (result.kind !== 'article') return undefined;
  const {words} = result.article;
  const cached = cache.get(entry.path, entry.size ?? -1, entry.mtime ?? -1);
  if (cached) cache.set(entry.path, {...cached, words});
  return words;
}

/** Files longer than this keep an estimate of their length in the list. */
const COUNT_WORDS_BYTES = 1024 * 1024;

function printPlain({library, opened}: Target, width = 80): void {
  if (library.kind === 'missing') fail(`no articles: ${library.reason}: ${library.folder}`, 1);
  if (opened) {
    const article = opened.result.rest?.finish() ?? opened.result.article;
    process.stdout.write(plainText(article, width) + '\n');
    return;
  }
  const entries = library.entries.map((entry) => (entry.pending ? describeEntry(entry) : entry));
  entries.sort(
    (a, b) => (a.folder ?? '').localeCompare(b.folder ?? '') || a.title.localeCompare(b.title),
  );
  for (const item of entries) process.stdout.write(`${item.title}\t${item.fileName}\n`);
}

/** `broadsheet list [PATH] [--json]`: the articles of a folder, for scripts. */
function printList(folder: string, json: boolean): void {
  if (!existsSync(folder)) fail(`no such folder: ${folder}`, 1);
  if (!statSync(folder).isDirectory()) fail(`not a folder: ${folder}`, 1);
  const cache = new LibraryCache(stateDirectory());
  const library = listLibrary(folder, cache);
  if (library.kind === 'missing') fail(`no articles: ${library.reason}: ${library.folder}`, 1);
  const progress = savedProgress(new ReadingState(stateDirectory()));
  const entries = library.entries
    .map((entry) => (entry.pending ? describeEntry(entry, cache) : entry))
    .map((entry) => {
      const words =
        entry.words ?? (entry.refused ? undefined : countArticleWords(entry, cache, Infinity));
      return {...entry, words};
    });
  cache.flush();
  entries.sort(
    (a, b) => (a.folder ?? '').localeCompare(b.folder ?? '') || a.title.localeCompare(b.title),
  );
  const records = entries.map((entry) => listRecord(entry, progress.statusOf(entry.path)));
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
    words,
    minutes: words === null ? null : Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    state: status.kind,
    percent: status.kind === 'finished' ? 100 : status.kind === 'reading' ? status.percent : 0,
    ...(entry.refused ? {refused: entry.refused} : {}),
  };
}

/** `broadsheet quotes FILE [--json]`: the article's quotations, for scripts. */
function printQuotations(file: string | undefined, json: boolean): void {
  if (file === undefined) fail('quotes needs a FILE (see --help)');
  if (!existsSync(file)) fail(`no such file: ${file}`, 1);
  const result = loadWholeArticleFile(file);
  if (result.kind === 'refused') fail(`cannot open ${file}: ${result.reason}`, 1);
  const records = quotationRecords(result.article);
  if (json) {
    process.stdout.write(JSON.stringify(records, null, 2) + '\n');
    return;
  }
  for (const record of records) process.stdout.write(formatQuotationLine(record) + '\n');
}

async function main(): Promise<void> {
  const {input, width, json, print, theme, fresh} = parseCommandLine();
  if (input[0] === 'list' && (input.length > 1 || !existsSync('list'))) {
    earlyKeyboard?.stop();
    if (input.length > 2) fail(`list takes one PATH, got ${input.length - 1}`);
    printList(input[1] ?? process.env['BROADSHEET_DIR'] ?? bundledArticles(), json);
    return;
  }
  if (input[0] === 'quotes' && (input.length > 1 || !existsSync('quotes'))) {
    earlyKeyboard?.stop();
    if (input.length > 2) fail(`quotes takes one FILE, got ${input.length - 1}`);
    printQuotations(input[1], json);
    return;
  }
  const target = resolveTarget(input);
  const {library, opened} = target;
  const libraryFolder = target.folder;
  const keyboard = earlyKeyboard;
  if (!keyboard || print) {
    keyboard?.stop();
    printPlain(target, width);
    return;
  }

  // Reading positions: saved as you read, and once more on every way out.
  const readingState = new ReadingState(stateDirectory());
  const progress = savedProgress(readingState, {fresh});

  enterFullScreen();
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
  const cache = new LibraryCache(stateDirectory());
  onExit(() => cache.flush());
  const work: LibraryWork = {
    describe: (entry) => describeEntry(entry, cache),
    countWords: (entry) => countArticleWords(entry, cache),
  };
  const listed = describeFor(library, work, FIRST_FRAME_BUDGET_MS);
  const store = createStore(listed, {
    // A named file was read to check it; the reader takes that copy.
    loadArticle: (file) => (file === opened?.path ? opened.result : loadArticleFile(file)),
    progress,
    columns: process.stdout.columns || 80,
    rows: process.stdout.rows || 24,
    cap: width,
    openIndex: opened ? 0 : undefined,
    rescan: opened
      ? undefined
      : () => describeFor(listLibrary(libraryFolder, cache), work, FIRST_FRAME_BUDGET_MS),
    work: opened ? undefined : work,
    libraryIdle: () => cache.flush(),
  });
  // For the benchmark: the longest the event loop was blocked, written out on the way out.
  const loopStats = process.env['BROADSHEET_LOOP_STATS'];
  const delay = loopStats ? monitorEventLoopDelay({resolution: 5}) : undefined;
  delay?.enable();
  // Keys typed so far (type-ahead) are applied now, in order; then each chunk as it comes.
  keyboard.connect(store.feed);
  const instance = render(<App store={store} theme={theme} progress={progress} />, {
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 120,
  });
  try {
    await instance.waitUntilExit();
  } catch (error) {
    crash(error);
  }
  keyboard.stop();
  store.finishLoading();
  store.close();
  restoreTerminal();
  readingState.flush();
  if (delay && loopStats) writeFileSync(loopStats, JSON.stringify({maxMs: delay.max / 1e6}));
}

// A reader of our output that stops early (`broadsheet story.txt | head`) closes the pipe: that
// is the end of the job, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main();
