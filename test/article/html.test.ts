// Web pages read as articles: Reader View's extraction, then the Markdown path's blocks.
import {describe, expect, it} from 'vitest';
import {bylineOf, mayNestTooDeep, parseHtml, START_CHARACTERS} from '../../source/article/html.js';
import {charsetOf, declaredCharset, decodeWebPage} from '../../source/article/decode.js';
import {articleFromBytes} from '../../source/article/load.js';
import {sniffFormat} from '../../source/article/formats.js';
import type {Article} from '../../source/article/article.js';
import {plainText} from '../../source/text/layout.js';
import {findQuotations} from '../../source/text/quotes.js';

const paragraphs = (count: number) =>
  Array.from(
    {length: count},
    (_, index) =>
      `<p>Paragraph ${index} of the story, long enough to count as prose for a reader of articles, with a comma, and another, and more words after them.</p>`,
  ).join('\n');

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>A Storm Closes the Old Harbour Road - Example News</title>${head}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>${body}</article><footer>© Example News</footer></body></html>`;

const shown = (html: string, options = {}) => {
  const {article, metadata} = parseHtml(html, options);
  return {article, metadata, text: plainText(article, 80)};
};

describe('a web page read as an article', () => {
  it('takes the main text, leaving out navigation and footers, and the metadata the page gives', () => {
    const head = `<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2024-03-05T10:00:00Z">`;
    const {article, text, metadata} = shown(page(paragraphs(6), head));
    // (Reader View leaves the site's name off the title.)
    expect(article.title).toBe('A Storm Closes the Old Harbour Road');
    expect(metadata).toMatchObject({byline: 'Jane Doe', site: 'Example News', language: 'en'});
    expect(article.meta).toBe('Jane Doe · Example News · 2024-03-05');
    expect(text).toContain('Paragraph 5 of the story');
    expect(text).not.toContain('Home');
    expect(text).not.toContain('© Example News');
    expect(article.language).toBe('en');
    expect(article.notice).toBeUndefined();
  });

  it('sets headings, emphasis, lists, block quotes and code as Markdown is set', () => {
    const {article, text} = shown(
      page(
        `${paragraphs(3)}<h2>A heading</h2><p>Some <em>emphasis</em> and <strong>strength</strong> and <code>code()</code>.</p><ul><li>first</li><li>second</li></ul><ol start="3"><li>third</li></ol><blockquote><p>A quoted passage.</p></blockquote><pre><code>line one\n  line two</code></pre>${paragraphs(2)}`,
      ),
    );
    const kinds = article.blocks.map((block) => block.kind);
    expect(kinds).toContain('heading');
    expect(kinds).toContain('quote');
    expect(kinds).toContain('preformatted');
    expect(text).toContain('• first');
    expect(text).toContain('3. third');
    expect(text).toContain('line one\n  line two');
    const styled = (kind: string) =>
      article
        .markup!.filter((span) => span.kind === kind)
        .map((span) => article.text.slice(span.start, span.end));
    expect(styled('italic')).toEqual(['emphasis']);
    expect(styled('bold')).toEqual(['strength']);
    expect(styled('code')).toEqual(['code()']);
  });

  it('keeps a table line for line, its columns lined up under a rule', () => {
    const {text} = shown(
      page(
        `${paragraphs(3)}<table><tr><th>City</th><th>Population</th></tr><tr><td>Oslo</td><td>709,000</td></tr><tr><td>Reykjavík</td><td>139,000</td></tr></table>`,
      ),
    );
    expect(text).toContain(
      [
        'City      │ Population',
        '──────────┼───────────',
        'Oslo      │ 709,000',
        'Reykjavík │ 139,000',
      ].join('\n'),
    );
  });

  it('gives links as numbered notes made whole against the page’s address, and none for scripts or data', () => {
    const {text} = shown(
      page(
        `${paragraphs(3)}<p>Read <a href="/report.html">the report</a>, <a href="javascript:alert(1)">click me</a>, <a href="data:text/html,hi">this</a> and <a href="#top">the top</a>.</p>`,
      ),
      {url: 'https://news.example/world/story.html'},
    );
    expect(text).toContain('Read the report[1], click me, this and the top.');
    expect(text).toContain('[1] https://news.example/report.html');
    expect(text).not.toContain('javascript:');
    expect(text).not.toContain('data:');
    expect(text).not.toContain('[2]');
  });

  it('shows images as their alt text, and never a script, a style or a frame', () => {
    const {text} = shown(
      page(
        `${paragraphs(3)}<p><img src="https://tracker.example/a.png" alt="A harbour at dawn"> <img src="b.png"></p><script>document.write("evil")</script><style>p{color:red}</style><iframe src="https://ads.example/"></iframe>${paragraphs(1)}`,
      ),
    );
    expect(text).toContain('[image: A harbour at dawn]');
    expect(text).toContain('[image]');
    expect(text).not.toContain('evil');
    expect(text).not.toContain('color');
    expect(text).not.toContain('ads.example');
  });

  it('shows escape sequences and drops bidirectional overrides, wherever the page hides them', () => {
    const {article, text} = shown(
      page(
        `<h1>Title&#27;]0;owned&#7;</h1>${paragraphs(3)}<p>Clear&#27;[2J screen and &#x202E;reversed&#x202C; text, raw \u001b[31m too.</p>`,
      ),
    );
    expect(article.title).not.toContain('\u001b');
    expect(text).not.toMatch(/[\u001b\u0007\u202e\u202c]/);
    expect(text).toContain('Clear␛[2J screen');
    expect(text).toContain('reversed text');
  });

  it('opens a page Reader View cannot read with the whole of its text and a notice', () => {
    // Only a footer, which Reader View leaves out of any article.
    const {article, text} = shown(
      `<html><head><title>Contact</title><script>var x = "in a script";</script></head><body><footer>Write to <a href="mailto:desk@news.example">the desk</a> any day.</footer><div hidden>Hidden words</div><script>alert("no")</script></body></html>`,
    );
    expect(article.notice).toBe('Reader View found no article here: the whole page is shown');
    expect(article.title).toBe('Contact');
    expect(text).toContain('Write to the desk[1] any day.');
    expect(text).not.toContain('in a script');
    expect(text).not.toContain('alert');
    expect(text).not.toContain('Hidden words');
  });

  it('finds quotations in a page’s text as in any article', () => {
    const {article} = shown(
      page(
        `${paragraphs(2)}<p>“We will rebuild the pier,” the mayor said. “Soon.”</p>${paragraphs(2)}`,
      ),
    );
    const quotations = findQuotations(article).map((quotation) =>
      article.text.slice(quotation.start, quotation.end),
    );
    expect(quotations).toEqual(['“We will rebuild the pier,”', '“Soon.”']);
  });

  it('reads a page nested thousands of levels deep, keeping its text (a hostile page)', () => {
    for (const depth of [3000, 20000]) {
      const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>The text at the bottom.</p>${'</div>'.repeat(depth)}</body></html>`;
      const {article, text} = shown(html);
      expect(article.title).toBe('Deep');
      expect(text).toContain('The text at the bottom.');
    }
  });

  it('keeps the elements of the first 128 levels and makes each element below its text alone', () => {
    // The html element is level 0 and body 1: the innermost of k divs is at level k + 1.
    const page = (depth: number) =>
      `<html><head><title>Deep</title></head><body>${['<div>'.repeat(depth), '<p>The first paragraph of the bottom, with words enough to be read as a paragraph.</p><p>The second paragraph of the bottom, with words enough to be read as one too.</p>', '</div>'.repeat(depth)].join('')}<p>After the deep part, a paragraph of its own with words enough to count as one.</p>${'<section>'.repeat(depth)}<p>A second deep part, which holds a paragraph with words enough to be read as one.</p><p>Its last words, which make a paragraph of their own, long enough to be kept.</p>${'</section>'.repeat(depth)}</body></html>`;
    const kept = shown(page(126)).article.text;
    expect(kept).toMatch(/as a paragraph\.\n\n+The second paragraph/);
    expect(kept).toMatch(/read as one\.\n\n+Its last words/);
    const flattened = shown(page(127)).article.text;
    expect(flattened).toContain('as a paragraph.The second paragraph');
    expect(flattened).toContain('read as one.Its last words');
    expect(flattened).toMatch(/as one too\.\n\n+After the deep part/);
  });

  it('walks a page for elements too deep unless its parser says they all lie above the limit', () => {
    expect(mayNestTooDeep(undefined)).toBe(true); // (read from source: not known)
    expect(mayNestTooDeep(0)).toBe(false);
    expect(mayNestTooDeep(127)).toBe(false);
    expect(mayNestTooDeep(128)).toBe(true);
    expect(mayNestTooDeep(20_000)).toBe(true);
  });

  it('is titled by the page, else by its file name', () => {
    expect(shown('<p>Nothing but a line.</p>', {fallbackTitle: 'saved.html'}).article.title).toBe(
      'saved.html',
    );
  });
});

describe('a web page’s bytes decoded as a browser would', () => {
  const bytes = (text: string, encoding: string) => {
    // Node encodes only UTF-8, UTF-16 and Latin-1: the other encodings' bytes are spelled out.
    if (encoding === 'latin1') return Buffer.from(text, 'latin1');
    return Buffer.from(text, 'utf8');
  };

  it('reads the charset the page declares: meta charset, http-equiv, an XML declaration', () => {
    expect(declaredCharset(bytes('<meta charset="Shift_JIS">', 'utf8'))).toBe('shift_jis');
    expect(
      declaredCharset(
        bytes('<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">', 'utf8'),
      ),
    ).toBe('koi8-r');
    expect(declaredCharset(bytes('<?xml version="1.0" encoding="EUC-JP"?><html>', 'utf8'))).toBe(
      'euc-jp',
    );
    expect(declaredCharset(bytes('<!-- <meta charset="big5"> --><p>', 'utf8'))).toBeUndefined();
    expect(charsetOf('text/html; charset="GBK"')).toBe('gbk');
    expect(charsetOf('text/html')).toBeUndefined();
  });

  it('decodes the encodings pages are written in', () => {
    const cases: Array<[string, number[], string]> = [
      ['shift_jis', [0x93, 0xfa, 0x96, 0x7b], '日本'],
      ['euc-jp', [0xc6, 0xfc, 0xcb, 0xdc], '日本'],
      ['euc-kr', [0xc7, 0xd1, 0xb1, 0xb9], '한국'],
      ['gbk', [0xd6, 0xd0, 0xce, 0xc4], '中文'],
      ['gb18030', [0xd6, 0xd0, 0xce, 0xc4], '中文'],
      ['big5', [0xa4, 0xa4, 0xa4, 0xe5], '中文'],
      ['koi8-r', [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4], 'Привет'],
      ['iso-8859-2', [0xb3, 0xf3, 0xbf, 0xea], 'łóżę'],
      ['windows-1252', [0x93, 0x68, 0x69, 0x94], '“hi”'],
      ['iso-8859-1', [0x93, 0x68, 0x69, 0x94], '“hi”'],
    ];
    for (const [charset, body, expected] of cases) {
      const html = Buffer.concat([
        Buffer.from(`<meta charset="${charset}"><p>`, 'latin1'),
        Buffer.from(body),
      ]);
      expect(decodeWebPage(html), charset).toContain(expected);
    }
  });

  it('puts a BOM first, then the server’s charset, then the page’s', () => {
    const sjis = Buffer.concat([
      Buffer.from('<meta charset="koi8-r"><p>'),
      Buffer.from([0x93, 0xfa]),
    ]);
    expect(decodeWebPage(sjis, 'shift_jis')).toContain('日');
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<meta charset="big5"><p>é'),
    ]);
    expect(decodeWebPage(withBom, 'koi8-r')).toContain('é');
  });

  it('reads a page saved as UTF-8 with its old declaration left in as UTF-8', () => {
    expect(decodeWebPage(Buffer.from('<meta charset="gb2312"><p>中文</p>'))).toContain('中文');
  });

  it('falls back to UTF-8, then Windows-1252, for an unknown or missing charset', () => {
    expect(decodeWebPage(Buffer.from('<meta charset="x-unknown"><p>é</p>'))).toContain('é');
    expect(decodeWebPage(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x94]))).toContain('“”');
  });

  it('reads a page’s bytes into an article through the loader', () => {
    const html = Buffer.concat([
      Buffer.from(`<html><head><meta charset="shift_jis"><title>`, 'latin1'),
      Buffer.from([0x93, 0xfa, 0x96, 0x7b]),
      Buffer.from(`</title></head><body>${paragraphs(4)}</body></html>`, 'latin1'),
    ]);
    const result = articleFromBytes(html, 'page.html', {format: 'html'});
    expect(result.kind === 'article' && result.article.title).toBe('日本');
  });
});

describe('the format of text that comes without a name', () => {
  it('knows a web page by its opening tags, Markdown by its marks, and the rest as text', () => {
    expect(sniffFormat('<!DOCTYPE html>\n<html>')).toBe('html');
    expect(sniffFormat('  <!-- saved -->\n<html lang="en">')).toBe('html');
    expect(sniffFormat('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')).toBe(
      'html',
    );
    expect(sniffFormat('---\ntitle: A\n---\n\nText')).toBe('markdown');
    expect(sniffFormat('Intro\n\n## A heading\n\ntext')).toBe('markdown');
    expect(sniffFormat('See [the docs](https://a.example/docs).')).toBe('markdown');
    expect(sniffFormat('```\ncode\n```')).toBe('markdown');
    expect(sniffFormat('A **strong** claim.')).toBe('markdown');
    expect(sniffFormat('The Title\n\nBy a writer\n\nA paragraph with a <b> in it.')).toBe('text');
    expect(sniffFormat('Prices rose 5% in #March, said [sic] the report.')).toBe('text');
  });
});

describe('what a page says of itself', () => {
  it('makes a byline of author, site and date, the date without its time, the site once', () => {
    expect(bylineOf({byline: 'Ana Reyes', site: 'Local News', date: '2024-03-05T10:00:00Z'})).toBe(
      'Ana Reyes · Local News · 2024-03-05',
    );
    expect(bylineOf({byline: 'By Ana Reyes, Local News', site: 'local news'})).toBe(
      'By Ana Reyes, Local News',
    );
    expect(bylineOf({site: 'Local News', date: 'March 5'})).toBe('Local News · March 5');
    expect(bylineOf({})).toBeUndefined();
  });

  it('finds its own address: the canonical link, else og:url, only over http(s)', () => {
    const body = `<body><article>${paragraphs(3)}</article></body>`;
    const at = (head: string, url?: string) =>
      parseHtml(`<html><head>${head}</head>${body}</html>`, {url}).metadata.url;
    expect(at('<link rel="canonical" href="/a">', 'https://news.example/x?y')).toBe(
      'https://news.example/a',
    );
    expect(at('<meta property="og:url" content="https://news.example/b">')).toBe(
      'https://news.example/b',
    );
    expect(at('<link rel="canonical" href="javascript:alert(1)">', 'https://news.example/c')).toBe(
      'https://news.example/c',
    );
    expect(at('', 'https://news.example/d')).toBe('https://news.example/d');
    expect(at('')).toBeUndefined();
  });

  it('reads attributes named in capitals as a browser does: <A HREF>, <DIV CLASS>', () => {
    const page = `<html><body><article>${paragraphs(2)}<blockquote>${paragraphs(1)}</blockquote><p>See <A HREF="https://a.example/first" href="https://a.example/second">this</A> and <IMG SRC="p.png" ALT="A picture">.</p></article></body></html>`;
    const {text} = shown(page);
    // (The first of a name written twice, in whatever case.)
    expect(text).toContain('See this[1] and [image: A picture].');
    expect(text).toContain('[1] https://a.example/first');
    expect(text).not.toContain('second');
    // Reader View weighs a sidebar by its class (after other attributes, spaces around = or not).
    for (const equals of ['=', ' = ']) {
      const sidebar = `<html><body><article>${paragraphs(4)}<div id="box" data-v=1 CLASS${equals}"sidebar"><p>Sidebar words, not the story, with a comma, and another, long enough to be read.</p></div>${paragraphs(3)}</article></body></html>`;
      expect(shown(sidebar).text, equals).not.toContain('Sidebar words');
    }
  });

  it('reads relative links against the page’s <base>, and leaves them be with no address', () => {
    const page = (head: string) =>
      `<html><head>${head}</head><body><article>${paragraphs(3)}<p>See <a href="x.html">this</a>.</p></article></body></html>`;
    const note = (html: string, url?: string) =>
      plainText(parseHtml(html, {url}).article, 200).match(/\[1\] (\S+)/)?.[1];
    expect(note(page('<base href="/docs/">'), 'https://a.example/p/q')).toBe(
      'https://a.example/docs/x.html',
    );
    // The first <base> that has an href.
    expect(
      note(
        page('<base target="_top"><BASE href="/first/"><base href="/second/">'),
        'https://a.example/p/q',
      ),
    ).toBe('https://a.example/first/x.html');
    // Written in capitals, or with a slash for a space.
    expect(note(page('<BASE href="/caps/">'), 'https://a.example/p/q')).toBe(
      'https://a.example/caps/x.html',
    );
    expect(note(page('<base/href="/slash/">'), 'https://a.example/p/q')).toBe(
      'https://a.example/slash/x.html',
    );
    expect(note(page(''), 'https://a.example/p/q')).toBe('https://a.example/p/x.html');
    expect(note(page(''))).toBe('x.html');
    expect(note(page('<base href="http://[bad">'), 'https://a.example/p/q')).toBe(
      'https://a.example/p/x.html',
    );
  });

  it('keeps struck text as text, and a table’s ragged rows and images in their columns', () => {
    const {text} = shown(
      page(
        `${paragraphs(3)}<p>Price <del>£10</del> £8.</p><table><tr><th>a</th><th><img src="p.png" alt="pic"></th><th>c</th></tr><tr><td>longer</td></tr></table><table><tr><td>alone</td></tr></table>`,
      ),
    );
    expect(text).toContain('Price £10 £8.');
    expect(text).toContain('a      │ [image: pic] │ c\n───────┼──────────────┼──\nlonger');
    // A table without a header row gets no rule (nor the empty header the tree gives it).
    expect(text).toMatch(/\n\nalone$/);
    expect(text).not.toContain('│  │');
  });
});

describe('declared charsets, as browsers find them', () => {
  it('reads http-equiv with its content first, and a charset in quotes or spaces', () => {
    expect(
      declaredCharset(
        Buffer.from(`<meta content='text/html; charset=EUC-KR' http-equiv="content-type">`),
      ),
    ).toBe('euc-kr');
    expect(declaredCharset(Buffer.from('<meta charset = " big5 ">'))).toBe('big5');
    expect(
      declaredCharset(Buffer.from('<meta name="x" content="charset=koi8-r">')),
    ).toBeUndefined();
  });

  it('reads UTF-16 with its mark, whatever the page declares', () => {
    const text = '<meta charset="big5"><p>é</p>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeWebPage(le, 'big5')).toBe(text);
  });
});

describe('charsets at their edges', () => {
  // Bytes that are not UTF-8 (a lone 0xE9), so that a declaration decides.
  const page = (head: string) =>
    Buffer.concat([Buffer.from(`${head}<p>`, 'latin1'), Buffer.from([0xe9, 0xe0])]);

  it('reads a Content-Type charset however it is spaced or quoted', () => {
    expect(charsetOf('text/html;charset=UTF-8')).toBe('utf-8');
    expect(charsetOf('text/html; charset = "Shift_JIS"')).toBe('shift_jis');
    expect(charsetOf(undefined)).toBeUndefined();
    expect(charsetOf('text/html; format=flowed')).toBeUndefined();
  });

  it('reads a page that says UTF-16 without a mark as UTF-8, and an unknown charset as no charset', () => {
    expect(decodeWebPage(page('<meta charset="utf-16">'))).toContain('\ufffd');
    expect(decodeWebPage(page('<meta charset="utf16le">'))).toContain('\ufffd');
    // (Unknown: read as if nothing were declared, bytes that are not UTF-8 as Windows-1252.)
    expect(decodeWebPage(page('<meta charset="x-unknown">'))).toContain('éà');
    expect(decodeWebPage(page('<meta charset="koi8-r">'))).toContain('ИЮ');
  });

  it('takes the UTF-16 marks both ways round, and no other pair of bytes for one', () => {
    const text = '<p>é</p>';
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeWebPage(be)).toBe(text);
    // 0xFF 0x3C is no mark: Windows-1252 (ÿ<), as the bytes are not UTF-8.
    expect(decodeWebPage(Buffer.from([0xff, 0x3c, 0x70, 0x3e]))).toBe('ÿ<p>');
    expect(decodeWebPage(Buffer.from([0xfe, 0x3c, 0x70, 0x3e]))).toBe('þ<p>');
  });

  it('looks for the declaration in the first 4 KB only, and an XML declaration only at the start', () => {
    const late = Buffer.concat([Buffer.from(' '.repeat(5000)), page('<meta charset="koi8-r">')]);
    expect(decodeWebPage(late)).toContain('éà');
    expect(
      declaredCharset(Buffer.from('<p><?xml version="1.0" encoding="koi8-r"?>')),
    ).toBeUndefined();
    expect(declaredCharset(Buffer.from(' \n<?xml version = "1.0" encoding = "KOI8-R" ?>'))).toBe(
      'koi8-r',
    );
  });

  it('reads http-equiv however it is spaced or quoted, and nothing from other meta tags', () => {
    const tag = (meta: string) => declaredCharset(Buffer.from(meta));
    expect(tag('<meta http-equiv = "Content-Type" content = "text/html; charset=gbk">')).toBe(
      'gbk',
    );
    expect(tag('<meta http-equiv=content-type content="text/html;charset=big5">')).toBe('big5');
    expect(tag('<meta http-equiv="refresh" content="0; charset=big5">')).toBeUndefined();
    expect(tag('<meta http-equiv="Content-Type" content="text/html">')).toBeUndefined();
    expect(tag('<meta property="og:title" content="x"><meta charset=utf-8>')).toBe('utf-8');
  });
});

describe('a page’s odd corners', () => {
  it('shows an image’s alt text on one line, never a control character in it', () => {
    const {text} = shown(
      page(`${paragraphs(3)}<p><img src="a.png" alt="A\u001b[2J picture&#10;on two lines"></p>`),
    );
    expect(text).toContain('[image: A␛[2J picture on two lines]');
  });

  it('keeps a date that does not start as one whole in the byline', () => {
    expect(bylineOf({date: 'Updated 2024-03-05'})).toBe('Updated 2024-03-05');
  });

  it('resolves a query-only link against the page itself, and leaves a malformed one as written', () => {
    const {text} = shown(
      page(`${paragraphs(3)}<p><a href="?page=2">Next</a> and <a href="http://[bad">bad</a>.</p>`),
      {url: 'https://a.example/p/q'},
    );
    expect(text).toContain('[1] https://a.example/p/q?page=2');
    expect(text).toContain('[2] http://[bad');
  });

  it('is titled Untitled with no title and no file name', () => {
    expect(parseHtml('<p>Words.</p>').article.title).toBe('Untitled');
  });

  it('reads a fragment whole, and an empty page as no article rather than an error', () => {
    const fragment = `<h1>Notes from the Quay</h1>${paragraphs(2)}<p>The last line of the fragment.</p>`;
    const text = plainText(parseHtml(fragment).article, 80);
    expect(text).toContain('Paragraph 0 of the story');
    expect(text).toContain('The last line of the fragment.');
    const headless = `<head><title>Quay Notes</title></head><body>${paragraphs(2)}<p>Its end.</p></body>`;
    expect(plainText(parseHtml(headless).article, 80)).toContain('Its end.');
    for (const empty of ['', '   \n', '<!doctype html>', '<!-- nothing -->']) {
      expect(
        articleFromBytes(new TextEncoder().encode(empty), 'empty.html', {format: 'html'}),
      ).toEqual({
        kind: 'refused',
        reason: 'empty',
      });
    }
  });

  it('reads the format from the start of the text only', () => {
    expect(sniffFormat(`${'plain words '.repeat(400)}\n\n# not a heading this far in`)).toBe(
      'text',
    );
  });
});

