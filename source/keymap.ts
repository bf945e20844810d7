import type {Key} from 'ink';

/** What a key asks for. Input handling and the help screen both read the table below. */
export type Intent =
  | 'nextPage'
  | 'previousPage'
  | 'lineDown'
  | 'lineUp'
  | 'halfDown'
  | 'halfUp'
  | 'firstPage'
  | 'lastPage'
  | 'digit'
  | 'percent'
  | 'openSearch'
  | 'nextHit'
  | 'previousHit'
  | 'nextQuote'
  | 'previousQuote'
  | 'openQuotes'
  | 'nextArticle'
  | 'previousArticle'
  | 'narrower'
  | 'wider'
  | 'fullMeasure'
  | 'toggleHelp'
  | 'back'
  | 'quit'
  | 'open'
  | 'libraryQuit'
  | 'closeQuotes'
  | 'panelUp'
  | 'panelDown'
  | 'panelPageUp'
  | 'panelPageDown'
  | 'panelChoose'
  | 'promptSubmit'
  | 'promptCancel'
  | 'promptErase';

/** Where a binding applies: the reading view, its quotes list or search prompt, the library. */
export type KeyContext = 'reader' | 'quotes' | 'prompt' | 'library' | 'global';

type NamedKey = Exclude<
  keyof Key,
  'ctrl' | 'shift' | 'meta' | 'super' | 'hyper' | 'capsLock' | 'numLock'
>;

/** One key: the character typed (with or without Ctrl), a named Ink key, or any digit. */
type KeySpec =
  | {input: string; ctrl?: boolean; label: string}
  | {key: NamedKey; label: string}
  | {digit: true; label: string};

export type Binding = {intent: Intent; context: KeyContext; keys: KeySpec[]; help: string};

const ctrl = (letter: string): KeySpec => ({
  input: letter,
  ctrl: true,
  label: `Ctrl-${letter.toUpperCase()}`,
});
const char = (input: string, label = input): KeySpec => ({input, label});
const named = (key: NamedKey, label: string): KeySpec => ({key, label});

/** The one table of keys, in the order the help screen lists them. */
export const keymap: Binding[] = [
  {
    intent: 'nextPage',
    context: 'reader',
    help: 'next page',
    keys: [
      char(' ', 'Space'),
      named('pageDown', 'PgDn'),
      named('rightArrow', '→'),
      char('l'),
      char('f'),
      ctrl('f'),
    ],
  },
  {
    intent: 'previousPage',
    context: 'reader',
    help: 'previous page',
    keys: [char('b'), named('pageUp', 'PgUp'), named('leftArrow', '←'), char('h'), ctrl('b')],
  },
  {
    intent: 'lineDown',
    context: 'reader',
    help: 'scroll a line down',
    keys: [char('j'), named('downArrow', '↓')],
  },
  {
    intent: 'lineUp',
    context: 'reader',
    help: 'scroll a line up',
    keys: [char('k'), named('upArrow', '↑')],
  },
  {intent: 'halfDown', context: 'reader', help: 'half a page down', keys: [char('d')]},
  {intent: 'halfUp', context: 'reader', help: 'half a page up', keys: [char('u')]},
  {
    intent: 'firstPage',
    context: 'reader',
    help: 'first page; after a count, page N',
    keys: [char('g'), named('home', 'Home')],
  },
  {
    intent: 'lastPage',
    context: 'reader',
    help: 'last page',
    keys: [char('G'), named('end', 'End')],
  },
  {
    intent: 'digit',
    context: 'reader',
    help: 'count for the next key (12g, 5j)',
    keys: [{digit: true, label: '0-9'}],
  },
  {intent: 'percent', context: 'reader', help: 'after a count: go to that %', keys: [char('%')]},
  {intent: 'openSearch', context: 'reader', help: 'search forward', keys: [char('/')]},
  {intent: 'nextHit', context: 'reader', help: 'next search hit', keys: [char('n')]},
  {intent: 'previousHit', context: 'reader', help: 'previous search hit', keys: [char('N')]},
  {intent: 'nextQuote', context: 'reader', help: 'next quotation', keys: [char(']')]},
  {intent: 'previousQuote', context: 'reader', help: 'previous quotation', keys: [char('[')]},
  {
    intent: 'openQuotes',
    context: 'reader',
    help: 'list of quotations',
    keys: [char('"')],
  },
  {
    intent: 'nextArticle',
    context: 'reader',
    help: 'next article',
    keys: [char('J')],
  },
  {
    intent: 'previousArticle',
    context: 'reader',
    help: 'previous article',
    keys: [char('K')],
  },
  {intent: 'narrower', context: 'reader', help: 'narrower measure', keys: [char('-')]},
  {intent: 'wider', context: 'reader', help: 'wider measure', keys: [char('+')]},
  {
    intent: 'fullMeasure',
    context: 'reader',
    help: 'full width / default width',
    keys: [char('=')],
  },
  {intent: 'toggleHelp', context: 'reader', help: 'this help', keys: [char('?')]},
  {
    intent: 'back',
    context: 'reader',
    help: 'back to the library',
    keys: [char('q'), named('escape', 'Esc')],
  },

  {
    intent: 'panelUp',
    context: 'quotes',
    help: 'previous quotation in the list',
    keys: [named('upArrow', '↑'), char('k')],
  },
  {
    intent: 'panelDown',
    context: 'quotes',
    help: 'next quotation in the list',
    keys: [named('downArrow', '↓'), char('j')],
  },
  {
    intent: 'panelPageUp',
    context: 'quotes',
    help: 'a screenful up',
    keys: [named('pageUp', 'PgUp')],
  },
  {
    intent: 'panelPageDown',
    context: 'quotes',
    help: 'a screenful down',
    keys: [named('pageDown', 'PgDn')],
  },
  {
    intent: 'panelChoose',
    context: 'quotes',
    help: 'go to the quotation',
    keys: [named('return', 'Enter')],
  },
  {
    intent: 'closeQuotes',
    context: 'quotes',
    help: 'close the list',
    keys: [named('escape', 'Esc'), char('q'), char('"')],
  },

  {intent: 'promptSubmit', context: 'prompt', help: 'search', keys: [named('return', 'Enter')]},
  {intent: 'promptCancel', context: 'prompt', help: 'cancel', keys: [named('escape', 'Esc')]},
  {
    intent: 'promptErase',
    context: 'prompt',
    help: 'erase a character',
    keys: [named('backspace', 'Backspace'), named('delete', 'Backspace')],
  },

  {intent: 'open', context: 'library', help: 'open the article', keys: [named('return', 'Enter')]},
  {intent: 'libraryQuit', context: 'library', help: 'quit', keys: [char('q')]},

  {intent: 'quit', context: 'global', help: 'quit', keys: [ctrl('c')]},
];

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if ('key' in spec) return key[spec.key] === true;
  if ('digit' in spec) return /^[0-9]$/.test(input) && !key.ctrl && !key.meta;
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
      keys: [...new Set(binding.keys.map((spec) => spec.label))].join(' '),
      help: binding.help,
    }));
}
