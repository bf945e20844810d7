import {describe, expect, it} from 'vitest';
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {articlesPath, cliPath} from './terminal.js';

type Run = {code: number; stdout: string; stderr: string};

const ARTICLE = path.join(articlesPath, 'the-harbour-inquiry.txt');

/** A web page, written for the test: read with web.cjs, which keeps a cache of its own. */
const PAGE = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-page-')), 'harbour.html');
const PARAGRAPH =
  '<p>The harbour master, who had kept the lights for thirty winters, said that the tide came in twice a day, and that the boats, however late, came in with it.</p>';
writeFileSync(
  PAGE,
  `<!DOCTYPE html><html lang="en"><head><title>The Harbour at Night</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>The Harbour at Night</h1>${PARAGRAPH.repeat(12)}</article></body></html>`,
);

function run(env: Record<string, string>, file = ARTICLE): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliPath, '--print', file],
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
      new RegExp(`^code-app-js-[0-9a-f]{16}-${process.version}-${process.arch}\\.cache$`),
    );
    const second = await run({XDG_CACHE_HOME: home});
    expect(first.code).toBe(0);
    expect(second).toEqual(first);
    expect(first.stdout).toContain('The Harbour Inquiry');
  });

  it('is kept for web.cjs too once a page is read, and the next run from both prints the same', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    const first = await run({XDG_CACHE_HOME: home}, PAGE);
    const names = cacheFiles(home).map((file) => path.basename(file));
    const forThisNode = `-[0-9a-f]{16}-${process.version}-${process.arch}\\.cache$`;
    expect(names).toHaveLength(2);
    expect(
      names.find((name) => new RegExp(`^code-web-cjs${forThisNode}`).test(name)),
    ).toBeDefined();
    expect(names.find((name) => new RegExp(`^code-app-js${forThisNode}`).test(name))).toBeDefined();
    const second = await run({XDG_CACHE_HOME: home}, PAGE);
    expect(first.code).toBe(0);
    expect(first.stdout.length).toBeGreaterThan(1000);
    expect(second).toEqual(first);
    // A corrupt cache of web.cjs is read past, and replaced.
    const web = cacheFiles(home).find((file) => file.includes('code-web-cjs-'))!;
    const garbage = Buffer.alloc(readFileSync(web).length, 0x5a);
    writeFileSync(web, garbage);
    expect(await run({XDG_CACHE_HOME: home}, PAGE)).toEqual(first);
    expect(readFileSync(web).equals(garbage)).toBe(false);
  });

  it('removes the caches of earlier builds for this Node, and keeps those of other Nodes', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
    const folder = path.join(home, 'broadsheet');
    mkdirSync(folder);
    // (Named by the build alone, as before bundles beside the CLI had caches of their own.)
    const older = `code-0123456789abcdef-${process.version}-${process.arch}.cache`;
    const old = `code-app-js-0123456789abcdef-${process.version}-${process.arch}.cache`;
    const otherNode = `code-app-js-0123456789abcdef-v0.0.1-${process.arch}.cache`;
    const otherBundle = `code-web-cjs-0123456789abcdef-${process.version}-${process.arch}.cache`;
    for (const name of [older, old, otherNode, otherBundle, 'notes.txt']) {
      writeFileSync(path.join(folder, name), 'x');
    }
    await run({XDG_CACHE_HOME: home});
    const names = readdirSync(folder);
    expect(names).not.toContain(older);
    expect(names).not.toContain(old);
    expect(names).toContain(otherBundle);
    expect(names).toContain(otherNode);
    expect(names).toContain('notes.txt');
    expect(
      names.filter((name) => name.endsWith(`-${process.version}-${process.arch}.cache`)),
    ).toHaveLength(2);
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
