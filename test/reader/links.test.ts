import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {parseMarkdown} from '../../source/article/markdown.js';
import {isWebLink, linksOf} from '../../source/reader/links.js';
import {resolveLink} from '../../source/app/app.js';
import {openerFor} from '../../source/system/open-outside.js';
import {appReducer, startApp, type AppEnv, type AppState} from '../../source/app/state.js';
import {char, named, type Key} from '../../source/input/keys.js';
import type {Library} from '../../source/library/library.js';

describe('the links of an article', () => {
  it('are a Markdown article’s notes: address, text, and where the text is', () => {
    const article = parseMarkdown(
      '# T\n\nSee [the *old* mill](https://mill.example/a) and [notes](notes.md), or <https://auto.example>.\n',
      'f.md',
    );
    const links = linksOf(article);
    expect(links.map(({url, text}) => ({url, text}))).toEqual([
      {url: 'https://mill.example/a', text: 'the old mill'},
      {url: 'notes.md', text: 'notes'},
    ]);
    expect(article.text.slice(links[0]!.at).startsWith('the old mill[1]')).toBe(true);
    expect(article.text.slice(links[1]!.at).startsWith('notes[2]')).toBe(true);
  });

  it('are the web addresses written in a plain text, without the full stop after them', () => {
    const article = parseText(
      'Sources\n\nSee https://a.example/x?y=1, and (http://b.example/). Not ftp://c.example.',
    );
    expect(linksOf(article).map((link) => link.url)).toEqual([
      'https://a.example/x?y=1',
      'http://b.example/',
    ]);
    expect(linksOf(parseText('None\n\nNo links here.'))).toEqual([]);
    expect(isWebLink('HTTPS://x.example')).toBe(true);
    expect(isWebLink('mailto:a@b.example')).toBe(false);
  });
});

describe('where a link leads', () => {
  const entries = [
    {path: '/lib/notes/a.md', fileName: 'a.md', title: 'A'},
    {path: '/lib/notes/b c.md', fileName: 'b c.md', title: 'B'},
  ];
  it('a web page, an article of the library by a relative path or file: URL, or nothing', () => {
    const from = entries[0];
    expect(resolveLink('https://x.example/p', from, entries)).toEqual({
      kind: 'web',
      url: 'https://x.example/p',
    });
    expect(resolveLink('b%20c.md', from, entries)).toEqual({kind: 'entry', index: 1});
    expect(resolveLink('./a.md#part', from, entries)).toEqual({kind: 'entry', index: 0});
    expect(resolveLink('file:///lib/notes/a.md', from, entries)).toEqual({kind: 'entry', index: 0});
    expect(resolveLink('../other.md', from, entries)).toEqual({
      kind: 'none',
      reason: 'not in the library: ../other.md',
    });
    expect(resolveLink('mailto:a@b.example', from, entries)).toEqual({
      kind: 'none',
      reason: 'cannot read mailto:a@b.example here (O opens it outside)',
    });
    // Piped in, an article has no folder to find others from.
    expect(resolveLink('a.md', {path: '-', fileName: 'stdin', title: 'S'}, entries).kind).toBe(
      'none',
    );
  });
});

describe('the system opener', () => {
  it('is $BROWSER (its first entry, %s for the link), else the platform’s', () => {
    const url = 'https://x.example/';
    expect(openerFor(url, {BROWSER: 'firefox'}, 'linux')).toEqual({
      command: 'firefox',
      args: [url],
    });
    expect(openerFor(url, {BROWSER: 'lynx -dump %s:w3m'}, 'linux')).toEqual({
      command: 'lynx',
      args: ['-dump', url],
    });
    expect(openerFor(url, {}, 'linux')).toEqual({command: 'xdg-open', args: [url]});
    expect(openerFor(url, {}, 'darwin')).toEqual({command: 'open', args: [url]});
    expect(openerFor(url, {BROWSER: ''}, 'win32').command).toBe('cmd');
  });
});

