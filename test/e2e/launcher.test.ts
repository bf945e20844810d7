import {describe, expect, it} from 'vitest';
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {articlesPath, cliPath} from './terminal.js';

type Run = {code: number; stdout: string; stderr: string};

const ARTICLE = path.join(articlesPath, 'the-harbour-inquiry.txt');

function run(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliPath, '--print', ARTICLE],
      {env: {...process.env, ...env}},
      (error, stdout, stderr) => {
        resolve({code: error ? Number(error.code) : 0, stdout, stderr});
      },
    );
  });
}

function cacheFiles(home: string): string[] {
  try {
    return readdirSync(path.join(home, 'broadsheet')).map((name) =>
      path.join(home, 'broadsheet', name),
    );
  } catch {
    return [];
  }
}

describe('the code cache (dist/cli.js starting dist/app.js)', () => {
  it('is kept after a run, named for this build and Node, and the next run from it prints the same', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    const first = await run({XDG_CACHE_HOME: home});
    const [file, ...others] = cacheFiles(home);
    expect(others).toEqual([]);
    expect(path.basename(file ?? '')).toMatch(
      new RegExp(`^code-[0-9a-f]{16}-${process.version}-${process.arch}\\.cache$`),
    );
    const second = await run({XDG_CACHE_HOME: home});
    expect(first.code).toBe(0);
    expect(second).toEqual(first);
    expect(first.stdout).toContain('The Harbour Inquiry');
  });

  it('removes the caches of earlier builds for this Node, and keeps those of other Nodes', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    const folder = path.join(home, 'broadsheet');
    mkdirSync(folder);
    const old = `code-0123456789abcdef-${process.version}-${process.arch}.cache`;
    const otherNode = `code-0123456789abcdef-v0.0.1-${process.arch}.cache`;
    for (const name of [old, otherNode, 'notes.txt']) writeFileSync(path.join(folder, name), 'x');
    await run({XDG_CACHE_HOME: home});
    const names = readdirSync(folder);
    expect(names).not.toContain(old);
    expect(names).toContain(otherNode);
    expect(names).toContain('notes.txt');
    expect(
      names.filter((name) => name.endsWith(`-${process.version}-${process.arch}.cache`)),
    ).toHaveLength(1);
  });

  it('starts from a corrupt cache as if there were none, and replaces it', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    const reference = await run({XDG_CACHE_HOME: home});
    const [file] = cacheFiles(home);
    const garbage = Buffer.alloc(readFileSync(file!).length, 0x5a);
    writeFileSync(file!, garbage);
    expect(await run({XDG_CACHE_HOME: home})).toEqual(reference);
    expect(readFileSync(file!).equals(garbage)).toBe(false);
  });

  it('is neither read nor written with BROADSHEET_CODE_CACHE=off, and a cache folder that cannot be made costs nothing', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    const reference = await run({XDG_CACHE_HOME: home, BROADSHEET_CODE_CACHE: 'off'});
    expect(cacheFiles(home)).toEqual([]);
    const blocked = path.join(home, 'a-file');
    writeFileSync(blocked, '');
    const result = await run({XDG_CACHE_HOME: blocked});
    expect(result).toEqual(reference);
    expect(reference.code).toBe(0);
  });
});
