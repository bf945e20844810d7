import {describe, expect, it} from 'vitest';
import {char, named} from '../../source/input/keys.js';
import {helpRows, intentFor} from '../../source/input/keymap.js';

describe('keymap', () => {
  it('maps the page keys of the reading view', () => {
    for (const key of [char(' '), named('pageDown'), named('right'), char('l'), char('f')])
      expect(intentFor('reader', key)).toBe('nextPage');
    expect(intentFor('reader', char('f', true))).toBe('nextPage');
    for (const key of [char('b'), named('pageUp'), named('left'), char('h'), char('b', true)])
      expect(intentFor('reader', key)).toBe('previousPage');
    expect(intentFor('reader', char('F'))).toBeUndefined();
  });

  it('gives q a meaning per view and Ctrl-C everywhere', () => {
    expect(intentFor('reader', char('q'))).toBe('back');
    expect(intentFor('library', char('q'))).toBe('libraryQuit');
    expect(intentFor('reader', char('c', true))).toBe('quit');
    expect(intentFor('library', char('c', true))).toBe('quit');
    expect(intentFor('reader', char('c'))).toBeUndefined();
    expect(intentFor('prompt', char('q'))).toBeUndefined();
  });

  it('moves the library list with arrows, j/k, g/G and the page keys', () => {
    expect(intentFor('library', named('down'))).toBe('listDown');
    expect(intentFor('library', char('j'))).toBe('listDown');
    expect(intentFor('library', named('up'))).toBe('listUp');
    expect(intentFor('library', char('k'))).toBe('listUp');
    expect(intentFor('library', char('g'))).toBe('listFirst');
    expect(intentFor('library', char('G'))).toBe('listLast');
    expect(intentFor('library', named('pageDown'))).toBe('listPageDown');
    expect(intentFor('library', named('pageUp'))).toBe('listPageUp');
    for (const key of [named('enter'), char('l'), named('right')])
      expect(intentFor('library', key)).toBe('open');
    // Digits select nothing in the list (ink-select-input's own number keys do not act).
    expect(intentFor('library', char('1'))).toBeUndefined();
  });

  it('describes the keys for the help screen from the same table', () => {
    expect(helpRows('reader')).toContainEqual({keys: 'Space PgDn → l f Ctrl-F', help: 'next page'});
    expect(helpRows('reader').map((row) => row.help)).toContain('search forward');
    // Ctrl-C quits everywhere, so every view's help says so; no view lists another's keys.
    for (const context of ['reader', 'library', 'quotes', 'filter', 'prompt'] as const) {
      expect(helpRows(context)).toContainEqual({keys: 'Ctrl-C', help: 'quit'});
    }
    expect(helpRows('library').map((row) => row.help)).not.toContain('search forward');
  });

  it('takes a digit for a count only when it is one plain digit', () => {
    expect(intentFor('reader', char('7'))).toBe('digit');
    expect(intentFor('reader', char('7', true))).toBeUndefined();
    expect(intentFor('reader', char('7\u20e3'))).toBeUndefined(); // keycap seven: one grapheme
    // The Arabic number sign is a prefix: with the digit after it, one grapheme ending in 7.
    expect(intentFor('reader', char('\u06007'))).toBeUndefined();
  });
});
