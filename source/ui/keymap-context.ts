import {createContext, useContext} from 'react';
import {keymap, type Keymap} from '../input/keymap.js';

/** The keys as bound (the config file's), for the help screens. */
export const KeymapContext = createContext<Keymap>(keymap);

export function useKeymap(): Keymap {
  return useContext(KeymapContext);
}
