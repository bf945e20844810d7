import {describe, expect, it} from 'vitest';
import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {errorReason, isMarkdown, loadArticleFile} from '../../source/article/file.js';

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

  it('knows Markdown by its extension', () => {
    expect(isMarkdown('/a/b.md')).toBe(true);
    expect(isMarkdown('/a/b.MARKDOWN')).toBe(true);
    expect(isMarkdown('/a/b.txt')).toBe(false);
  });
});
