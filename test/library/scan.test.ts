import {afterEach, describe, expect, it} from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describeEntry, describeHead, listLibrary, scanLibrary} from '../../source/library/scan.js';
import {LibraryCache} from '../../source/state/library-cache.js';

const folders: string[] = [];
function folder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bs-scan-'));
  folders.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), {recursive: true});
    writeFileSync(path.join(root, name), content);
  }
  return root;
}
afterEach(() => {
  for (const root of folders.splice(0)) rmSync(root, {recursive: true, force: true});
});

const head = (text: string, markdown = false) =>
  describeHead(Buffer.from(text), {
    fallback: 'file.txt',
    format: markdown ? 'markdown' : 'text',
    whole: true,
  });

describe('what the list reads from a file’s head', () => {
  it('takes the title and byline as the reader does, and counts a short file’s words', () => {
    expect(head('The Title\nBy A. Writer\n\nOne two three.')).toEqual({
      title: 'The Title',
      byline: 'By A. Writer',
      words: 8,
    });
    expect(head('---\ntitle: From YAML\nauthor: Ann\n---\n\nBody words here.', true)).toEqual({
      title: 'From YAML',
      byline: 'Ann',
      words: 6,
    });
  });

  it('refuses binary data and says a file is empty', () => {
    expect(head('\u0000\u0001\u0002binary\u0000\u0000\u0000').refused).toBe(
      'not text (binary data)',
    );
    expect(head('  \n\n').refused).toBe('empty');
  });

  it('does not count the words of a head that is not the whole file', () => {
    const found = describeHead(Buffer.from('Title\n\nSome words'), {
      fallback: 'f',
      format: 'text',
      whole: false,
    });
    expect(found.words).toBeUndefined();
  });
});

