import meow from 'meow';
import {MIN_MEASURE} from '../reader/geometry.js';
import {FORMATS, type Format} from '../article/formats.js';

/** What the command line asks for, once parsed and checked. */
export type Options = {
  input: string[];
  width?: number;
  json: boolean;
  print: boolean;
  theme?: string;
  color: boolean;
  fresh: boolean;
  /** How to read the article, whatever its name or content says. */
  format?: Format;
  /** With add: the folder to save pages into. */
  to?: string;
  /** --mouse or --no-mouse; undefined when neither (the config file decides). */
  mouse?: boolean;
  help: boolean;
  version: boolean;
};

/** A command line that cannot be followed: one line saying why (a usage error, exit 2). */
export class UsageError extends Error {}

const FLAGS = {
  width: {type: 'string'},
  json: {type: 'boolean', default: false},
  print: {type: 'boolean', default: false},
  theme: {type: 'string'},
  color: {type: 'boolean', default: true},
  fresh: {type: 'boolean', default: false},
  format: {type: 'string'},
  to: {type: 'string'},
  mouse: {type: 'boolean'},
  help: {type: 'boolean', shortFlag: 'h', default: false},
  version: {type: 'boolean', shortFlag: 'v', default: false},
} as const;

const KNOWN = new Set([
  'width',
  'json',
  'print',
  'theme',
  'color',
  'fresh',
  'format',
  'to',
  'mouse',
  'help',
  'version',
]);
const THEMES = ['dark', 'light', 'mono'];

/**
 * Parses the command line with meow. Help and version are left to the caller (so that they
 * leave the terminal as they found it); unknown flags and bad values are UsageErrors.
 */
export function parseOptions(argv: string[], help: string, version: string): Options {
  const cli = meow(help, {
    importMeta: import.meta,
    argv,
    // Given here, the package file is neither looked for nor normalized (that costs start-up).
    pkg: {name: 'broadsheet', version},
    version,
    flags: FLAGS,
    autoHelp: false,
    autoVersion: false,
    // Reported here, in one line, rather than by meow.
    allowUnknownFlags: true,
    // A boolean with no default is left undefined when absent (--mouse: the config decides).
    booleanDefault: undefined,
  });
  const unknown = Object.keys(cli.unnormalizedFlags).filter(
    (name) => !KNOWN.has(name) && name !== 'h' && name !== 'v' && name !== 'noColor',
  );
  if (unknown.length > 0) {
    const flag = argv.find((argument) => argument.startsWith('-') && !isKnownArgument(argument));
    throw new UsageError(`unknown flag ${flag ?? `--${unknown[0]}`} (see --help)`);
  }
  const {flags} = cli;
  if (flags.theme !== undefined && !THEMES.includes(flags.theme)) {
    throw new UsageError(`--theme takes dark, light or mono (got ${flags.theme})`);
  }
  const format = flags.format;
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format takes text, markdown, html or epub (got ${format})`);
  }
  return {
    input: cli.input,
    format: format as Format | undefined,
    to: flags.to === '' ? undefined : flags.to,
    width: parseWidth(flags.width),
    json: flags.json,
    print: flags.print,
    theme: flags.theme,
    color: flags.color,
    fresh: flags.fresh,
    mouse: flags.mouse,
    help: flags.help,
    version: flags.version,
  };
}

function isKnownArgument(argument: string): boolean {
  const name = argument.replace(/^--?(no-)?/, '').split('=')[0]!;
  return KNOWN.has(name) || name === 'h' || name === 'v';
}

function parseWidth(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === '') throw new UsageError('--width needs a number of columns');
  const width = Number(value);
  if (!Number.isInteger(width) || width < MIN_MEASURE) {
    throw new UsageError(
      `--width takes a whole number of columns, at least ${MIN_MEASURE} (got ${value})`,
    );
  }
  return width;
}
