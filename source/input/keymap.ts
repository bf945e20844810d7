import type {Key, KeyName} from './keys.js';

/**
 * Where a binding applies: the reading view, its quotes list or search prompt, the library,
 * the library's filter prompt, or its prompt for a web page's address.
 */
export type KeyContext =
  | 'reader'
  | 'quotes'
  | 'contents'
  | 'marks'
  | 'links'
  | 'prompt'
  | 'library'
  | 'filter'
  | 'address'
  | 'global';

/** One key: the character typed (with or without Ctrl), a named key, or any digit. */
export type KeySpec =
  | {input: string; ctrl?: boolean; label: string}
  | {key: KeyName; label: string}
  | {digit: true; label: string};

/** A row of the table: what the keys ask for, where, and what the help screen says of it. */
type BindingRow = {intent: string; context: KeyContext; keys: readonly KeySpec[]; help: string};

/** Contexts where characters typed are text (a prompt): their keys are not rebound. */
export const TEXT_CONTEXTS: ReadonlySet<KeyContext> = new Set(['prompt', 'filter', 'address']);

const ctrl = (letter: string): KeySpec => ({
  input: letter,
  ctrl: true,
  label: `Ctrl-${letter.toUpperCase()}`,
});
const char = (input: string, label = input): KeySpec => ({input, label});
const named = (key: KeyName, label: string): KeySpec => ({key, label});

/**
 * The keys of a list over the page (the quotations, the contents): the same moves in each,
 * and each closed by the key that opened it as well as Esc and q.
 */
function panelBindings(
  context: 'quotes' | 'contents' | 'marks' | 'links',
  words: {row: string; choose: string; close: string; closeKey: string},
) {
  return [
    {
      intent: 'panelUp',
      context,
      help: `previous ${words.row}`,
      keys: [named('up', '↑'), char('k')],
    },
    {
      intent: 'panelDown',
      context,
      help: `next ${words.row}`,
      keys: [named('down', '↓'), char('j')],
    },
    {intent: 'panelPageUp', context, help: 'a screenful up', keys: [named('pageUp', 'PgUp')]},
    {intent: 'panelPageDown', context, help: 'a screenful down', keys: [named('pageDown', 'PgDn')]},
    {intent: 'panelChoose', context, help: words.choose, keys: [named('enter', 'Enter')]},
    {
      intent: 'closePanel',
      context,
      help: words.close,
      keys: [named('escape', 'Esc'), char('q'), char(words.closeKey)],
    },
  ] as const satisfies readonly BindingRow[];
}

/**
 * The one table of keys, in the order the help screen lists them. Input handling and the help
 * screen both read it, and the names of intents come from it (see Intent).
 */
