// Web pages in a real terminal, served from a local server on 127.0.0.1 (no other address):
// a page added from the library with `a` and a pasted address, opened, read, and resumed; a
// page opened by its address; a download stopped with Esc.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pasted, runCli, splitKeys, type Session} from './terminal.js';

const paragraph = (index: number) =>
  `<p>Paragraph ${index}: the harbour board met again on Tuesday, and “nobody expected the vote to be close,” said Elin Castell, who chairs it. The meeting ran late into the night.</p>`;
const STORY = `<!doctype html><html lang="en"><head><title>The Harbour Board Votes Again on the Pier - Local News</title><meta name="author" content="Ana Reyes"></head><body><nav><a href="/">Home</a></nav><article>${Array.from({length: 30}, (_, index) => paragraph(index)).join('')}<p>The minutes of the meeting are online.</p></article><footer>Local News</footer></body></html>`;

let server: http.Server;
let base = '';
const hanging: http.ServerResponse[] = [];
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/story') {
      response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
      response.end(STORY);
    } else if (request.url === '/slow') {
      response.writeHead(200, {'content-type': 'text/html'});
      response.write('<p>a start');
      hanging.push(response);
    } else {
      response.writeHead(404, 'Not Found');
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill('SIGKILL');
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A person's folders: an empty library and state of their own, no BROADSHEET_DIR. */
function home() {
  return {
    XDG_DATA_HOME: mkdtempSync(path.join(tmpdir(), 'bs-data-')),
    XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'bs-state-')),
    BROADSHEET_DIR: '',
  };
}

async function start(env: Record<string, string>, args: string[] = []) {
  const session = await runCli({args, env, columns: 80, rows: 24});
  sessions.push(session);
  return session;
}

/** Keys typed as a person types them, one at a time, or arriving in one write (a paste). */
async function type(session: Session, script: string, way: string) {
  if (way === 'sent in one write') {
    session.write(script);
    return;
  }
  for (const key of splitKeys(script)) {
    session.write(key);
    await sleep(20);
  }
}

