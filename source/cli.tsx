// First: raw mode before anything else is evaluated (type-ahead).
import {earlyKeyboard} from './terminal/early-keyboard.js';
import {existsSync} from 'node:fs';
import {parseCommandLine} from './cli/command-line.js';
import {fail} from './cli/fail.js';
import {printList} from './cli/list.js';
import {colourAllowed, printPlain} from './cli/print.js';
import {printQuotations} from './cli/quotes.js';
import {printContents} from './cli/toc.js';
import {read} from './cli/read.js';
import {defaultLibrary, pipedTarget, resolveTarget, terminalKeyboard} from './cli/target.js';
import {addPages} from './cli/add.js';
import {urlTarget} from './cli/url-target.js';
import {looksLikeUrl} from './net/fetch-page.js';
import {pageReadEarly} from './cli/early-page.js';
import {loadWholeArticleFile} from './article/file.js';
import {loadConfig, shortPath} from './config/config-file.js';
import {printConfig, settingsInForce} from './cli/config.js';
import {setWordsPerMinute} from './text/reading-time.js';
import path from 'node:path';

/** `broadsheet`: parses the command line and runs the command it names. */
async function main(): Promise<void> {
  // The config file first: flags and the environment win over it.
  const config = loadConfig();
  const {settings} = config;
  const {input, width, json, print, theme, themeFrom, fresh, noColor, format, to, mouse} =
    parseCommandLine(settings.theme);
  const inForce = settingsInForce(config, {theme, themeFrom, width, mouse});
  setWordsPerMinute(inForce.wordsPerMinute.value);
  // The configured library is the reader's own: opened without a PATH, pages saved into it.
  if (inForce.library.from === 'config file') process.env['BROADSHEET_DIR'] = settings.library;
  if (input[0] === 'config' && (input.length > 1 || !existsSync('config'))) {
    earlyKeyboard?.stop();
    if (input.length > 1) fail(`config takes no PATH, got ${input.length - 1}`);
    printConfig(config, inForce, json);
    return;
  }
  // Commands that print say what is wrong with the config file on standard error; the reader
  // says it in its status line.
  const interactiveCommand = !['add', 'list', 'quotes', 'toc'].includes(input[0] ?? '');
  if (!interactiveCommand || print || !process.stdout.isTTY) {
    for (const problem of config.problems) process.stderr.write(`broadsheet: ${problem}\n`);
  }
  // The status line names the file by its name (`broadsheet config` gives its path).
  const first = config.problems[0]?.replace(shortPath(config.file), path.basename(config.file));
  const more = config.problems.length - 1;
  const notice = more > 0 ? `${first} (and ${more} more: broadsheet config)` : first;
  if (input[0] === 'add' && (input.length > 1 || !existsSync('add'))) {
    earlyKeyboard?.stop();
    await addPages(input.slice(1), to);
    return;
  }
  if (input[0] === 'list' && (input.length > 1 || !existsSync('list'))) {
    earlyKeyboard?.stop();
    printList(input.length > 1 ? input.slice(1) : [defaultLibrary()], json);
    return;
  }
  if (input[0] === 'quotes' && (input.length > 1 || !existsSync('quotes'))) {
    earlyKeyboard?.stop();
    if (input.length > 2) fail(`quotes takes one FILE, got ${input.length - 1}`);
    printQuotations(input[1], json);
    return;
  }
  if (input[0] === 'toc' && (input.length > 1 || !existsSync('toc'))) {
    earlyKeyboard?.stop();
    if (input.length > 2) fail(`toc takes one FILE, got ${input.length - 1}`);
    printContents(input[1], json);
    return;
  }
  // An article piped in (`cat story.txt | broadsheet`, or `-`): keys come from the terminal.
  const piped =
    (input.length === 0 && !process.stdin.isTTY) || (input.length === 1 && input[0] === '-');
  const url = input.length === 1 && looksLikeUrl(input[0]!) ? input[0] : undefined;
  const keyboard = piped && !print ? terminalKeyboard() : earlyKeyboard;
  const interactive = Boolean(keyboard) && !print;
  const target = url
    ? await urlTarget(url, interactive ? keyboard : undefined)
    : piped
      ? pipedTarget(format)
      : resolveTarget(
          input,
          format,
          await pageReadEarly(input, format, (file) => loadWholeArticleFile(file, 'html')),
        );
  if (!keyboard || print) {
    keyboard?.stop();
    printPlain(target, {
      width: inForce.width.from === 'default' ? undefined : inForce.width.value,
      theme,
      colour: colourAllowed(noColor),
    });
    return;
  }
  await read(target, keyboard, {
    width,
    defaultWidth: inForce.width.value,
    theme,
    fresh,
    keymap: config.keymap,
    notice,
    mouse: inForce.mouse.value,
    themeFrom,
  });
}

// A reader of our output that stops early (`broadsheet story.txt | head`) closes the pipe: that
// is the end of the job, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main();
