// The config file's values at their bounds, and what its messages show (found by mutation
// testing).
import {describe, expect, it} from 'vitest';
import {readConfig} from '../../source/config/config.js';
import {keymap, intentFor} from '../../source/input/keymap.js';
import {rebind} from '../../source/input/rebind.js';
import {char, named} from '../../source/input/keys.js';

const settingsOf = (text: string) => readConfig(text).settings;
const messagesOf = (text: string) => readConfig(text).problems.map((problem) => problem.message);

describe('config values at their bounds', () => {
  it('takes widths from 20 to 1000 and speeds from 50 to 2000, and no further', () => {
    expect(settingsOf('width: 20').width).toBe(20);
    expect(settingsOf('width: 1000').width).toBe(1000);
    expect(settingsOf('width: 19').width).toBeUndefined();
    expect(settingsOf('width: 1001').width).toBeUndefined();
    expect(settingsOf('width: "40"').width).toBeUndefined();
    expect(settingsOf('words-per-minute: 50').wordsPerMinute).toBe(50);
    expect(settingsOf('words-per-minute: 2000').wordsPerMinute).toBe(2000);
    expect(settingsOf('words-per-minute: 49').wordsPerMinute).toBeUndefined();
    expect(settingsOf('words-per-minute: 2001').wordsPerMinute).toBeUndefined();
    expect(settingsOf('words-per-minute: -300').wordsPerMinute).toBeUndefined();
    expect(settingsOf('words-per-minute: 250.5').wordsPerMinute).toBeUndefined();
  });

  it('says what it got: a list, a map, nothing, or the value', () => {
    expect(messagesOf('width: [1, 2]')).toEqual([
      'width takes a whole number of columns from 20 to 1000 (got a list)',
    ]);
    expect(messagesOf('theme: {a: 1}')).toEqual(['theme takes dark, light or mono (got a map)']);
    expect(messagesOf('mouse:')).toEqual(['mouse takes true or false (got null)']);
    expect(messagesOf('library: "   "')).toEqual([
      'library takes the path of a folder (got "   ")',
    ]);
    expect(messagesOf('theme: dark\n\n\nwidth: 3').length).toBe(1);
    expect(readConfig('theme: dark\n\n\nwidth: 3').problems[0]!.line).toBe(4);
    expect(readConfig('\nwidth: 3').problems[0]!.line).toBe(2);
    expect(readConfig('width: 3').problems[0]!.line).toBe(1);
  });

  it('reads an empty document, a document of null, and one of text, for what they are', () => {
    expect(readConfig('~')).toEqual({settings: {keys: []}, problems: []});
    expect(readConfig('""')).toEqual({settings: {keys: []}, problems: []});
    expect(messagesOf('just some words')).toEqual([
      'expected settings, one per line (theme: dark)',
    ]);
    expect(messagesOf('theme: "dark')[0]).toMatch(/^not YAML the reader understands: \S/);
  });

  it('reads keys YAML takes for numbers or booleans as the keys they name', () => {
    const {keys} = settingsOf('keys:\n  next-page: [true, 1.5]\n  back: 7\n');
    expect(keys).toEqual([
      {action: 'next-page', keys: ['true', '1.5'], line: 2},
      {action: 'back', keys: '7', line: 3},
    ]);
    expect(settingsOf('keys:\n  next-page: {a: 1}\n').keys[0]!.keys).not.toBeTypeOf('string');
  });
});

describe('rebinding at its edges', () => {
  it('tells named keys and Ctrl keys apart from characters', () => {
    const {keymap: bound, problems} = rebind(keymap, [
      {action: 'next-page', keys: ['pgdn', 'ctrl-n'], line: 1},
      {action: 'previous-page', keys: ['n', 'pgup'], line: 2},
    ]);
    expect(problems).toEqual([]);
    expect(intentFor('reader', named('pageDown'), bound)).toBe('nextPage');
    expect(intentFor('reader', char('n', true), bound)).toBe('nextPage');
    expect(intentFor('reader', char('n'), bound)).toBe('previousPage');
    // n was the next search hit's: taken from it.
    expect(intentFor('reader', char('N'), bound)).toBe('previousHit');
    expect(bound.find((binding) => binding.intent === 'nextHit')!.keys).toEqual([]);
  });

  it('keeps one of a key given twice to the same action, and leaves untouched bindings as they were', () => {
    const {keymap: bound, problems} = rebind(keymap, [
      {action: 'wider', keys: ['w', 'w', 'W'], line: 1},
    ]);
    expect(problems).toEqual([]);
    const wider = bound.find((binding) => binding.intent === 'wider')!;
    expect(wider.keys.map((key) => key.label)).toEqual(['w', 'W']);
    const narrower = keymap.find((binding) => binding.intent === 'narrower');
    expect(bound.find((binding) => binding.intent === 'narrower')).toBe(narrower);
    expect(rebind(keymap, []).keymap).toBe(keymap);
  });

  it('takes a key bound to quit (everywhere) from every view, and keeps quit on Ctrl-C once', () => {
    const {keymap: bound} = rebind(keymap, [{action: 'quit', keys: ['ctrl-q', 'ctrl-c'], line: 1}]);
    const quit = bound.find((binding) => binding.intent === 'quit')!;
    expect(quit.keys.map((key) => key.label)).toEqual(['Ctrl-Q', 'Ctrl-C']);
    const taken = rebind(keymap, [{action: 'quit', keys: ['Q'], line: 1}]).keymap;
    expect(intentFor('reader', char('Q'), taken)).toBe('quit');
    expect(intentFor('library', char('Q'), taken)).toBe('quit');
    const toggle = rebind(keymap, [{action: 'toggle-help', keys: ['Q'], line: 1}]).keymap;
    expect(intentFor('reader', char('Q'), toggle)).toBe('toggleHelp');
    expect(intentFor('library', char('Q'), toggle)).toBe('toggleHelp');
  });
});
