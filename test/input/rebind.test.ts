import {describe, expect, it} from 'vitest';
import {intentFor, keymap} from '../../source/input/keymap.js';
import {actionNames, keySpecOf, rebind} from '../../source/input/rebind.js';
import {char, named} from '../../source/input/keys.js';

const bind = (action: string, keys: unknown, line = 1) => rebind(keymap, [{action, keys, line}]);

describe('keys named in a config file', () => {
  it('reads characters, space, named keys in any case, and Ctrl with a letter', () => {
    expect(keySpecOf('x')).toEqual({input: 'x', label: 'x'});
    expect(keySpecOf('夜')).toEqual({input: '夜', label: '夜'});
    expect(keySpecOf('space')).toEqual({input: ' ', label: 'Space'});
    expect(keySpecOf(' ')).toEqual({input: ' ', label: 'Space'});
    expect(keySpecOf('PgDn')).toEqual({key: 'pageDown', label: 'PgDn'});
    expect(keySpecOf('ESC')).toEqual({key: 'escape', label: 'Esc'});
    expect(keySpecOf('ctrl-F')).toEqual({input: 'f', ctrl: true, label: 'Ctrl-F'});
    expect(keySpecOf('c-d')).toEqual({input: 'd', ctrl: true, label: 'Ctrl-D'});
    expect(keySpecOf('^b')).toEqual({input: 'b', ctrl: true, label: 'Ctrl-B'});
  });

  it('says why a name is not a key', () => {
    expect(keySpecOf('hyper')).toMatch(/^unknown key "hyper"/);
    expect(keySpecOf('ctrl-1')).toBe('Ctrl goes with a letter (got ctrl-1)');
    expect(keySpecOf('7')).toMatch(/^digits are counts/);
    expect(keySpecOf('\u001B')).toBe('not a key: a control character');
    expect(keySpecOf('')).toMatch(/^unknown key ""/);
  });
});

describe('rebinding the keymap', () => {
  it('binds an action to the keys given, instead of its own', () => {
    const {keymap: bound, problems} = bind('next-page', ['space', 'x']);
    expect(problems).toEqual([]);
    expect(intentFor('reader', char('x'), bound)).toBe('nextPage');
    expect(intentFor('reader', char(' '), bound)).toBe('nextPage');
    expect(intentFor('reader', char('f'), bound)).toBeUndefined();
    expect(intentFor('reader', named('pageDown'), bound)).toBeUndefined();
    // The default keymap is not changed.
    expect(intentFor('reader', char('f'))).toBe('nextPage');
  });

  it('takes a key from the action that had it, in the views the new action has keys in', () => {
    const {keymap: bound} = bind('next-page', 'j');
    expect(intentFor('reader', char('j'), bound)).toBe('nextPage');
    expect(intentFor('reader', named('down'), bound)).toBe('lineDown');
    // The lists keep j: next-page has no keys there.
    expect(intentFor('library', char('j'), bound)).toBe('listDown');
    expect(intentFor('quotes', char('j'), bound)).toBe('panelDown');
  });

  it('rebinds an action in every view it has keys in, but never the prompts', () => {
    const {keymap: bound} = bind('list-down', ['n', 'down']);
    expect(intentFor('library', char('n'), bound)).toBe('listDown');
    expect(intentFor('library', char('j'), bound)).toBeUndefined();
    // In the filter prompt a letter is text, and ↓ is still the next match.
    expect(intentFor('filter', char('n'), bound)).toBeUndefined();
    expect(intentFor('filter', named('down'), bound)).toBe('listDown');
  });

  it('keeps Ctrl-C for quit, whatever quit is bound to', () => {
    const {keymap: bound, problems} = bind('quit', 'ctrl-q');
    expect(problems).toEqual([]);
    expect(intentFor('reader', char('q', true), bound)).toBe('quit');
    expect(intentFor('library', char('c', true), bound)).toBe('quit');
    expect(bind('back', ['ctrl-c']).problems).toEqual([
      {line: 1, message: 'Ctrl-C always quits: it cannot be bound to back'},
    ]);
  });

  it('refuses an unknown action, a key given twice, no key, or not a list of keys', () => {
    const {keymap: bound, problems} = rebind(keymap, [
      {action: 'next-page', keys: ['x'], line: 2},
      {action: 'previous-page', keys: ['x', 'y'], line: 3},
      {action: 'teleport', keys: 'z', line: 4},
      {action: 'wider', keys: [], line: 5},
      {action: 'narrower', keys: [1, 2], line: 6},
      {action: 'digit', keys: 'z', line: 7},
    ]);
    expect(problems).toEqual([
      {
        line: 3,
        message: 'x is bound to both next-page and previous-page: previous-page keeps its own keys',
      },
      {line: 4, message: 'unknown action "teleport" (see broadsheet config)'},
      {line: 5, message: 'wider is bound to no key: its own keys are kept'},
      {line: 6, message: 'narrower takes a key or a list of keys'},
      {line: 7, message: 'unknown action "digit" (see broadsheet config)'},
    ]);
    expect(intentFor('reader', char('b'), bound)).toBe('previousPage');
    expect(intentFor('reader', char('y'), bound)).toBeUndefined();
    expect(intentFor('reader', char('+'), bound)).toBe('wider');
  });

  it('names every action of the keymap, but the count', () => {
    const names = actionNames(keymap);
    expect(names).toContain('next-page');
    expect(names).toContain('set-mark');
    expect(names).toContain('library-quit');
    expect(names).not.toContain('digit');
    expect(new Set(names).size).toBe(names.length);
  });
});