describe('scanning a library folder', () => {
  it('finds text, Markdown and web pages in subfolders, skipping hidden ones, by folder and title', () => {
    const root = folder({
      'b.txt': 'Banana\n\nText.',
      'a.md': '# Apple\n\nText.',
      'photo.png': 'x',
      '.hidden.txt': 'Hidden',
      '.git/c.txt': 'Git',
      'essays/c.text': 'Cherry\n\nText.',
      'essays/deep/d.markdown': '# Date\n',
      'web/e.html': '<!doctype html><title>Elder &amp; Fig</title><p>Text.</p>',
      'web/f.HTM':
        '<html><head><meta property="og:title" content="Fig &#8212; a page"></head></html>',
      'web/g.xhtml': '<?xml version="1.0"?><html><head><title>Grape</title></head></html>',
    });
    const library = scanLibrary(root);
    if (library.kind !== 'folder') throw new Error('missing');
    expect(library.entries.map((entry) => [entry.folder ?? '', entry.title])).toEqual([
      ['', 'Apple'],
      ['', 'Banana'],
      ['essays', 'Cherry'],
      ['essays/deep', 'Date'],
      ['web', 'Elder & Fig'],
      ['web', 'Fig — a page'],
      ['web', 'Grape'],
    ]);
  });

  it('lists the documents it does not read, dimmed with the reason, and no other file', () => {
    const root = folder({
      'report.pdf': '%PDF-1.7',
      'letter.docx': 'PK',
      'book.mobi': 'BOOKMOBI',
      'fake.epub': 'PK',
      'story.txt': 'Story\n\nText.',
      'photo.jpg': 'x',
      'data.json': '{}',
    });
    const library = scanLibrary(root);
    if (library.kind !== 'folder') throw new Error('missing');
    expect(
      library.entries.map((entry) => [entry.fileName, entry.refused ?? 'read']).sort(),
    ).toEqual([
      ['book.mobi', 'Kindle book: not a format Broadsheet reads'],
      ['fake.epub', 'not an EPUB book (not a zip file)'],
      ['letter.docx', 'Word document: not a format Broadsheet reads'],
      ['report.pdf', 'PDF: not a format Broadsheet reads'],
      ['story.txt', 'read'],
    ]);
  });

  it('reads a web page’s title and author from its head, in the charset it declares', () => {
    const page = (head: string) =>
      describeHead(Buffer.from(head, 'latin1'), {
        fallback: 'page.html',
        format: 'html',
        whole: true,
      });
    expect(
      page(
        '<meta charset="iso-8859-1"><title>Caf\xe9</title><meta name="author" content="Ana &lt;A&gt;">',
      ),
    ).toEqual({title: 'Café', byline: 'Ana <A>'});
    // Escape sequences in a title are shown, never obeyed.
    expect(page('<title>\u001b]0;owned\u0007Hi</title>').title).toBe('␛]0;owned␇Hi');
    expect(page('<p>no title at all</p>')).toEqual({title: 'page.html', byline: undefined});
  });

  it('shows refused files with the reason: binary, too large, empty', () => {
    const root = folder({
      'binary.txt': Buffer.from([0, 1, 2, 3, 0, 0, 0, 0, 9, 0]),
      'empty.txt': '',
      'big.txt': '',
      'fine.txt': 'Fine\n\nText.',
    });
    truncateSync(path.join(root, 'big.txt'), 65 * 1024 * 1024); // sparse: nothing is read
    const library = scanLibrary(root);
    if (library.kind !== 'folder') throw new Error('missing');
    const reasons = Object.fromEntries(
      library.entries.map((entry) => [entry.fileName, entry.refused]),
    );
    expect(reasons).toEqual({
      'binary.txt': 'not text (binary data)',
      'empty.txt': 'empty',
      'big.txt': 'too large (over 64 MB)',
      'fine.txt': undefined,
    });
  });

  it('says where it looked when the folder is missing', () => {
    expect(scanLibrary('/no/such/folder')).toEqual({
      kind: 'missing',
      folder: '/no/such/folder',
      reason: 'not found',
    });
  });

  it('lists by name at once, then describes from the cache while a file is unchanged', () => {
    const root = folder({'story.txt': 'Real Title\n\nWords.'});
    const state = mkdtempSync(path.join(tmpdir(), 'bs-cache-'));
    folders.push(state);
    const listed = listLibrary(root, new LibraryCache(state));
    if (listed.kind !== 'folder') throw new Error('missing');
    expect(listed.entries[0]).toMatchObject({title: 'story.txt', pending: true});

    const cache = new LibraryCache(state);
    expect(describeEntry(listed.entries[0]!, cache).title).toBe('Real Title');
    cache.flush();

    // Same size and time: the cache's title, without reading the file.
    const file = path.join(root, 'story.txt');
    writeFileSync(file, 'Other Name\n\nWords.');
    utimesSync(file, new Date(0), new Date(0));
    const again = new LibraryCache(state);
    const stamped = describeEntry(listed.entries[0]!, again);
    again.set(file, {size: stamped.size!, mtime: stamped.mtime!, title: 'Cached'});
    expect(describeEntry(listed.entries[0]!, again).title).toBe('Cached');
    // A new time: read again.
    utimesSync(file, new Date(), new Date());
    expect(describeEntry(listed.entries[0]!, again).title).toBe('Other Name');
    // The next list shows the cached title before anything is read.
    again.flush();
    const next = listLibrary(root, new LibraryCache(state));
    if (next.kind !== 'folder') throw new Error('missing');
    expect(next.entries[0]).toMatchObject({title: 'Other Name', pending: true});
  });

  it('starts empty from a cache file that is not one', () => {
    const state = mkdtempSync(path.join(tmpdir(), 'bs-cache-'));
    folders.push(state);
    writeFileSync(
      path.join(state, 'library-cache.json'),
      '{"version":1,"files":{"/a":{"title":5}}}',
    );
    expect(new LibraryCache(state).peek('/a')).toBeUndefined();
    writeFileSync(path.join(state, 'library-cache.json'), 'not json');
    expect(new LibraryCache(state).peek('/a')).toBeUndefined();
    writeFileSync(
      path.join(state, 'library-cache.json'),
      '{"version":3,"files":[["/a",1,2,5],["/b","1",2,"B"],["/c",1,2,"C",null,null,null],7]}',
    );
    const damaged = new LibraryCache(state);
    expect(damaged.peek('/a')).toBeUndefined();
    expect(damaged.peek('/b')).toBeUndefined();
    expect(damaged.peek('/c')).toEqual({size: 1, mtime: 2, title: 'C'});
  });

  it('keeps every field across a write and a read, and what was seen last', () => {
    const state = mkdtempSync(path.join(tmpdir(), 'bs-cache-'));
    folders.push(state);
    const cache = new LibraryCache(state);
    const full = {size: 10, mtime: 1.5, title: 'T', byline: 'B', words: 0, refused: 'R'};
    cache.set('/full', full);
    cache.set('/bare', {size: 0, mtime: 0, title: ''});
    cache.flush();
    const again = new LibraryCache(state);
    expect(again.peek('/full')).toEqual(full);
    expect(again.get('/full', 10, 1.5)).toEqual(full);
    expect(again.get('/full', 10, 2)).toBeUndefined();
    expect(again.get('/full', 11, 1.5)).toBeUndefined();
    expect(again.peek('/bare')).toEqual({size: 0, mtime: 0, title: ''});
    // Written again untouched (rows never asked for are kept as they were).
    again.set('/new', {size: 1, mtime: 1, title: 'N'});
    again.flush();
    const third = new LibraryCache(state);
    expect(third.peek('/full')).toEqual(full);
    expect(third.peek('/new')).toEqual({size: 1, mtime: 1, title: 'N'});
    const counted = {size: 5, mtime: 5, title: 'W', words: 1234};
    third.set('/counted', counted);
    third.flush();
    expect(new LibraryCache(state).peek('/counted')).toEqual(counted);
  });

  it('leaves nothing behind when its file cannot be replaced', () => {
    const state = mkdtempSync(path.join(tmpdir(), 'bs-cache-'));
    folders.push(state);
    // A folder where the file should be: the temporary copy is written, the rename fails.
    mkdirSync(path.join(state, 'library-cache.json'));
    const cache = new LibraryCache(state);
    cache.set('/a', {size: 1, mtime: 1, title: 'A'});
    expect(() => cache.flush()).not.toThrow();
    expect(readdirSync(state)).toEqual(['library-cache.json']);
  });

  it('writes only when something changed, and only rows of files', () => {
    const state = mkdtempSync(path.join(tmpdir(), 'bs-cache-'));
    folders.push(state);
    const file = path.join(state, 'library-cache.json');
    new LibraryCache(state).flush();
    expect(existsSync(file)).toBe(false);
    const cache = new LibraryCache(state);
    cache.set('/a', {size: 1, mtime: 1, title: 'A'});
    cache.flush();
    rmSync(file);
    cache.flush(); // nothing new since
    expect(existsSync(file)).toBe(false);
    // A damaged cache: its bad rows are dropped, once looked at or not, and the rest written.
    writeFileSync(file, '{"version":3,"files":[["/bad",1,2,5],7,["/good",1,2,"G"]]}');
    const damaged = new LibraryCache(state);
    expect(damaged.peek('/bad')).toBeUndefined();
    damaged.set('/new', {size: 3, mtime: 3, title: 'N'});
    damaged.flush();
    const rows = (JSON.parse(readFileSync(file, 'utf8')) as {files: unknown[][]}).files;
    expect(rows.map((row) => row[0])).toEqual(['/good', '/new']);
    // Another version's rows are not read (version 2 counted Chinese and Japanese otherwise).
    writeFileSync(file, '{"version":2,"files":[["/a",1,2,"A"]]}');
    expect(new LibraryCache(state).peek('/a')).toBeUndefined();
  });

  it('remembers at most 50,000 files, forgetting those seen longest ago', () => {
    const state = mkdtempSync(path.join(tmpdir(), 'bs-cache-'));
    folders.push(state);
    const cache = new LibraryCache(state);
    for (let i = 0; i <= 50_000; i++) cache.set(`/f${i}`, {size: i, mtime: 0, title: 'x'});
    cache.flush();
    const again = new LibraryCache(state);
    expect(again.peek('/f0')).toBeUndefined();
    expect(again.peek('/f1')).toEqual({size: 1, mtime: 0, title: 'x'});
    expect(again.peek('/f50000')).toEqual({size: 50_000, mtime: 0, title: 'x'});
  });
});