const table = [
  {
    intent: 'nextPage',
    context: 'reader',
    help: 'next page',
    keys: [
      char(' ', 'Space'),
      named('pageDown', 'PgDn'),
      named('right', '→'),
      char('l'),
      char('f'),
      ctrl('f'),
    ],
  },
  {
    intent: 'previousPage',
    context: 'reader',
    help: 'previous page',
    keys: [char('b'), named('pageUp', 'PgUp'), named('left', '←'), char('h'), ctrl('b')],
  },
  {
    intent: 'lineDown',
    context: 'reader',
    help: 'scroll a line down',
    keys: [char('j'), named('down', '↓')],
  },
  {
    intent: 'lineUp',
    context: 'reader',
    help: 'scroll a line up',
    keys: [char('k'), named('up', '↑')],
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
    intent: 'openContents',
    context: 'reader',
    help: 'contents: chapters, headings',
    keys: [char('t')],
  },
  {intent: 'nextChapter', context: 'reader', help: 'next chapter', keys: [char('}')]},
  {
    intent: 'previousChapter',
    context: 'reader',
    help: 'start of the chapter; again, the one before',
    keys: [char('{')],
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
  {
    intent: 'cycleTheme',
    context: 'reader',
    help: 'theme: dark, light, mono (remembered)',
    keys: [char('T')],
  },
  {
    intent: 'toggleSpeakers',
    context: 'reader',
    help: 'speakers in the margin, where the paragraph does not name them',
    keys: [char('S')],
  },
  {
    intent: 'setMark',
    context: 'reader',
    help: 'then a letter: mark this place',
    keys: [char('m')],
  },
  {
    intent: 'goToMark',
    context: 'reader',
    help: "then a letter: go to that mark; '' back to before the last jump",
    keys: [char("'")],
  },
  {intent: 'openMarks', context: 'reader', help: 'list of marks', keys: [char('M')]},
  {
    intent: 'openLinks',
    context: 'reader',
    help: 'list of links: Enter reads one here, O opens it in the browser',
    keys: [char('o')],
  },
  {intent: 'toggleHelp', context: 'reader', help: 'this help', keys: [char('?')]},
  {
    intent: 'back',
    context: 'reader',
    help: 'back to the library',
    keys: [char('q'), named('escape', 'Esc')],
  },

  ...panelBindings('quotes', {
    row: 'quotation in the list',
    choose: 'go to the quotation',
    close: 'close the list',
    closeKey: '"',
  }),
  ...panelBindings('contents', {
    row: 'entry',
    choose: 'go to the chapter',
    close: 'close the contents',
    closeKey: 't',
  }),
  ...panelBindings('marks', {
    row: 'mark',
    choose: 'go to the mark',
    close: 'close the marks',
    closeKey: 'M',
  }),
  ...panelBindings('links', {
    row: 'link',
    choose: 'read the page here (q comes back)',
    close: 'close the links',
    closeKey: 'o',
  }),
  {
    intent: 'openOutside',
    context: 'links',
    help: "open the link with the system's opener ($BROWSER, xdg-open)",
    keys: [char('O')],
  },

  {intent: 'promptSubmit', context: 'prompt', help: 'search', keys: [named('enter', 'Enter')]},
  {intent: 'promptCancel', context: 'prompt', help: 'cancel', keys: [named('escape', 'Esc')]},
  {
    intent: 'promptErase',
    context: 'prompt',
    help: 'erase a character',
    keys: [named('backspace', 'Backspace'), named('delete', 'Delete')],
  },

  {
    intent: 'listUp',
    context: 'library',
    help: 'previous article',
    keys: [named('up', '↑'), char('k')],
  },
  {
    intent: 'listDown',
    context: 'library',
    help: 'next article',
    keys: [named('down', '↓'), char('j')],
  },
  {
    intent: 'open',
    context: 'library',
    help: 'open the article',
    keys: [named('enter', 'Enter'), char('l'), named('right', '→')],
  },
  {
    intent: 'listFirst',
    context: 'library',
    help: 'first article',
    keys: [char('g'), named('home', 'Home')],
  },
  {
    intent: 'listLast',
    context: 'library',
    help: 'last article',
    keys: [char('G'), named('end', 'End')],
  },
  {
    intent: 'listPageUp',
    context: 'library',
    help: 'a screenful up',
    keys: [named('pageUp', 'PgUp')],
  },
  {
    intent: 'listPageDown',
    context: 'library',
    help: 'a screenful down',
    keys: [named('pageDown', 'PgDn')],
  },
  {
    intent: 'startFilter',
    context: 'library',
    help: 'filter by title, byline or folder',
    keys: [char('/')],
  },
  {
    intent: 'clearFilter',
    context: 'library',
    help: 'clear the filter',
    keys: [named('escape', 'Esc')],
  },
  {
    intent: 'cycleSort',
    context: 'library',
    help: 'sort: recent, title, length, progress',
    keys: [char('s')],
  },
  {intent: 'rescan', context: 'library', help: 'look for new and removed files', keys: [char('r')]},
  {
    intent: 'addPage',
    context: 'library',
    help: 'add a web page by its address (typed or pasted)',
    keys: [char('a')],
  },
  {intent: 'toggleHelp', context: 'library', help: 'these keys', keys: [char('?')]},
  {intent: 'libraryQuit', context: 'library', help: 'quit', keys: [char('q')]},

  {
    intent: 'openMatch',
    context: 'filter',
    help: 'open the article under the cursor',
    keys: [named('enter', 'Enter')],
  },
  {
    intent: 'filterCancel',
    context: 'filter',
    help: 'clear the filter',
    keys: [named('escape', 'Esc')],
  },
  {
    intent: 'filterErase',
    context: 'filter',
    help: 'erase a letter',
    keys: [named('backspace', 'Backspace'), named('delete', 'Delete')],
  },
  {intent: 'listUp', context: 'filter', help: 'previous match', keys: [named('up', '↑')]},
  {intent: 'listDown', context: 'filter', help: 'next match', keys: [named('down', '↓')]},
  {
    intent: 'listPageUp',
    context: 'filter',
    help: 'a screenful up',
    keys: [named('pageUp', 'PgUp')],
  },
  {
    intent: 'listPageDown',
    context: 'filter',
    help: 'a screenful down',
    keys: [named('pageDown', 'PgDn')],
  },

  {
    intent: 'addressSubmit',
    context: 'address',
    help: 'download and save the page',
    keys: [named('enter', 'Enter')],
  },
  {
    intent: 'addressCancel',
    context: 'address',
    help: 'cancel (or stop the download)',
    keys: [named('escape', 'Esc')],
  },
  {
    intent: 'addressErase',
    context: 'address',
    help: 'erase a character',
    keys: [named('backspace', 'Backspace'), named('delete', 'Delete')],
  },

  {intent: 'quit', context: 'global', help: 'quit', keys: [ctrl('c')]},
] as const satisfies readonly BindingRow[];

/** What a key asks for: one of the intents the table names. */
export type Intent = (typeof table)[number]['intent'];

export type Binding = BindingRow & {intent: Intent};

/** A table of keys: the default one, or the default with the config file's keys bound. */
export type Keymap = readonly Binding[];

/** The keys as they are out of the box. */
export const keymap: Keymap = table;

/** An intent's name in the config file: nextPage is `next-page`. */
export function actionName(intent: Intent): string {
  return intent.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Whether `spec` is the key `key`. */
export function matches(spec: KeySpec, key: Key): boolean {
  // Modifiers do not change a named key's meaning (Shift-PgDn is PgDn).
  if ('key' in spec) return key.kind === 'named' && key.name === spec.key;
  if (key.kind !== 'char') return false;
  if ('digit' in spec) return /^[0-9]$/.test(key.text) && !key.ctrl;
  return key.text === spec.input && Boolean(spec.ctrl) === key.ctrl;
}

/** The intent a key asks for in `context`, or undefined when the key means nothing there. */
export function intentFor(
  context: KeyContext,
  key: Key,
  bindings: Keymap = keymap,
): Intent | undefined {
  for (const binding of bindings) {
    if (binding.context !== context && binding.context !== 'global') continue;
    if (binding.keys.some((spec) => matches(spec, key))) return binding.intent;
  }
  return undefined;
}

/** Help rows for a context: the keys' labels and what they do (with the keys bound everywhere, unless not `global`). */
export function helpRows(
  context: KeyContext,
  {global = true}: {global?: boolean} = {},
  bindings: Keymap = keymap,
): Array<{keys: string; help: string}> {
  return bindings
    .filter((binding) => binding.context === context || (global && binding.context === 'global'))
    .map((binding) => ({
      keys: [...new Set(binding.keys.map((spec) => spec.label))].join(' '),
      help: binding.help,
    }));
}
