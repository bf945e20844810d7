import {promptText, type Key} from '../input/keys.js';
import {intentFor, keymap, type Keymap} from '../input/keymap.js';
import type {ReaderAction, ReaderState} from './reader-reducer.js';

/** What a key asks of the reading view: a change to the reader, or of the app around it. */
export type ReaderCommand =
  | ReaderAction
  | {type: 'back'}
  | {type: 'quit'}
  | {type: 'nextArticle'}
  | {type: 'previousArticle'}
  /** T: the next theme (the app's, not the reader's). */
  | {type: 'cycleTheme'}
  /** Enter on a link: read it here (a web page, or an article of the library). */
  | {type: 'followLink'}
  /** O on a link: hand it to the system's opener. */
  | {type: 'openOutside'};

/** The key's meaning in the reading view as it stands: prompt, help, quotations list or page. */
export function readerCommand(
  state: ReaderState,
  key: Key,
  keys: Keymap = keymap,
): ReaderCommand | undefined {
  // The mouse is the app's to read (see mouseKey), never a key.
  if (key.kind === 'mouse') return undefined;
  if (state.prompt !== undefined) {
    if (key.kind === 'paste') return {type: 'promptType', text: promptText(key.text)};
    const intent = intentFor('prompt', key, keys);
    if (intent === 'promptSubmit') return {type: 'promptSubmit'};
    if (intent === 'promptCancel') return {type: 'promptCancel'};
    if (intent === 'promptErase') return {type: 'promptErase'};
    if (intent === 'quit') return {type: 'quit'};
    if (key.kind === 'char' && !key.ctrl && promptText(key.text) !== '')
      return {type: 'promptType', text: promptText(key.text)};
    return undefined;
  }
  // A paste is text, never commands: only a prompt takes it.
  if (key.kind === 'paste') return {type: 'notify', message: 'paste ignored: / opens the search'};
  if (state.help) {
    if (intentFor('reader', key, keys) === 'quit') return {type: 'quit'};
    return {type: 'toggleHelp'}; // any key closes the help
  }
  // After m or ': the letter of the mark (any other key lets it go).
  if (state.markKey) {
    if (intentFor('reader', key, keys) === 'quit') return {type: 'quit'};
    return {type: 'markLetter', letter: key.kind === 'char' && !key.ctrl ? key.text : undefined};
  }
  if (state.panel) {
    const rows = Math.max(1, state.geometry.height);
    switch (intentFor(state.panel.kind, key, keys)) {
      case 'panelUp':
        return {type: 'panelMove', by: -1};
      case 'panelDown':
        return {type: 'panelMove', by: 1};
      case 'panelPageUp':
        return {type: 'panelMove', by: -rows};
      case 'panelPageDown':
        return {type: 'panelMove', by: rows};
      case 'panelChoose':
        return state.panel.kind === 'links' ? {type: 'followLink'} : {type: 'panelChoose'};
      case 'openOutside':
        return {type: 'openOutside'};
      case 'closePanel':
        return {type: 'closePanel'};
      case 'quit':
        return {type: 'quit'};
      default:
        return undefined;
    }
  }
  const intent = intentFor('reader', key, keys);
  switch (intent) {
    case undefined:
      return undefined;
    case 'digit':
      return {type: 'digit', digit: key.kind === 'char' ? key.text : '0'};
    case 'back':
    case 'quit':
    case 'nextArticle':
    case 'previousArticle':
    case 'cycleTheme':
      return {type: intent};
    default:
      return {type: intent} as ReaderAction;
  }
}
