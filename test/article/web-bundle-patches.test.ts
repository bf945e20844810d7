// The built web.cjs carries bundle-time patches of Reader View, linkedom and the unist
// walkers (scripts/bundle.mjs). They must read exactly what the unpatched source reads; these
// pages are made to go through each patched path (the corpus test compares whole suites).
import {describe, expect, it} from 'vitest';
import {createRequire} from 'node:module';
import path from 'node:path';
import {parseHtml, parseXml} from '../../source/article/html.js';
import {projectRoot} from '../e2e/terminal.js';

const built = createRequire(import.meta.url)(path.join(projectRoot, 'dist/web.cjs')) as {
  parseHtml: typeof parseHtml;
  parseXml: typeof parseXml;
};

/** A paragraph of ordinary words, repeated to make an article's body. */
const words = '<p>Plain words, and more plain words, enough of them to make an article body.</p>';

/** The page as the built web.cjs reads it, checked to be what the source reads. */
function readAlike(page: string) {
  const read = built.parseHtml(page);
  expect(read.article).toEqual(parseHtml(page).article);
  return read;
}

describe('the built web.cjs reads as the source does', () => {
  it('a page whose first try finds too little: started again from the page as it was given', () => {
    const page = `<!doctype html><html><head><title>A short note on tides</title><style>p{color:red}</style></head><body>
<div class="sidebar"><p>The harbour master keeps a log of every tide, and the log is read aloud each evening.<br><br>Nobody listens to it.</p>
<noscript><p>Switch on scripts to see the chart.</p></noscript>
<p>The keeper's chart: <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><noscript><img src="chart.png" alt="The tide chart"></noscript></p>
${'<div>'.repeat(130)}<p>Written by the keeper</p><p>of the light.</p>${'</div>'.repeat(130)}
<p><font>Low water</font> at six, high water at noon, <a href="/tides/Table:2">the table</a> and <a href="chart.html">the chart</a>.</p><script>var x = "<p>not text</p>";</script></div>
<div class="comments"><p>Short, <script>var ignored = "${'one, '.repeat(60)}";</script>and clipped.</p></div>
</body></html>`;
    const read = built.parseHtml(page, {fallbackTitle: 'x'});
    expect(read.article).toEqual(parseHtml(page, {fallbackTitle: 'x'}).article);
    // What the page holds, read whole on the last try (not a vacuous match of two blanks).
    expect(read.article.text).toContain('[image: The tide chart]');
    expect(read.article.text).toContain('Nobody listens to it.');
    expect(read.article.text).not.toContain('one, one');
  });

  it('links without the page’s address: as the page gives them, whatever colons they hold', () => {
    const page = `<html><head><title>Links</title></head><body><article>${'<p>A paragraph of ordinary words, long enough to count as the article, with commas, and more.</p>'.repeat(6)}
<p>See <a href="/wiki/File:Tide.png">the file</a>, <a href="notes.html?a=b:c">the notes</a>, <a href="#top">the top</a>, <a href="mailto:keeper@example.test">the keeper</a>, <a href="HTTPS://Example.TEST/a/../x">the site</a> and <a href=" ht tp:odd">an odd one</a>.</p></article></body></html>`;
    const read = readAlike(page);
    expect(read.article.text).toContain('/wiki/File:Tide.png');
    expect(read.article.text).toContain('notes.html?a=b:c');
    expect(read.article.text).toContain('https://example.test/x');
    const fromItsAddress = built.parseHtml(page, {url: 'http://host.test/dir/page.html'});
    expect(fromItsAddress.article).toEqual(
      parseHtml(page, {url: 'http://host.test/dir/page.html'}).article,
    );
    expect(fromItsAddress.article.text).toContain('http://host.test/wiki/File:Tide.png');
    expect(fromItsAddress.article.text).toContain('http://host.test/dir/notes.html?a=b:c');
  });

  it('text and attribute values with entities, quotes of both kinds and a page that ends in text', () => {
    const page = `<html><head><title>Fish &amp; chips &lt;daily&gt;</title></head><body><article>${words.repeat(5)}
<p>Salt &amp; vinegar &copy 2026, caf&eacute; &#x27;open&#39; &notanentity; 5 &lt; 6 &gt; 4 &</p>
<p><a href="https://example.test/?a=1&amp;b=2&copy=3">double</a>, <a href='https://example.test/say "hi"&amp;x'>single</a>, <a href=https://example.test/bare&amp;y>bare</a>.</p>
<p><img alt="Fish &amp; &quot;chips&quot;" src="x.png"> <img alt='It&#39;s "here"' src="y.png"></p>
</article></body></html>
trailing words &amp; no tag after them`;
    const read = readAlike(page);
    expect(read.metadata).toEqual(parseHtml(page).metadata);
    expect(read.article.text).toContain(
      "Salt & vinegar © 2026, café 'open' ¬anentity; 5 < 6 > 4 &",
    );
    expect(read.article.text).toContain('https://example.test/?a=1&b=2&copy=3');
    expect(read.article.text).toContain('https://example.test/say%20%22hi%22&x');
    expect(read.article.text).toContain('[image: Fish & "chips"]');
    expect(read.article.text).toContain('[image: It\'s "here"]');
  });

  it('class names as the DOM gives them: each once, joined by single spaces', () => {
    // "hid" alone is a class Reader View weighs against; written twice with a tab between,
    // it is still "hid" to the DOM, and the aside goes.
    const page = `<html><head><title>Classes</title></head><body><article class="story  story">${words.repeat(6)}
<div class="hid\thid"><p>An aside that Reader View weighs against.</p><p>Its second line.</p></div>
<div class="note"><p>An aside it keeps, with words, commas, and more words.</p><p>Its second line too.</p></div></article></body></html>`;
    const read = readAlike(page);
    expect(read.article.text).not.toContain('An aside that Reader View weighs against.');
    expect(read.article.text).toContain('An aside it keeps');
  });

  it('elements hidden by their style, and only by their style', () => {
    const page = `<html><head><title>Styles</title></head><body><article>${words.repeat(6)}
<p style="display: none">Words hidden from view.</p><p style="visibility:hidden">Words kept invisible.</p>
<p style="color: red">Words in red, and shown, with words, commas, and more words.</p></article></body></html>`;
    const read = readAlike(page);
    expect(read.article.text).not.toContain('Words hidden from view.');
    expect(read.article.text).not.toContain('Words kept invisible.');
    expect(read.article.text).toContain('Words in red, and shown');
  });

  it('asides, footers, buttons and frames removed from the article, a video kept', () => {
    const page = `<html><head><title>Removed</title></head><body><article><div>${words.repeat(6)}
<aside><p>An aside about something else entirely, with words, commas, and more.</p></aside>
<div class="share-tools">Share this <button>Tweet it</button> <input value="link"></div>
<p>Watch: <iframe src="https://www.youtube.com/embed/abc"></iframe> <iframe src="https://ads.example/frame"></iframe> <object data="x.swf"><embed src="x.swf"></object></p>
<footer><p>A footer inside the article, which goes.</p></footer>
<p>The last words of the article, with words, commas, and more.</p></div></article></body></html>`;
    const read = readAlike(page);
    expect(read.article.text).not.toContain('An aside about something else');
    expect(read.article.text).not.toContain('A footer inside the article');
    expect(read.article.text).not.toContain('Tweet it');
    expect(read.article.text).toContain('The last words of the article');
  });

  it('divs and forms weighed by their paragraphs, pictures, list items and inputs', () => {
    const page = `<html><head><title>Weighed</title></head><body><article><div>${words.repeat(6)}
<div><p>A gallery caption</p>${'<img src="a.png" alt="one">'.repeat(5)}</div>
<div><p>A list's lead</p>${'<li>an item</li>'.repeat(102)}</div>
<form><p>A form's first line</p><p>Its second</p><input name="a"><input name="b"></form>
<div><p>A figure's caption</p><p>Its note</p><img src="d.png" alt="kept picture"></div>
<p>The last words of the article, with words, commas, and more.</p></div></article></body></html>`;
    const read = readAlike(page);
    // Five pictures to two paragraphs (the pictures' run made one); 102 items outside a list.
    expect(read.article.text).not.toContain('A gallery caption');
    expect(read.article.text).not.toContain("A list's lead");
    // A form weighed before its inputs go: two inputs to its three paragraphs.
    expect(read.article.text).not.toContain("A form's first line");
    expect(read.article.text).toContain('[image: kept picture]');
  });

  it('candidates weighed by the share of their text in links, a link to a place in the page at 0.3', () => {
    const story =
      '<p>Plain words of the story, and more plain words, enough of them to make a paragraph.</p>';
    const linked = (href: string) =>
      `<p><a href="${href}">Words in a link that run on, with commas, and more commas, to make a long link text</a>, and two words.</p>`;
    const page = (href: string) =>
      `<html><head><title>Links weighed</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<div><div class="one">${linked(href).repeat(9)}</div></div><div><div class="two">${story.repeat(6)}</div></div></body></html>`;
    // Links elsewhere: nine paragraphs that are mostly links weigh less than six of story.
    const elsewhere = readAlike(page('/elsewhere'));
    expect(elsewhere.article.text).toContain('Plain words of the story');
    expect(elsewhere.article.text).not.toContain('Words in a link');
    // Links to the page's own notes count at 0.3 of their length: the nine are kept.
    const withinThePage = readAlike(page('#note'));
    expect(withinThePage.article.text).toContain('Words in a link');
    // A candidate's text as Reader View measures it: each run of spaces counts as one (more,
    // and the spaced paragraphs' links weigh too much; less, too little).
    const spaced = Array.from({length: 30}, (_, k) => `word${k % 10}`).join('  \n  ');
    const plain =
      '<p>Plain words of the other story, and more plain words, enough of them to make a paragraph of it.</p>';
    const spacedPage = (linked: number, plains: number, linkWords: number) =>
      `<html><head><title>Spaces</title></head><body><div><div class="one">${`<p><a href="/x">${'linked words '.repeat(linkWords).trim()}</a>,   ${spaced}, more.</p>`.repeat(linked)}</div></div><div><div class="two">${plain.repeat(plains)}</div></div></body></html>`;
    expect(readAlike(spacedPage(4, 4, 12)).article.text).toContain('linked words');
    expect(readAlike(spacedPage(3, 3, 8)).article.text).not.toContain('linked words');
  });

  it('pages nested just above and just below the depth limit, however their tags close', () => {
    // The built parser counts how deep it went; a page that stays above the limit is not
    // walked for deeper elements. Void elements, unclosed list items and paragraphs, stray
    // and implied closing tags and an SVG go in and out of elements without changing it.
    const paragraph = (what: string) =>
      `<p>The ${what} of the bottom, with words enough to be read as a paragraph of its own.</p>`;
    const page = (depth: number) =>
      `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth - 4)}<br><img src="a.png" alt="An image"></span></b><ul><li>One<li>Two</ul></p><svg><g><path d="M0"/></g></svg><section><blockquote><p>Held<p>${paragraph('first paragraph')}${paragraph('second paragraph')}</blockquote></section>${'</div>'.repeat(depth - 4)}${words.repeat(4)}</body></html>`;
    for (const depth of [125, 126, 127, 128, 129, 130, 131, 140]) {
      const {text} = readAlike(page(depth)).article;
      expect(text).toContain('bottom, with words enough to be read as a paragraph of its own.');
    }
    // (The blockquote lies at level depth - 1 below the root: at 128 and below, it keeps its
    // paragraphs; at 129, it is its text alone.)
    expect(readAlike(page(128)).article.text).toMatch(/its own\.\n\n+The second paragraph/);
    expect(readAlike(page(129)).article.text).toContain('its own.The second paragraph');
  });

  it('elements Reader View makes itself (named in capitals) found by lists of tag names', () => {
    // Unclosed paragraphs and links: Reader View makes paragraphs of its own (createElement
    // of "P", a name linkedom keeps in capitals), which a list of tag names matches in any
    // case in an HTML document. Matched as written, the first paragraph would win.
    const page = [
      "<p> (By which the keeper means, ``a chart that can be read.'' No, a chart drawn on the back of a ticket does not count. Nor does a chart kept in the harbour office: if he were going to walk there, why in the world would he keep a chart at all? Would not a chart in the lamp room be the <i>whole",
      'chart</a> now. He will probably look at it some evening, but the trouble with <i><a href="keeper.html">him</a></i> moving the chart from the office to the lamp room is that it would probably start another <a href="https://news.example/letters">',
      '<p> By the way, the suggestion to move the lighthouse in order to read a single chart might sound absurd at first. And that is because <a href="move.html">it is</a>. But the harbour has heard so many suggestions for so long that it no longer even surprises anyone when every',
    ].join('\n');
    expect(readAlike(page).article.text).toMatch(/^Untitled\n+By the way, the suggestion/);
  });

  it('lists of tag names in an XML document: matched as written, case and all', () => {
    const xml =
      '<package><Item id="a"/><item id="b"/><other><item id="c"/><item id="d" class="odd"/></other></package>';
    const ids = (document: ReturnType<typeof parseXml>, selector: string) =>
      [...document.documentElement!.querySelectorAll(selector)].map((element) =>
        element.getAttribute('id'),
      );
    for (const selector of [
      'Item',
      'item',
      'item,Item',
      ' other , Item ',
      'other item',
      'item.odd',
    ]) {
      expect(ids(built.parseXml(xml), selector), selector).toEqual(ids(parseXml(xml), selector));
    }
    expect(ids(built.parseXml(xml), 'Item')).toEqual(['a']);
    expect(ids(built.parseXml(xml), 'item,Item')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(built.parseXml(xml), 'item.odd')).toEqual(['d']);
  });
});