describe('the start of a long page, read before the whole', () => {
  const paragraph = (index: number) =>
    `<p>Paragraph ${index}: ${'the estuary silts a little every year, and the channel moves with it; '.repeat(16)}<a href="https://survey.example/${index}">chart ${index}</a>.</p>`;
  const page = (count: number, wrap = (body: string) => body) =>
    `<html lang="en-GB"><head><title>The Estuary Survey</title></head><body><article>${wrap(Array.from({length: count}, (_, index) => paragraph(index)).join('\n'))}</article></body></html>`;
  const startOf = (html: string) => {
    let start: Article | undefined;
    let calls = 0;
    const whole = parseHtml(html, {
      url: 'https://survey.example/page',
      onStart: (given) => {
        start = given;
        calls++;
      },
    }).article;
    return {start, whole, calls};
  };

  it('is the first paragraphs holding START_CHARACTERS of text: a prefix of the whole, its blocks the same, without the notes', () => {
    const {start, whole, calls} = startOf(page(60));
    expect(calls).toBe(1);
    if (!start) throw new Error('no start');
    expect(whole.text.startsWith(start.text)).toBe(true);
    expect(whole.blocks.slice(0, start.blocks.length)).toEqual(start.blocks);
    expect(start.text.length).toBeGreaterThanOrEqual(START_CHARACTERS);
    expect(start.text.length).toBeLessThan(START_CHARACTERS + 2000);
    expect(start.text).not.toContain('Notes');
    expect(start.links?.length).toBe(start.text.match(/chart \d+\[\d+\]/g)?.length);
    expect(start.language).toBe('en-GB');
    expect(start.title).toBe(whole.title);
    // Its length is the whole's as Reader View counts it, a rough guess of the text's.
    expect(start.partial?.rough).toBe(true);
    expect(start.partial!.length).toBeGreaterThan(whole.text.length * 0.5);
    expect(start.partial!.length).toBeLessThan(whole.text.length * 1.5);
  });

  it('is found under the elements that only wrap the article', () => {
    const {start, whole} = startOf(
      page(60, (body) => `<div class="outer"><div class="inner">${body}</div></div>`),
    );
    if (!start) throw new Error('no start');
    expect(whole.text.startsWith(start.text)).toBe(true);
    expect(start.text.length).toBeLessThan(whole.text.length / 3);
  });

  it('is not made for an article shorter than three starts, nor for a page shown whole', () => {
    expect(startOf(page(20)).calls).toBe(0);
    // Nothing Reader View calls an article (a long footer): the whole body is shown, read at once.
    const footer = `<html><head><title>Contact</title></head><body><footer>${'Write to the desk any day of the week. '.repeat(1500)}</footer></body></html>`;
    const {whole, calls} = startOf(footer);
    expect(whole.notice).toBe('Reader View found no article here: the whole page is shown');
    expect(whole.text.length).toBeGreaterThan(3 * START_CHARACTERS);
    expect(calls).toBe(0);
  });
});
