// The README's key table is for people; the keymap is for the program. They must agree.
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {keymap} from '../source/input/keymap.js';
import {scanLibrary} from '../source/library/scan.js';
import {listRows} from '../source/library/view.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The keys column of the README's reading-view table, as single key names. */
function readmeReaderKeys(): Set<string> {
  const table = readme.slice(readme.indexOf('In the reading view'));
  const rows = table.slice(0, table.indexOf('\n\n', table.indexOf('| --- |'))).split('\n');
  const keys = new Set<string>();
  for (const row of rows.filter((line) => line.startsWith('| ') && !/^\| (key|---) /.test(line))) {
    const cell = row.slice(2, row.indexOf(' |', 2));
    for (const key of cell.split(/, | \/ /)) keys.add(key.trim());
  }
  return keys;
}

describe('README', () => {
  it('lists every key of the reading view, and no key the program does not have', () => {
    const documented = readmeReaderKeys();
    const bound = new Set(
      keymap
        .filter((binding) => binding.context === 'reader' || binding.context === 'global')
        .flatMap((binding) => binding.keys.map((key) => key.label)),
    );
    expect([...bound].filter((key) => !documented.has(key))).toEqual([]);
    expect([...documented].filter((key) => !bound.has(key))).toEqual([]);
  });

  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('documents every flag the command line takes', () => {
    const cli = readFileSync(new URL('../source/cli/options.ts', import.meta.url), 'utf8');
    const options = cli.slice(cli.indexOf('const FLAGS = {'), cli.indexOf('} as const'));
    // A boolean that is on by default is turned off with --no-NAME (meow's negation).
    const flags = [...options.matchAll(/^\s+([a-z]+): \{type: '(\w+)'(, default: true)?/gm)].map(
      (match) => (match[3] ? `no-${match[1]}` : match[1]),
    );
    expect(flags.length).toBeGreaterThan(6);
    for (const flag of flags) expect(readme).toContain(`--${flag}`);
    expect(readme).toContain('--print');
  });

  it("the filter's example finds, first, the bundled article it names", () => {
    const example = /`([^`]+)` finds (.+?) by its title and its byline/.exec(readme);
    expect(example).not.toBeNull();
    const [, filter, title] = example!;
    const library = scanLibrary(new URL('../articles', import.meta.url).pathname);
    if (library.kind !== 'folder') throw new Error('no bundled articles');
    const rows = listRows(library.entries, {
      filter: filter!,
      sort: 'title',
      standing: () => ({status: {kind: 'unread'}}),
    });
    expect(rows.map((row) => library.entries[row.entry]!.title)[0]).toContain(title!);
    // Each word is in the title or the byline, as the README says.
    const found = library.entries[rows[0]!.entry]!;
    for (const word of filter!.split(' ')) {
      expect(
        [found.title, found.byline ?? ''].some((field) => field.toLowerCase().includes(word)),
      ).toBe(true);
    }
  });
});
