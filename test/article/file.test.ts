import {describe, expect, it} from 'vitest';
import {mkdtempSync, mkdirSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {errorReason, loadArticleFile, loadWholeArticleFile} from '../../source/article/file.js';
import {formatOfFile, unreadDocument} from '../../source/article/formats.js';

const folder = mkdtempSync(path.join(tmpdir(), 'bs-file-'));

describe('reading an article file', () => {
  it('says in a few words why a file cannot be read', () => {
    const failure = (code: string) => Object.assign(new Error(`${code}: raw message`), {code});
    expect(errorReason(failure('ENOENT'))).toBe('not found');
    // Permission is refused by the system (these tests may run as root, who is never refused).
    expect(errorReason(failure('EACCES'))).toBe('permission denied');
    expect(errorReason(failure('EPERM'))).toBe('permission denied');
    expect(errorReason(failure('ENOTDIR'))).toBe('not a folder');
    expect(errorReason(failure('EISDIR'))).toBe('is a folder');
    expect(errorReason(failure('EIO'))).toBe('cannot be read (input/output error)');
    expect(errorReason(failure('EMFILE'))).toBe('EMFILE: raw message');
    expect(errorReason('plain')).toBe('plain');
  });

  it('refuses what it cannot open, by reason', () => {
    expect(loadArticleFile(path.join(folder, 'missing.txt'))).toEqual({
      kind: 'refused',
      reason: 'not found',
    });
    mkdirSync(path.join(folder, 'folder.txt'));
    expect(loadArticleFile(path.join(folder, 'folder.txt'))).toEqual({
      kind: 'refused',
      reason: 'is a folder',
    });
    writeFileSync(path.join(folder, 'file'), 'x');
    expect(loadArticleFile(path.join(folder, 'file', 'below.txt'))).toEqual({
      kind: 'refused',
      reason: 'not a folder',
    });
  });

  it('knows Markdown, text and web pages by their extension', () => {
    expect(formatOfFile('/a/b.md')).toBe('markdown');
    expect(formatOfFile('/a/b.MARKDOWN')).toBe('markdown');
    expect(formatOfFile('/a/b.txt')).toBe('text');
    expect(formatOfFile('/a/b.text')).toBe('text');
    for (const page of ['/a/b.html', '/a/b.HTM', '/a/b.xhtml'])
      expect(formatOfFile(page)).toBe('html');
    for (const other of ['/a/b.png', '/a/b', '/a/.md', '/a.md/b'])
      expect(formatOfFile(other)).toBeUndefined();
  });

  it('refuses by name the documents it does not read, without reading them', () => {
    for (const [file, kind] of [
      ['report.pdf', 'PDF'],
      ['letter.DOCX', 'Word document'],
      ['old.doc', 'Word document'],
      ['notes.odt', 'OpenDocument text'],
      ['memo.rtf', 'RTF document'],
      ['book.mobi', 'Kindle book'],
      ['book.azw3', 'Kindle book'],
    ] as const) {
      expect(unreadDocument(file)).toBe(`${kind}: not a format Broadsheet reads`);
      // (No such file exists: the name alone refuses it.)
      expect(loadArticleFile(path.join(folder, file))).toEqual({
        kind: 'refused',
        reason: `${kind}: not a format Broadsheet reads`,
      });
    }
    expect(unreadDocument('photo.jpg')).toBeUndefined();
    // (A book is read since EPUB support: it is no unread document.)
    expect(unreadDocument('book.epub')).toBeUndefined();
    expect(unreadDocument('story.txt')).toBeUndefined();
  });

  it('refuses a file over 64 MB before reading it, and reads one of exactly 64 MB', () => {
    const huge = path.join(folder, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 64 * 1024 * 1024 + 1); // sparse: nothing is written
    expect(loadArticleFile(huge)).toEqual({kind: 'refused', reason: 'too large (over 64 MB)'});
    truncateSync(huge, 64 * 1024 * 1024); // read, and refused for what it holds: NULs
    const exact = loadArticleFile(huge);
    expect(exact.kind === 'refused' && exact.reason).not.toBe('too large (over 64 MB)');
  });

  it('reads a long file as its start and the rest, or whole at once when asked', () => {
    const long = path.join(folder, 'long.txt');
    const body = Array.from({length: 20_000}, (_, i) => `Paragraph ${i} of a long file.`);
    writeFileSync(long, ['Long File', ...body].join('\n\n'));
    const start = loadArticleFile(long);
    if (start.kind !== 'article') throw new Error(start.reason);
    expect(start.rest).toBeDefined();
    expect(start.article.partial).toBeDefined();
    const whole = loadWholeArticleFile(long);
    if (whole.kind !== 'article') throw new Error(whole.reason);
    expect(whole.rest).toBeUndefined();
    expect(whole.article.partial).toBeUndefined();
    expect(whole.article.text.endsWith('Paragraph 19999 of a long file.')).toBe(true);
    expect(whole.article.title).toBe('Long File');
    // A short one, and a refusal, come back as they are.
    const short = path.join(folder, 'short.md');
    writeFileSync(short, '# Short\n\n*Marked* text.');
    const read = loadWholeArticleFile(short);
    expect(read.kind === 'article' && read.article.markup?.length).toBe(1);
    expect(loadWholeArticleFile(path.join(folder, 'none.txt'))).toEqual({
      kind: 'refused',
      reason: 'not found',
    });
  });
});
