import {describe, expect, it} from 'vitest';
import type {Key} from 'ink';
import {helpRows, intentFor} from '../source/keymap.js';

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
} as Key;

describe('keymap', () => {
  it('maps the page keys of the reading view', () => {
    expect(intentFor('reader', ' ', noKey)).toBe('nextPage');
    expect(intentFor('reader', '', {...noKey, pageDown: true})).toBe('nextPage');
    expect(intentFor('reader', '', {...noKey, rightArrow: true})).toBe('nextPage');
    expect(intentFor('reader', 'b', noKey)).toBe('previousPage');
    expect(intentFor('reader', '', {...noKey, pageUp: true})).toBe('previousPage');
    expect(intentFor('reader', '', {...noKey, leftArrow: true})).toBe('previousPage');
  });

  it('gives q a meaning per view and Ctrl-C everywhere', () => {
    expect(intentFor('reader', 'q', noKey)).toBe('back');
    expect(intentFor('library', 'q', noKey)).toBe('libraryQuit');
    expect(intentFor('reader', 'c', {...noKey, ctrl: true})).toBe('quit');
    expect(intentFor('library', 'c', {...noKey, ctrl: true})).toBe('quit');
    expect(intentFor('reader', 'c', noKey)).toBeUndefined();
  });

  it('describes the keys for the help screen from the same table', () => {
    expect(helpRows('reader')).toContainEqual({keys: 'Space PgDn → l f Ctrl-F', help: 'next page'});
    expect(helpRows('reader').map((row) => row.help)).toContain('search forward');
  });
});
