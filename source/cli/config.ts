import {actionName, TEXT_CONTEXTS, type Keymap} from '../input/keymap.js';
import {shortPath, type LoadedConfig} from '../config/config-file.js';
import {WORDS_PER_MINUTE} from '../text/reading-time.js';
import {DEFAULT_MEASURE} from '../reader/geometry.js';
import {libraryDirectory} from '../system/folders.js';

/** The settings in force, each with where it comes from. */
export type InForce = {
  theme: {value: string; from: string};
  width: {value: number; from: string};
  wordsPerMinute: {value: number; from: string};
  library: {value: string; from: string};
  mouse: {value: boolean; from: string};
};

/** A setting from the flag if given, else the config file, else its default. */
function setting<T>(flag: T | undefined, flagName: string, configured: T | undefined, fallback: T) {
  if (flag !== undefined) return {value: flag, from: flagName};
  if (configured !== undefined) return {value: configured, from: 'config file'};
  return {value: fallback, from: 'default'};
}

/** What applies, once flags, the environment and the config file have each had their say. */
export function settingsInForce(
  config: LoadedConfig,
  flags: {theme: {name: string}; themeFrom: string; width?: number; mouse?: boolean},
  env: NodeJS.ProcessEnv = process.env,
): InForce {
  const {settings} = config;
  const library = env['BROADSHEET_DIR'] || undefined;
  return {
    theme: {value: flags.theme.name, from: flags.themeFrom},
    width: setting(flags.width, '--width', settings.width, DEFAULT_MEASURE),
    wordsPerMinute: setting(undefined, '', settings.wordsPerMinute, WORDS_PER_MINUTE),
    library: library
      ? {value: library, from: '$BROADSHEET_DIR'}
      : setting(undefined, '', settings.library, libraryDirectory(env)),
    mouse: setting(flags.mouse, flags.mouse ? '--mouse' : '--no-mouse', settings.mouse, false),
  };
}

/** Each action the keys can be bound to, and its keys as bound (outside the prompts). */
function actions(bindings: Keymap): Array<[string, string]> {
  const keys = new Map<string, string[]>();
  for (const binding of bindings) {
    if (TEXT_CONTEXTS.has(binding.context) || binding.intent === 'digit') continue;
    const name = actionName(binding.intent);
    const labels = keys.get(name) ?? [];
    for (const spec of binding.keys) if (!labels.includes(spec.label)) labels.push(spec.label);
    keys.set(name, labels);
  }
  return [...keys].map(([name, labels]) => [name, labels.join(' ')]);
}

/** `broadsheet config [--json]`: where the file is, the settings in force, what is wrong. */
export function printConfig(config: LoadedConfig, inForce: InForce, json: boolean): void {
  const keys = actions(config.keymap);
  if (json) {
    const values = Object.fromEntries(
      Object.entries(inForce).map(([name, {value, from}]) => [name, {value, from}]),
    );
    process.stdout.write(
      JSON.stringify(
        {
          file: config.file,
          found: config.found,
          ...values,
          keys: Object.fromEntries(keys),
          problems: config.problems,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    const lines = [
      `config file: ${shortPath(config.file)}${config.found ? '' : ' (none: the defaults apply)'}`,
      ...config.problems.map((problem) => `problem: ${problem}`),
      '',
      `theme: ${inForce.theme.value}  (${inForce.theme.from})`,
      `width: ${inForce.width.value}  (${inForce.width.from})`,
      `words-per-minute: ${inForce.wordsPerMinute.value}  (${inForce.wordsPerMinute.from})`,
      `library: ${shortPath(inForce.library.value)}  (${inForce.library.from})`,
      `mouse: ${inForce.mouse.value}  (${inForce.mouse.from})`,
      'keys:',
      ...keys.map(([name, labels]) => `  ${name}: ${labels}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  if (config.problems.length > 0) process.exitCode = 1;
}
