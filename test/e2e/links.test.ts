// Links in a real terminal: o lists them; Enter reads a web page (served on 127.0.0.1, no
// other address) or another article of the library here, and q comes back; O hands a link to
// the system's opener ($BROWSER, a script here); a link that cannot be had says why.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {runCli, type Session} from './terminal.js';

const PAGE = `<!doctype html><html lang="en"><head><title>The Lighthouse Keepers Meet - Coast News</title></head><body><article>${Array.from(
  {length: 12},
  (_, index) =>
    `<p>Paragraph ${index} of the served page: the keepers met at the point to talk about the light and the fog that comes in from the sea.</p>`,
).join('')}</article></body></html>`;

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/keepers') {
      response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
      response.end(PAGE);
    } else {
      response.writeHead(404, 'Not Found');
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
const pageOf = (session: Session) => Number(/page (\d+)\//.exec(session.text())?.[1]);

/** A library of two Markdown articles; the first links to a page, the second, and nowhere. */
function library() {
  const folder = mkdtempSync(path.join(tmpdir(), 'bs-links-'));
  const body = Array.from(
    {length: 40},
    (_, index) => `Paragraph ${index} of the notes, which go on for a while about the coast.`,
  ).join('\n\n');
  writeFileSync(
    path.join(folder, 'notes.md'),
    `# Coast Notes\n\n${body}\n\nRead [the keepers' meeting](${base}/keepers), [the tide tables](tides.md) and [a lost page](${base}/gone).\n`,
  );
  writeFileSync(path.join(folder, 'tides.md'), '# Tide Tables\n\nHigh water at six.\n');
  return folder;
}

async function start(args: string[], env: Record<string, string> = {}) {
  const session = await runCli({args, env, columns: 100, rows: 24});
  sessions.push(session);
  return session;
}

describe('links in a real terminal', () => {
  it('lists the links with o, reads a web page here with Enter, and q comes back to the page', async () => {
    const folder = library();
    const session = await start([path.join(folder, 'notes.md')]);
    await session.waitFor(/page 1\/\d+/);
    session.write('G');
    // (The last page's number, once known: a far jump shows `page …/…` until it is.)
    await session.waitFor(/page (?!1\/)\d+\//);
    const left = pageOf(session);
    session.write('o');
    await session.waitFor(/links · 1\/3/);
    expect(session.text()).toContain("[1] the keepers' meeting — http://127.0.0.1");
    expect(session.text()).toContain('[2] the tide tables — tides.md');
    session.write('\r');
    await session.waitFor('The Lighthouse Keepers Meet');
    await session.waitFor(/page 1\/\d+/);
    expect(session.text()).toContain('Paragraph 0 of the served page');
    session.write('q');
    await session.waitFor('Coast Notes');
    expect(pageOf(session)).toBe(left);
    // q again leaves, as for any file named on the command line.
    session.write('q');
    expect((await session.exited).exitCode).toBe(0);
  });

  it('the same keys in one write: o, Enter, and q after the page has come', async () => {
    const folder = library();
    const session = await start([path.join(folder, 'notes.md')]);
    await session.waitFor(/page 1\/\d+/);
    // Keys typed while the page downloads wait for it: q then leaves the page, not the notes.
    session.write('Go\rq');
    await session.waitFor('Coast Notes');
    await pause();
    await pause();
    expect(session.text()).toContain('Coast Notes');
    expect(session.text()).not.toContain('Lighthouse');
  });

  it('opens a link to another article of the library, and q comes back', async () => {
    const folder = library();
    const session = await start([folder]);
    await session.waitFor('Coast Notes');
    session.write('\r');
    await session.waitFor(/page 1\/\d+/);
    session.write('oj\r');
    await session.waitFor('High water at six');
    session.write('q');
    await session.waitFor(/Coast Notes[\s\S]*page 1\//);
    session.write('q');
    await session.waitFor('2 articles');
  });

  it('says why a link cannot be read, and leaves the article as it was', async () => {
    const folder = library();
    const session = await start([path.join(folder, 'notes.md')]);
    await session.waitFor(/page 1\/\d+/);
    session.write('ojj\r');
    await session.waitFor(/cannot open http:\/\/127\.0\.0\.1:\d+\/gone: HTTP 404/);
    expect(session.text()).toContain('Coast Notes');
    session.write(' ');
    await session.waitFor(/page 2\//);
  });

  it('hands a link to $BROWSER with O', async () => {
    const folder = library();
    const out = path.join(folder, 'opened.txt');
    const browser = path.join(folder, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s' "$1" > '${out}'\n`);
    chmodSync(browser, 0o755);
    const session = await start([path.join(folder, 'notes.md')], {BROWSER: browser});
    await session.waitFor(/page 1\/\d+/);
    session.write('oO');
    await session.waitFor('opening http://127.0.0.1');
    const deadline = Date.now() + 5000;
    while (!existsSync(out) && Date.now() < deadline) await pause();
    expect(readFileSync(out, 'utf8')).toBe(`${base}/keepers`);
    // A browser that is not there is said in the status line.
    const missing = await start([path.join(folder, 'notes.md')], {
      BROWSER: path.join(folder, 'no-such-browser'),
    });
    await missing.waitFor(/page 1\/\d+/);
    missing.write('oO');
    await missing.waitFor(/cannot open the link: no .*no-such-browser here/);
  });
});
