import {describe, expect, it} from 'vitest';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {listPaths} from '../../source/library/scan.js';
import {listRows} from '../../source/library/view.js';
import type {LibraryEntry} from '../../source/library/library.js';

function files() {
  const root = mkdtempSync(path.join(tmpdir(), 'bs-paths-'));
  const notes = path.join(root, 'notes');
  mkdirSync(path.join(notes, 'deep'), {recursive: true});
  const write = (file: string, title: string) => {
    writeFileSync(file, `${title}\n\nBody of ${title}.\n`);
    return file;
  };
  return {
    root,
    notes,
    zulu: write(path.join(root, 'zulu.txt'), 'Zulu'),
    alpha: write(path.join(root, 'alpha.md'), 'Alpha'),
    inNotes: write(path.join(notes, 'mike.txt'), 'Mike'),
    deep: write(path.join(notes, 'deep', 'bravo.txt'), 'Bravo'),
  };
}

const titles = (entries: LibraryEntry[]) => {
  const rows = listRows(entries, {sort: 'title', standing: () => ({status: {kind: 'unread'}})});
  return rows.map((row) => entries[row.entry]!.fileName);
};

describe('several paths as one library', () => {
  it('keeps the order given, a folder with its subfolders under its name', () => {
    const {zulu, notes, alpha} = files();
    const library = listPaths([zulu, notes, alpha]);
    if (library.kind !== 'folder') throw new Error('expected a library');
    expect(titles(library.entries)).toEqual(['zulu.txt', 'mike.txt', 'bravo.txt', 'alpha.md']);
    expect(library.entries.map((entry) => entry.folder)).toEqual([
      undefined,
      'notes',
      'notes/deep',
      undefined,
    ]);
  });

  it('lists a file once, where it first came, and leaves out what cannot be read', () => {
    const {zulu, notes, inNotes, root} = files();
    const library = listPaths([inNotes, notes, zulu, zulu, path.join(root, 'gone.txt')]);
    if (library.kind !== 'folder') throw new Error('expected a library');
    expect(titles(library.entries)).toEqual(['mike.txt', 'bravo.txt', 'zulu.txt']);
  });
});
