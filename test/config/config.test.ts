import {describe, expect, it} from 'vitest';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {readConfig} from '../../source/config/config.js';
import {loadConfig, shortPath, expandHome} from '../../source/config/config-file.js';
import {intentFor, helpRows} from '../../source/input/keymap.js';
import {char} from '../../source/input/keys.js';
import {configFile} from '../../source/system/folders.js';

const problemsOf = (text: string) => readConfig(text).problems;

describe('the config file, read', () => {
  it('reads every setting', () => {
    const {settings, problems} = readConfig(
      [
        'theme: light',
        'width: 64',
        'words-per-minute: 300',
        'library: ~/reading',
        'mouse: true',
        'keys:',
        '  next-page: [space, x]',
        '  back: esc',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      theme: 'light',
      width: 64,
      wordsPerMinute: 300,
      library: '~/reading',
      mouse: true,
      keys: [
        {action: 'next-page', keys: ['space', 'x'], line: 7},
        {action: 'back', keys: 'esc', line: 8},
      ],
    });
  });

  it('takes an empty file, or one of comments, for every default', () => {
    expect(readConfig('')).toEqual({settings: {keys: []}, problems: []});
    expect(readConfig('# nothing yet\n')).toEqual({settings: {keys: []}, problems: []});
  });

  it('names the line and what was expected for every wrong value, and keeps the rest', () => {
    const {settings, problems} = readConfig(
      [
        'theme: sepia',
        'width: 5',
        'words-per-minute: fast',
        'library: ""',
        'mouse: yes',
        'colour: red',
        'keys: x',
        'width: 2000',
      ].join('\n'),
    );
    expect(problems).toEqual([
      {line: 1, message: 'theme takes dark, light or mono (got "sepia")'},
      {line: 2, message: 'width takes a whole number of columns from 20 to 1000 (got 5)'},
      {line: 3, message: 'words-per-minute takes a whole number from 50 to 2000 (got "fast")'},
      {line: 4, message: 'library takes the path of a folder (got "")'},
      {line: 5, message: 'mouse takes true or false (got "yes")'},
      {
        line: 6,
        message:
          'unknown setting "colour" (expected theme, width, words-per-minute, library, mouse, keys)',
      },
      {line: 7, message: 'keys takes actions and their keys (next-page: [space, x]) (got "x")'},
      {line: 8, message: 'width is set again (first on line 2): this one applies'},
      {line: 8, message: 'width takes a whole number of columns from 20 to 1000 (got 2000)'},
    ]);
    expect(settings).toEqual({keys: []});
    // A good value beside bad ones still applies.
    expect(readConfig('width: 3\ntheme: mono\n').settings.theme).toBe('mono');
  });

  it('says where YAML that does not parse goes wrong, and what is not settings', () => {
    expect(problemsOf('theme: dark\nwidth: [1, 2\n')[0]).toMatchObject({line: 3});
    expect(problemsOf('theme: dark\n  width: 3\n')[0]?.message).toMatch(/^not YAML/);
    expect(problemsOf('- theme\n- width\n')).toEqual([
      {line: 1, message: 'expected settings, one per line (theme: dark)'},
    ]);
    // What parses still applies.
    expect(readConfig('theme: mono\nwidth: [1, 2\n').settings.theme).toBe('mono');
    expect(problemsOf('width: 1.5')[0]?.message).toMatch(/^width takes a whole number/);
  });
});

describe('the config file, loaded', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'bs-config-'));
  const write = (text: string) => {
    const file = path.join(mkdtempSync(path.join(home, 'c-')), 'config.yaml');
    writeFileSync(file, text);
    return file;
  };

  it('is no settings and no problem when there is no file', () => {
    const loaded = loadConfig(path.join(home, 'none', 'config.yaml'));
    expect(loaded).toMatchObject({found: false, problems: [], settings: {keys: []}});
  });

  it('says a file that cannot be read in one line, naming it', () => {
    const folder = path.join(home, 'a-folder.yaml');
    mkdirSync(folder);
    const loaded = loadConfig(folder);
    expect(loaded.problems).toEqual([`${folder}: cannot be read (a folder)`]);
  });

  it('binds keys, says each problem with its file and line, and keeps the defaults for those', () => {
    const file = write(
      [
        'width: 9',
        'keys:',
        '  next-page: [space, x]',
        '  scroll: j',
        '  previous-page: x',
        '  wider: []',
        '  narrower: hyper',
        '  open-quotes: ctrl-c',
        '  open-contents: 5',
      ].join('\n'),
    );
    const loaded = loadConfig(file);
    expect(loaded.problems).toEqual([
      `${file}:1: width takes a whole number of columns from 20 to 1000 (got 9)`,
      `${file}:4: unknown action "scroll" (see broadsheet config)`,
      `${file}:5: x is bound to both next-page and previous-page: previous-page keeps its own keys`,
      `${file}:6: wider is bound to no key: its own keys are kept`,
      `${file}:7: narrower: unknown key "hyper" (expected a character, space, a named key (enter, esc, up, pgdn…) or ctrl-x)`,
      `${file}:8: Ctrl-C always quits: it cannot be bound to open-quotes`,
      `${file}:9: open-contents: digits are counts (12g) and cannot be bound (got 5)`,
    ]);
    expect(intentFor('reader', char('x'), loaded.keymap)).toBe('nextPage');
    expect(intentFor('reader', char('b'), loaded.keymap)).toBe('previousPage');
    expect(intentFor('reader', char('+'), loaded.keymap)).toBe('wider');
    expect(intentFor('reader', char('t'), loaded.keymap)).toBe('openContents');
    expect(helpRows('reader', {}, loaded.keymap)[0]).toEqual({keys: 'Space x', help: 'next page'});
  });

  it('says a library folder that is missing, and finds one relative to the file or home', () => {
    const missing = write('library: ~/no-such-folder-here\n');
    expect(loadConfig(missing).problems).toEqual([
      `${missing}:1: library: no such folder ~/no-such-folder-here (the default is used)`,
    ]);
    expect(loadConfig(missing).settings.library).toBeUndefined();
    const file = write('library: .\n');
    expect(loadConfig(file).settings.library).toBe(path.dirname(file));
    expect(expandHome('~/x', '/home/r')).toBe('/home/r/x');
    expect(expandHome('~', '/home/r')).toBe('/home/r');
    expect(shortPath('/home/r/.config/b.yaml', '/home/r')).toBe('~/.config/b.yaml');
  });

  it('cleans what a file says before it is shown (no escapes reach the terminal)', () => {
    const file = write('theme: "\\e]0;owned\\a"\n');
    const [problem] = loadConfig(file).problems;
    expect(problem).toContain('theme takes dark, light or mono');
    expect(problem).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('is looked for in $BROADSHEET_CONFIG, else XDG_CONFIG_HOME, else ~/.config', () => {
    expect(configFile({BROADSHEET_CONFIG: '/x/c.yaml'}, 'linux', '/h')).toBe('/x/c.yaml');
    expect(configFile({XDG_CONFIG_HOME: '/xdg'}, 'linux', '/h')).toBe(
      '/xdg/broadsheet/config.yaml',
    );
    expect(configFile({}, 'linux', '/h')).toBe('/h/.config/broadsheet/config.yaml');
    expect(configFile({XDG_CONFIG_HOME: 'relative'}, 'linux', '/h')).toBe(
      '/h/.config/broadsheet/config.yaml',
    );
    expect(configFile({}, 'darwin', '/h')).toBe(
      '/h/Library/Application Support/broadsheet/config.yaml',
    );
  });
});