describe('web pages in a real terminal', () => {
  for (const way of ['typed a key at a time', 'sent in one write'] as const) {
    it(`adds a page with a and a pasted address, reads it, and resumes it (${way})`, async () => {
      const env = home();
      const first = await start(env);
      await first.waitFor('A Study in Scarlet'); // the bundled articles, while the library is empty
      // a, the address pasted, Enter to save; then Enter opens it, ] finds a quotation, and a
      // search goes to the minutes. Keys typed while the page downloads wait for it.
      const script = `a${pasted(`${base}/story`)}\r\r]/minutes\r`;
      if (way === 'sent in one write') first.write(script);
      else {
        for (const key of splitKeys(script)) {
          first.write(key);
          await sleep(60);
        }
      }
      await first.waitFor(/hit 1\/1/);
      expect(first.text()).toContain('The minutes of the meeting are online.');
      const page = /page (\d+)\/(\d+)/.exec(first.text());
      expect(page).not.toBeNull();
      first.write('q');
      // Back in the list, which is now the reader's own library, of one article.
      await first.waitFor('Broadsheet · 1 article ·');
      // (How much of the title fits depends on the length column: counted, or estimated.)
      expect(first.text()).toMatch(/❯ The Harbour Board Votes Again .*Ana Reyes/);
      first.write('q');
      expect((await first.exited).exitCode).toBe(0);

      // Saved into the reader's own library, as Markdown with where it came from.
      const library = path.join(env.XDG_DATA_HOME, 'broadsheet', 'articles');
      const files = readdirSync(library);
      expect(files).toEqual(['the-harbour-board-votes-again-on-the-pier.md']);
      const saved = readFileSync(path.join(library, files[0]!), 'utf8');
      expect(saved).toMatch(/^---\ntitle: The Harbour Board Votes Again on the Pier\n/);
      expect(saved).toContain(`url: ${base}/story\n`);

      // The next run opens that library, and the page where it was left.
      const again = await start(env);
      await again.waitFor('The Harbour Board Votes Again on the Pier');
      expect(again.text()).not.toContain('A Study in Scarlet');
      again.write('\r');
      await again.waitFor(/resumed at \d+%/);
      expect(again.text()).toContain(`page ${page![1]}/${page![2]}`);
      again.write('q');
      again.write('q');
      expect((await again.exited).exitCode).toBe(0);
    });
  }

  // A page named on the command line is read in a thread started before the reader itself
  // (early-page.ts): keys typed meanwhile wait for it, however they come.
  for (const way of ['typed a key at a time', 'sent in one write'] as const) {
    it(`opens a saved page by its name, keys typed at once waiting for it (${way})`, async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'bs-page-'));
      const file = path.join(folder, 'story.html');
      writeFileSync(file, STORY);
      const session = await start(home(), [file]);
      // ] three times: the third of its 30 quotations, however the keys come (none lost).
      const script = ']]]';
      await type(session, script, way);
      await session.waitFor(/quotation 3\/30 · Elin Castell/);
      expect(session.text()).toContain('The Harbour Board Votes Again on the Pier');
      expect(session.text()).toMatch(/page 1\/\d+/);
      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    });
  }

  // A long page opens at its start while the thread makes the whole (cli/page-start.ts):
  // keys that need the whole (G, /) wait for it, none lost; the whole is what they reach.
  for (const way of ['typed a key at a time', 'sent in one write'] as const) {
    it(`opens a long page at its start, and G and a search reach into the whole (${way})`, async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'bs-page-'));
      const file = path.join(folder, 'long.html');
      const long = STORY.replace(
        '<p>The minutes of the meeting are online.</p>',
        `${Array.from({length: 400}, (_, index) => paragraph(index + 30)).join('')}<p>The minutes of the meeting are at <a href="https://news.example/minutes">the board's page</a>.</p>`,
      );
      writeFileSync(file, long);
      const session = await start(home(), [file]);
      // G, then a search for the last paragraph's number, then n: the whole article's.
      const script = 'G/Paragraph 429\r';
      await type(session, script, way);
      await session.waitFor(/Paragraph 429: the harbour board/);
      const [, page, pages] = /page (\d+)\/(\d+)/.exec(session.text()) ?? [];
      expect(Number(pages)).toBeGreaterThan(50);
      expect(Number(page)).toBeGreaterThan(Number(pages) - 5);
      session.write('G');
      await session.waitFor(/\[1\] https:\/\/news\.example\/minutes/);
      session.write('q');
      expect((await session.exited).exitCode).toBe(0);
    });
  }

  it('prints a long page whole, notes and all', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bs-page-'));
    const file = path.join(folder, 'long.html');
    writeFileSync(
      file,
      STORY.replace(
        '<p>The minutes of the meeting are online.</p>',
        `${Array.from({length: 400}, (_, index) => paragraph(index + 30)).join('')}<p>The minutes are at <a href="https://news.example/minutes">the board's page</a>.</p>`,
      ),
    );
    const session = await start(home(), ['--print', file]);
    const {exitCode} = await session.exited;
    expect(exitCode).toBe(0);
    const printed = session.text();
    expect(printed).toContain('Paragraph 429: the harbour board');
    expect(printed).toContain('[1] https://news.example/minutes');
  });

  it('opens a page by its address, with its quotations', async () => {
    const session = await start(home(), [`${base}/story`]);
    await session.waitFor(/page 1\/\d+/);
    expect(session.text()).toContain('The Harbour Board Votes Again on the Pier');
    session.write(']');
    await session.waitFor(/quotation 1\/\d+ · Elin Castell/);
    session.write('q');
    expect((await session.exited).exitCode).toBe(0);
    expect(session.bufferType()).toBe('normal');
  });

  it('stops a download with Esc, says so, and saves nothing', async () => {
    const env = home();
    const session = await start(env);
    await session.waitFor('A Study in Scarlet');
    session.write(`a${pasted(`${base}/slow`)}\r`);
    await session.waitFor(/downloading .*slow/);
    session.write('\u001B');
    await session.waitFor('download stopped');
    session.write('q');
    expect((await session.exited).exitCode).toBe(0);
    expect(() => readdirSync(path.join(env.XDG_DATA_HOME, 'broadsheet', 'articles'))).toThrow();
  });

  it('says in the list why a page cannot be added, and goes on', async () => {
    const session = await start(home());
    await session.waitFor('A Study in Scarlet');
    session.write(`a${pasted(`${base}/missing`)}\r`);
    await session.waitFor(`cannot add ${base}/missing: HTTP 404 Not Found`);
    session.write('j');
    await session.waitFor(/❯ Council Votes/);
    session.write('q');
    expect((await session.exited).exitCode).toBe(0);
  });

  it('fails in one line for a page that is not there, and restores the screen', async () => {
    const session = await start(home(), [`${base}/missing`]);
    const exit = await session.exited;
    expect(exit.exitCode).toBe(1);
    expect(session.bufferType()).toBe('normal');
    expect(session.text()).toContain(`broadsheet: cannot open ${base}/missing: HTTP 404 Not Found`);
  });
});
