import type {Key} from 'ink';

/** What a key asks for. Input handling and the help screen both read the table below. */
export type Intent =
  | 'nextPage'
  | 'previousPage'
  | 'back'
  | 'quit'
  | 'open'
  | 'libraryQuit'
  | 'narrower'
  | 'wider'
  | 'fullMeasure'
  | 'nextQuote'
  | 'previousQuote'
  | 'openQuotes'
  | 'closeQuotes'
  | 'panelUp'
  | 'panelDown'
  | 'panelPageUp'
  | 'panelPageDown'
  | 'panelChoose';

/** Where a binding applies. */
export type KeyContext = 'reader' | 'library' | 'quotes' | 'global';

/** One key: the character typed, or a named Ink key, with an optional Ctrl. */
type KeySpec =
  | {input: string; ctrl?: boolean; label: string}
  | {key: Exclude<keyof Key, 'ctrl' | 'shift' | 'meta' | 'super' | 'hyper'>; label: string};

export type Binding = {intent: Intent; context: KeyContext; keys: KeySpec[]; help: string};

/** The one table of keys. */
export const keymap: Binding[] = [
  {
    intent: 'nextPage',
    context: 'reader',
    help: 'next page',
    keys: [
      {input: ' ', label: 'Space'},
      {key: 'pageDown', label: 'PgDn'},
      {key: 'rightArrow', label: '→'},
    ],
  },
  {
    intent: 'previousPage',
    context: 'reader',
    help: 'previous page',
    keys: [
      {input: 'b', label: 'b'},
      {key: 'pageUp', label: 'PgUp'},
      {key: 'leftArrow', label: '←'},
    ],
  },
  {
    intent: 'narrower',
    context: 'reader',
    help: 'narrower measure',
    keys: [{input: '-', label: '-'}],
  },
  {
    intent: 'wider',
    context: 'reader',
    help: 'wider measure',
    keys: [{input: '+', label: '+'}],
  },
  {
    intent: 'fullMeasure',
    context: 'reader',
    help: 'full width / default measure',
    keys: [{input: '=', label: '='}],
  },
  {
    intent: 'nextQuote',
    context: 'reader',
    help: 'next quotation',
    keys: [{input: ']', label: ']'}],
  },
  {
    intent: 'previousQuote',
    context: 'reader',
    help: 'previous quotation',
    keys: [{input: '[', label: '['}],
  },
  {
    intent: 'openQuotes',
    context: 'reader',
    help: "list of the article's quotations",
    keys: [{input: '"', label: '"'}],
  },
  {
    intent: 'panelUp',
    context: 'quotes',
    help: 'previous quotation in the list',
    keys: [
      {key: 'upArrow', label: '↑'},
      {input: 'k', label: 'k'},
    ],
  },
  {
    intent: 'panelDown',
    context: 'quotes',
    help: 'next quotation in the list',
    keys: [
      {key: 'downArrow', label: '↓'},
      {input: 'j', label: 'j'},
    ],
  },
  {
    intent: 'panelPageUp',
    context: 'quotes',
    help: 'a screenful up',
    keys: [{key: 'pageUp', label: 'PgUp'}],
  },
  {
    intent: 'panelPageDown',
    context: 'quotes',
    help: 'a screenful down',
    keys: [{key: 'pageDown', label: 'PgDn'}],
  },
  {
    intent: 'panelChoose',
    context: 'quotes',
    help: 'go to the quotation',
    keys: [{key: 'return', label: 'Enter'}],
  },
  {
    intent: 'closeQuotes',
    context: 'quotes',
    help: 'close the list',
    keys: [
      {key: 'escape', label: 'Esc'},
      {input: 'q', label: 'q'},
      {input: '"', label: '"'},
    ],
  },
  {
    intent: 'back',
    context: 'reader',
    help: 'back to the library',
    keys: [{input: 'q', label: 'q'}],
  },
  {
    intent: 'open',
    context: 'library',
    help: 'open the article',
    keys: [{key: 'return', label: 'Enter'}],
  },
  {
    intent: 'libraryQuit',
    context: 'library',
    help: 'quit',
    keys: [{input: 'q', label: 'q'}],
  },
  {
    intent: 'quit',
    context: 'global',
    help: 'quit',
    keys: [{input: 'c', ctrl: true, label: 'Ctrl-C'}],
  },
];

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if ('key' in spec) return key[spec.key] === true;
  return input === spec.input && Boolean(spec.ctrl) === key.ctrl;
}

/** The intent a keypress asks for in `context`, or undefined when the key means nothing there. */
export function intentFor(context: KeyContext, input: string, key: Key): Intent | undefined {
  for (const binding of keymap) {
    if (binding.context !== context && binding.context !== 'global') continue;
    if (binding.keys.some((spec) => matches(spec, input, key))) return binding.intent;
  }
  return undefined;
}

/** Help rows for a context: the keys' labels and what they do. */
export function helpRows(context: KeyContext): Array<{keys: string; help: string}> {
  return keymap
    .filter((binding) => binding.context === context || binding.context === 'global')
    .map((binding) => ({
      keys: binding.keys.map((spec) => spec.label).join(' '),
      help: binding.help,
    }));
}
