import chalk from 'chalk';
import {version} from '../../package.json';
import {earlyKeyboard} from '../terminal/early-keyboard.js';
import {THEMES, type Theme, type ThemeName} from '../ui/theme.js';
import {parseOptions, UsageError} from './options.js';
import {HELP} from './help.js';
import {fail} from './fail.js';
import type {Format} from '../article/formats.js';

export type CommandLine = {
  input: string[];
  width?: number;
  json: boolean;
  print: boolean;
  theme: Theme;
  /** Where the theme came from: the flag, NO_COLOR, the config file or the default. */
  themeFrom: string;
  fresh: boolean;
  /** --format: how to read the article, whatever its name or content says. */
  format?: Format;
  /** --to: with add, the folder to save pages into. */
  to?: string;
  /** --no-color was given. */
  noColor: boolean;
  /** --mouse or --no-mouse, if either was given. */
  mouse?: boolean;
};

function themeOf(
  name: string | undefined,
  noColor: boolean,
  configured?: ThemeName,
): {theme: Theme; from: string} {
  if (noColor && chalk.level === 0 && process.stdout.isTTY && process.env['TERM'] !== 'dumb') {
    // chalk reads --no-color from argv and then drops every style, italics included: keep
    // the plain styles the mono theme marks quotations with (it uses no colour at all).
    chalk.level = 1;
  }
  if (noColor) return {theme: THEMES.mono, from: '--no-color'};
  if ((process.env['NO_COLOR'] ?? '') !== '') return {theme: THEMES.mono, from: 'NO_COLOR'};
  if (name !== undefined && name in THEMES) {
    return {theme: THEMES[name as ThemeName], from: '--theme'};
  }
  if (name !== undefined) return fail(`--theme takes dark, light or mono (got ${name})`);
  if (configured) return {theme: THEMES[configured], from: 'config file'};
  return {theme: THEMES.dark, from: 'default'};
}

/** Flags and the PATH, parsed by meow; a bad flag is a one-line error, not a stack trace. */
export function parseCommandLine(configuredTheme?: ThemeName): CommandLine {
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
    ...themed(themeOf(options.theme, !options.color, configuredTheme)),
    fresh: options.fresh,
    format: options.format,
    to: options.to,
    noColor: !options.color,
    mouse: options.mouse,
  };
}

function themed({theme, from}: {theme: Theme; from: string}) {
  return {theme, themeFrom: from};
}