describe('following links in the app', () => {
  const library: Library = {
    kind: 'folder',
    folder: '/lib',
    entries: [
      {path: '/lib/a.md', fileName: 'a.md', title: 'A'},
      {path: '/lib/b.md', fileName: 'b.md', title: 'B'},
    ],
  };
  const texts: Record<string, string> = {
    '/lib/a.md': `# A\n\n${'Words of A go on. '.repeat(300)}\n\n[to b](b.md) and [the web](https://w.example/p)\n`,
    '/lib/b.md': '# B\n\nThe text of B.\n',
  };
  const world: AppEnv = {
    open: (entry) => ({
      kind: 'article',
      article: parseMarkdown(texts[entry.path]!, entry.fileName),
      anchor: 0,
    }),
    resolveLink,
  };
  const press = (state: AppState, ...keys: Key[]) =>
    keys.reduce((current, key) => appReducer(current, {type: 'key', key}, world), state);

  it('reads an article of the library here, and q comes back to the page it was on', () => {
    let state = press(
      startApp(library, world, {columns: 80, rows: 24}),
      named('enter'),
      char('2'),
      char('g'),
    );
    const page = state.reading!.reader.page;
    expect(page).toBeGreaterThan(0);
    state = press(state, char('o'), named('enter'));
    expect(state.reading!.reader.article.title).toBe('B');
    expect(state.reading!.from).toHaveLength(1);
    state = press(state, char('J'));
    expect(state.reading!.reader.message).toBe('q goes back to where the link was');
    // The terminal resized while on the link's article: the article gone back to fits it.
    state = appReducer(state, {type: 'resize', columns: 60, rows: 20}, world);
    state = press(state, char('q'));
    expect(state.reading!.reader.columns).toBe(60);
    state = appReducer(state, {type: 'resize', columns: 80, rows: 24}, world);
    expect(state.reading!.reader.article.title).toBe('A');
    expect(state.reading!.reader.page).toBe(page);
    expect(state.reading!.from).toEqual([]);
    state = press(state, char('q'));
    expect(state.reading).toBeUndefined();
  });

  it('downloads a web page, holding nothing of the article: failure says why and stays', () => {
    let state = press(
      startApp(library, world, {columns: 80, rows: 24}),
      named('enter'),
      char('o'),
      char('j'),
      named('enter'),
    );
    expect(state.reading!.following).toEqual({url: 'https://w.example/p', bytes: 0});
    state = appReducer(state, {type: 'followProgress', bytes: 4096}, world);
    expect(state.reading!.reader.message).toBe(
      'downloading https://w.example/p · 4 KB · Esc stops',
    );
    const failed = appReducer(
      state,
      {type: 'followFailed', message: 'cannot open https://w.example/p: stopped'},
      world,
    );
    expect(failed.reading!.following).toBeUndefined();
    expect(failed.reading!.reader.article.title).toBe('A');
    expect(failed.reading!.reader.message).toBe('cannot open https://w.example/p: stopped');
    const refused = appReducer(
      state,
      {type: 'followed', url: 'https://w.example/p', result: {kind: 'refused', reason: 'empty'}},
      world,
    );
    expect(refused.reading!.reader.message).toBe('cannot read https://w.example/p: empty');
    const read = appReducer(
      state,
      {
        type: 'followed',
        url: 'https://w.example/p',
        result: {kind: 'article', article: parseMarkdown('# Web\n\nA page.\n', 'p')},
      },
      world,
    );
    expect(read.reading!.index).toBe(-1);
    expect(read.reading!.reader.article.title).toBe('Web');
    expect(press(read, char('q')).reading!.reader.article.title).toBe('A');
  });

  it('says there are no links when o finds none', () => {
    const state = press(
      startApp(library, world, {columns: 80, rows: 24}),
      char('j'),
      named('enter'),
      char('o'),
    );
    expect(state.reading!.reader.message).toBe('no links in this article');
  });
});
