import type {KeyName} from './keys.js';
import {
  actionName,
  TEXT_CONTEXTS,
  type Binding,
  type Intent,
  type Keymap,
  type KeySpec,
} from './keymap.js';

/** Names of the keys that are not text, as a config file writes them (any case). */
const NAMES: Record<string, {key: KeyName; label: string}> = {
  up: {key: 'up', label: '↑'},
  down: {key: 'down', label: '↓'},
  left: {key: 'left', label: '←'},
  right: {key: 'right', label: '→'},
  pageup: {key: 'pageUp', label: 'PgUp'},
  pgup: {key: 'pageUp', label: 'PgUp'},
  pagedown: {key: 'pageDown', label: 'PgDn'},
  pgdn: {key: 'pageDown', label: 'PgDn'},
  home: {key: 'home', label: 'Home'},
  end: {key: 'end', label: 'End'},
  insert: {key: 'insert', label: 'Insert'},
  delete: {key: 'delete', label: 'Delete'},
  enter: {key: 'enter', label: 'Enter'},
  return: {key: 'enter', label: 'Enter'},
  esc: {key: 'escape', label: 'Esc'},
  escape: {key: 'escape', label: 'Esc'},
  backspace: {key: 'backspace', label: 'Backspace'},
  tab: {key: 'tab', label: 'Tab'},
};

/** The key names a config file may use, for the message that says one was not understood. */
export const KEY_NAMES_HELP = 'a character, space, a named key (enter, esc, up, pgdn…) or ctrl-x';

/**
 * The key a config file names: one character (`x`, `G`, `%`), `space`, a named key (`pgdn`,
 * `enter`), or a letter with Ctrl (`ctrl-f`, `c-f`, `^f`); a string saying why not otherwise.
 */
export function keySpecOf(name: string): KeySpec | string {
  if (name === ' ' || name.toLowerCase() === 'space') return {input: ' ', label: 'Space'};
  const ctrl = /^(?:ctrl-|c-|\^)(.)$/i.exec(name);
  if (ctrl) {
    const letter = ctrl[1]!.toLowerCase();
    if (!/[a-z]/.test(letter)) return `Ctrl goes with a letter (got ${name})`;
    return {input: letter, ctrl: true, label: `Ctrl-${letter.toUpperCase()}`};
  }
  if ([...name].length === 1) {
    if (/[0-9]/.test(name)) return `digits are counts (12g) and cannot be bound (got ${name})`;
    if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return `not a key: a control character`;
    return {input: name, label: name};
  }
  const named = NAMES[name.toLowerCase()];
  if (named) return {...named};
  return `unknown key ${JSON.stringify(name)} (expected ${KEY_NAMES_HELP})`;
}

/** The same key, whatever it is labelled. */
function sameKey(a: KeySpec, b: KeySpec): boolean {
  if ('key' in a) return 'key' in b && a.key === b.key;
  if ('digit' in a) return 'digit' in b;
  return 'input' in b && a.input === b.input && Boolean(a.ctrl) === Boolean(b.ctrl);
}

/** One action's keys as the config file gives them, and the line it gives them on. */
export type Rebinding = {action: string; keys: unknown; line: number};
export type RebindProblem = {line: number; message: string};

/** The intent each action name stands for. */
function intentsByAction(bindings: Keymap): Map<string, Intent> {
  const found = new Map<string, Intent>();
  for (const binding of bindings) {
    if (binding.intent === 'digit') continue;
    found.set(actionName(binding.intent), binding.intent);
  }
  return found;
}

/** The actions a config file may bind, for the message that says one was not understood. */
export function actionNames(bindings: Keymap): string[] {
  return [...intentsByAction(bindings).keys()];
}

/**
 * The keymap with the config file's keys: each action named is bound to the keys given
 * (instead of its own), in every view it has keys in but the prompts (where characters are
 * text). A key taken by an action is taken from the others in those views. An unknown
 * action, a key not understood, an action bound to no key, or a key given to two actions
 * is a problem on its line, and that action keeps its own keys.
 */
export function rebind(
  bindings: Keymap,
  wanted: readonly Rebinding[],
): {keymap: Keymap; problems: RebindProblem[]} {
  const problems: RebindProblem[] = [];
  const actions = intentsByAction(bindings);
  const chosen = new Map<Intent, KeySpec[]>();
  const claimed: Array<{spec: KeySpec; action: string}> = [];
  for (const {action, keys, line} of wanted) {
    const intent = actions.get(action);
    if (!intent) {
      problems.push({
        line,
        message: `unknown action ${JSON.stringify(action)} (see broadsheet config)`,
      });
      continue;
    }
    const names = typeof keys === 'string' ? [keys] : keys;
    if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
      problems.push({line, message: `${action} takes a key or a list of keys`});
      continue;
    }
    if (names.length === 0) {
      problems.push({line, message: `${action} is bound to no key: its own keys are kept`});
      continue;
    }
    const specs: KeySpec[] = [];
    let bad: string | undefined;
    for (const name of names as string[]) {
      const spec = keySpecOf(name);
      if (typeof spec === 'string') {
        bad = `${action}: ${spec}`;
        break;
      }
      if ('input' in spec && spec.ctrl && spec.input === 'c' && intent !== 'quit') {
        bad = `Ctrl-C always quits: it cannot be bound to ${action}`;
        break;
      }
      const twice = claimed.find((other) => sameKey(other.spec, spec));
      if (twice && twice.action !== action) {
        bad = `${name} is bound to both ${twice.action} and ${action}: ${action} keeps its own keys`;
        break;
      }
      if (!specs.some((other) => sameKey(other, spec))) specs.push(spec);
    }
    if (bad) {
      problems.push({line, message: bad});
      continue;
    }
    // However quit is bound, Ctrl-C quits too.
    if (
      intent === 'quit' &&
      !specs.some((spec) => 'input' in spec && spec.ctrl && spec.input === 'c')
    ) {
      specs.push({input: 'c', ctrl: true, label: 'Ctrl-C'});
    }
    for (const spec of specs) claimed.push({spec, action});
    chosen.set(intent, specs);
  }
  if (chosen.size === 0) return {keymap: bindings, problems};
  // The views each rebound key is taken in: those its action has keys in.
  const takenIn = new Map<KeySpec, Set<string>>();
  for (const binding of bindings) {
    const specs = chosen.get(binding.intent);
    if (!specs || TEXT_CONTEXTS.has(binding.context)) continue;
    for (const spec of specs) {
      const contexts = takenIn.get(spec) ?? new Set<string>();
      contexts.add(binding.context);
      takenIn.set(spec, contexts);
    }
  }
  const isTaken = (spec: KeySpec, context: string) =>
    [...takenIn].some(
      ([taken, contexts]) =>
        sameKey(taken, spec) &&
        (contexts.has(context) || contexts.has('global') || context === 'global'),
    );
  const keymap: Binding[] = bindings.map((binding) => {
    if (TEXT_CONTEXTS.has(binding.context)) return binding;
    const specs = chosen.get(binding.intent);
    if (specs) return {...binding, keys: specs};
    const kept = binding.keys.filter((spec) => !isTaken(spec, binding.context));
    return kept.length === binding.keys.length ? binding : {...binding, keys: kept};
  });
  return {keymap, problems};
}
