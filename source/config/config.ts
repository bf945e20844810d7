import {parseDocument, isMap, isScalar, isSeq, type Node} from 'yaml';
import {MIN_MEASURE} from '../reader/geometry.js';
import type {ThemeName} from '../ui/theme.js';
import type {Rebinding} from '../input/rebind.js';

/** What a config file sets; what it leaves out takes its default. */
export type Settings = {
  theme?: ThemeName;
  /** The widest the text is set, in cells. */
  width?: number;
  /** Reading speed for scripts written with spaces between words. */
  wordsPerMinute?: number;
  /** The folder opened when no PATH is given (`~` is the home folder). */
  library?: string;
  mouse?: boolean;
  /** Actions bound to other keys, in the file's order. */
  keys: Rebinding[];
};

/** What a config file said, and one line for each thing in it that could not be used. */
export type Config = {settings: Settings; problems: ConfigProblem[]};
export type ConfigProblem = {line: number; message: string};

export const MAX_WIDTH = 1000;
export const WORDS_PER_MINUTE_RANGE = [50, 2000] as const;
const THEMES: readonly ThemeName[] = ['dark', 'light', 'mono'];
/** The settings a config file may hold, in the order `broadsheet config` shows them. */
export const SETTING_NAMES = ['theme', 'width', 'words-per-minute', 'library', 'mouse', 'keys'];

/** The line (from 1) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
  }
  return line;
}

/** A scalar's value as written, for messages. */
function shown(node: unknown): string {
  if (isScalar(node)) return JSON.stringify(node.value) ?? String(node.value);
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a map';
  return 'nothing';
}

/**
 * Reads a config file's text. Never throws: YAML that does not parse, a value of the wrong
 * kind or out of range, an unknown setting: each is a problem on its line, and the rest of
 * the file still applies.
 */
export function readConfig(text: string): Config {
  const settings: Settings = {keys: []};
  const problems: ConfigProblem[] = [];
  const document = parseDocument(text, {prettyErrors: false, uniqueKeys: false});
  const at = (node: Node | null | undefined): number =>
    node?.range ? lineAt(text, node.range[0]) : 1;
  // What the parser could not read is said; what it could read still applies.
  for (const error of document.errors) {
    problems.push({
      line: lineAt(text, error.pos[0]),
      message: `not YAML the reader understands: ${error.message.split('\n')[0]}`,
    });
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return {settings, problems}; // an empty file: every default
  }
  if (!isMap(root)) {
    problems.push({line: at(root), message: 'expected settings, one per line (theme: dark)'});
    return {settings, problems};
  }
  const seen = new Map<string, number>();
  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const name = isScalar(keyNode) ? String(keyNode.value) : shown(keyNode);
    const value = pair.value as Node | null;
    const line = at(keyNode);
    const first = seen.get(name);
    if (first !== undefined) {
      problems.push({
        line,
        message: `${name} is set again (first on line ${first}): this one applies`,
      });
    }
    seen.set(name, line);
    const scalar = isScalar(value) ? value.value : undefined;
    const wrong = (expected: string) =>
      problems.push({line, message: `${name} takes ${expected} (got ${shown(value)})`});
    switch (name) {
      case 'theme':
        if (typeof scalar === 'string' && (THEMES as string[]).includes(scalar)) {
          settings.theme = scalar as ThemeName;
        } else wrong(THEMES.join(', ').replace(/, (\w+)$/, ' or $1'));
        break;
      case 'width':
        if (Number.isInteger(scalar) && +scalar! >= MIN_MEASURE && +scalar! <= MAX_WIDTH) {
          settings.width = scalar as number;
        } else wrong(`a whole number of columns from ${MIN_MEASURE} to ${MAX_WIDTH}`);
        break;
      case 'words-per-minute': {
        const [low, high] = WORDS_PER_MINUTE_RANGE;
        if (Number.isInteger(scalar) && +scalar! >= low && +scalar! <= high) {
          settings.wordsPerMinute = scalar as number;
        } else wrong(`a whole number from ${low} to ${high}`);
        break;
      }
      case 'library':
        if (typeof scalar === 'string' && scalar.trim() !== '') settings.library = scalar;
        else wrong('the path of a folder');
        break;
      case 'mouse':
        if (typeof scalar === 'boolean') settings.mouse = scalar;
        else wrong('true or false');
        break;
      case 'keys':
        if (!isMap(value)) {
          wrong('actions and their keys (next-page: [space, x])');
          break;
        }
        for (const binding of value.items) {
          const action = binding.key as Node;
          const keys = binding.value as Node | null;
          settings.keys.push({
            action: isScalar(action) ? String(action.value) : shown(action),
            keys: isSeq(keys)
              ? keys.items.map((item) => (isScalar(item) ? keyText(item.value) : item))
              : isScalar(keys)
                ? keyText(keys.value)
                : keys,
            line: at(action),
          });
        }
        break;
      default:
        problems.push({
          line,
          message: `unknown setting ${JSON.stringify(name)} (expected ${SETTING_NAMES.join(', ')})`,
        });
    }
  }
  return {settings, problems};
}

/** A key as YAML read it: `1` and `true` are strings to the keymap (it says what is wrong). */
function keyText(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}
