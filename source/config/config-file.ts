import {readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {keymap, type Keymap} from '../input/keymap.js';
import {rebind} from '../input/rebind.js';
import {safeLine} from '../article/sanitize.js';
import {configFile} from '../system/folders.js';
import {readConfig, type Settings} from './config.js';

/** The config file as read: where it is, what applies, and a line for each thing that does not. */
export type LoadedConfig = {
  file: string;
  /** Whether there is a file there at all. */
  found: boolean;
  settings: Settings;
  /** The keys, with those the file binds. */
  keymap: Keymap;
  /** One line each: the file, the line, what was expected. */
  problems: string[];
};

/** A path as the user would write it: the home folder as ~. */
export function shortPath(file: string, home = os.homedir()): string {
  return home && file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file;
}

/** `~/x` and `~` as the home folder; other paths as given. */
export function expandHome(file: string, home = os.homedir()): string {
  if (file === '~') return home;
  return file.startsWith('~/') ? path.join(home, file.slice(2)) : file;
}

/**
 * Reads the config file. Never throws: a file that is missing is no settings; one that
 * cannot be read, or a wrong value in it, is a problem, and everything else still applies.
 */
export function loadConfig(file = configFile()): LoadedConfig {
  const loaded: LoadedConfig = {file, found: false, settings: {keys: []}, keymap, problems: []};
  const found: Array<{line: number | undefined; message: string}> = [];
  const say = (line: number | undefined, message: string) => found.push({line, message});
  // In the file's order, each naming the file and its line.
  const told = () =>
    found
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      .map(({line, message}) =>
        safeLine(`${shortPath(file)}${line === undefined ? '' : `:${line}`}: ${message}`),
      );
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const {code, message} = error as NodeJS.ErrnoException;
    if (code !== 'ENOENT')
      say(undefined, `cannot be read (${code === 'EISDIR' ? 'a folder' : message})`);
    return {...loaded, problems: told()};
  }
  loaded.found = true;
  const {settings, problems} = readConfig(text);
  for (const problem of problems) say(problem.line, problem.message);
  if (settings.library !== undefined) {
    const folder = path.resolve(path.dirname(file), expandHome(settings.library));
    let isFolder = false;
    try {
      isFolder = statSync(folder).isDirectory();
    } catch {
      // Missing: said below.
    }
    const line = text.split('\n').findIndex((row) => /^library\s*:/.test(row)) + 1;
    if (isFolder) settings.library = folder;
    else {
      say(line || undefined, `library: no such folder ${settings.library} (the default is used)`);
      delete settings.library;
    }
  }
  const bound = rebind(keymap, settings.keys);
  for (const problem of bound.problems) say(problem.line, problem.message);
  return {...loaded, settings, keymap: bound.keymap, problems: told()};
}
