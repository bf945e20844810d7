// Bundles the CLI (and the benchmark's Ink floor) into single files with esbuild.
// One file starts several times faster than thousands of module loads.
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {existsSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {builtinModules, createRequire} from 'node:module';
import {createHash} from 'node:crypto';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// Ink loads React DevTools (react-devtools-core, not installed) only when DEV=true. esbuild
// would hoist that dynamic import to a static one, so its module is replaced by an empty one.
const withoutDevtools = {
  name: 'without-devtools',
  setup(build) {
    build.onResolve({filter: /^\.\/devtools\.js$/}, (args) =>
      args.importer.includes(`${path.sep}ink${path.sep}`)
        ? {path: 'ink-devtools', namespace: 'empty'}
        : undefined,
    );
    build.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: 'export {};'}));
  },
};

// Yoga's Emscripten loader checks `typeof fetch` and, finding it, fetches its own embedded
// data: URL through undici, which Node 20 then loads (~20 ms). Taking the loader's
// synchronous base64 path instead skips undici entirely.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({filter: /yoga-wasm-base64-esm\.js$/}, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replaceAll('"function"!=typeof fetch', '!0');
      if (patched === source) throw new Error('yoga-layout changed: revisit yogaWithoutFetch');
      return {contents: patched, loader: 'js'};
    });
  },
};

// Ink measures every line it draws with string-width, which segments graphemes even for
// plain Latin text with a curly quote in it. Every import of string-width (Ink's, wrap-ansi's,
// ours) gets a wrapper with a fast path for one-cell text; the wrapper itself imports the real one.
const FAST_WIDTH = path.join(root, 'source/text/fast-string-width.ts');
const fastStringWidth = {
  name: 'fast-string-width',
  setup(build) {
    build.onResolve({filter: /^string-width$/}, (args) =>
      args.importer === FAST_WIDTH ? undefined : {path: FAST_WIDTH},
    );
  },
};

// string-width builds, when it loads, a grapheme segmenter and a pattern of every emoji
// sequence: ~15 ms and ~13 ms (the first segmenter of a process loads its Unicode data; the
// pattern is built anew in each thread), and its first two matches take ~17 ms more (V8
// compiles the pattern). Text of one-cell and two-cell characters never reaches string-width
// (fast-string-width.ts), so both are made on first use; and the pattern is tried only on a
// cluster that could be an emoji: every one holds a character of Emoji_Presentation or a
// variation selector 16 (flags, modifiers and tags are of the first; keycaps hold the second;
// a joiner joins emoji). A minus sign or an accent in a page no longer costs 35 ms;
// test/text/string-width-patch.test.ts checks the answers.
export const stringWidthMadeWhenCalled = patch(
  'string-width-made-when-called',
  /node_modules[\\/]string-width[\\/]index\.js$/,
  [
    [
      'const segmenter = new Intl.Segmenter();\n',
      'let madeSegmenter;\nconst segmenter = {segment: (text) => (madeSegmenter ??= new Intl.Segmenter()).segment(text)};\n',
    ],
    [
      'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;\n',
      'let madeRgiEmojiRegex;\nconst mayBeEmoji = /[\\p{Emoji_Presentation}\\ufe0f]/u;\nconst rgiEmojiRegex = {test: (text) => mayBeEmoji.test(text) && (madeRgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(text)};\n',
    ],
  ],
);

// The YAML parser is needed only for front matter the list's fast path cannot read. It is
// bundled apart, kept in the CLI as a string, and evaluated on its first call: start-up
// neither parses nor runs it. (A string is scanned far faster than the same code is parsed.)
// Markdown's parser is larger still, and lives in a file of its own (see LAZY_FILES).
const LAZY = {
  yaml: ['parse', 'stringify', 'parseDocument', 'isMap', 'isScalar', 'isSeq'],
};
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({filter: /^yaml$/}, (args) =>
      args.namespace === 'lazy-inner' ? undefined : {path: args.path, namespace: 'lazy'},
    );
    build.onLoad({filter: /.*/, namespace: 'lazy'}, async (args) => {
      const names = LAZY[args.path];
      const inner = await build.esbuild.build({
        stdin: {
          contents: `export {${names.join(', ')}} from '${args.path}';`,
          resolveDir: root,
          loader: 'js',
        },
        bundle: true,
        write: false,
        platform: 'node',
        target: 'node20',
        format: 'iife',
        globalName: '__lazyModule',
        minify: !process.env.BROADSHEET_NO_MINIFY,
        legalComments: 'none',
        logLevel: 'warning',
      });
      const code = `${inner.outputFiles[0].text}\nreturn __lazyModule;`;
      const load = `let loaded;\nconst code = ${JSON.stringify(code)};\nconst module = () => (loaded ??= new Function('require', code)(require));`;
      const exports = names
        .map((name) => `export function ${name}(...args) { return module().${name}(...args); }`)
        .join('\n');
      return {contents: `${load}\n${exports}`, loader: 'js'};
    });
  },
};

// Web pages need a DOM, Reader View and the HTML-to-Markdown trees (linkedom, Readability,
// hast and mdast utilities), and Markdown its parser (micromark, with GFM's tables): more code
// than the whole reader, and only a page or a Markdown article needs it. Each module is
// bundled into a file of its own beside the CLI and required on its first call: start-up
// neither reads nor compiles it.
const LAZY_FILES = {
  [path.join(root, 'source/article/html.ts')]: {
    file: 'web.cjs',
    names: ['parseHtml', 'bylineOf', 'parseXml', 'bookChapter'],
  },
  // (Books read their documents with web.cjs: book.cjs requires it, never bundles it.)
  [path.join(root, 'source/article/epub.ts')]: {
    file: 'book.cjs',
    names: ['openBook', 'describeBook'],
  },
  [path.join(root, 'source/article/markdown-tree.ts')]: {
    file: 'markdown.cjs',
    names: ['parseMarkdownTree', 'treeToMarkdown'],
  },
};
const lazyFiles = {
  name: 'lazy-files',
  setup(build) {
    build.onResolve({filter: /(^|\/)(html|markdown-tree|epub)\.js$/}, (args) => {
      if (args.namespace === 'lazy-file' || !args.path.startsWith('.')) return undefined;
      const target = path.join(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return LAZY_FILES[target] ? {path: target, namespace: 'lazy-file'} : undefined;
    });
    // (Required at run time from dist/, beside the CLI: never bundled into it.)
    build.onResolve({filter: /^\.\/[\w-]+\.cjs$/}, (args) =>
      args.namespace === 'lazy-file' ? {path: args.path, external: true} : undefined,
    );
    build.onLoad({filter: /.*/, namespace: 'lazy-file'}, (args) => {
      const {file, names} = LAZY_FILES[args.path];
      const id = lazyFileIds.get(file);
      if (!id) throw new Error(`${file} must be bundled before what requires it`);
      // Compiled with V8's code cache (source/system/code-cache.ts), for this build of it.
      const load = [
        `import {requireCompiled} from ${JSON.stringify(CODE_CACHE)};`,
        'let loaded;',
        `const module = () => (loaded ??= requireCompiled(require, ${JSON.stringify(`./${file}`)}, ${JSON.stringify(id)}));`,
      ].join('\n');
      const exports = names
        .map((name) => `export function ${name}(...args) { return module().${name}(...args); }`)
        .join('\n');
      return {contents: `${load}\n${exports}`, loader: 'js', resolveDir: root};
    });
  },
};
const CODE_CACHE = path.join(root, 'source/system/code-cache.ts');
/** Each lazy file's build (a hash of what was written), by file name, as they are bundled. */
const lazyFileIds = new Map();
const buildIdOf = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** How the files required beside the CLI at run time are bundled: CommonJS for Node 20. */
const besideTheCli = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !process.env.BROADSHEET_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  define: {'process.env.NODE_ENV': '"production"'},
};

/**
 * The thread that reads a web page named on the command line while the reader starts
 * (source/cli/early-page.ts): small itself, it requires web.cjs as the CLI does.
 */
async function bundlePageWorker() {
  const result = await build({
    ...besideTheCli,
    metafile: true,
    plugins: [fastStringWidth, stringWidthMadeWhenCalled, lazyModules, lazyFiles],
    entryPoints: [path.join(root, 'source/cli/page-worker.ts')],
    outfile: path.join(root, 'dist/page-worker.cjs'),
  });
  const eager = Object.keys(result.metafile.inputs).filter((input) =>
    /node_modules\/(linkedom|@mozilla\/readability|ink|react)\//.test(input),
  );
  if (eager.length > 0) {
    throw new Error(`the page worker must not bundle ${eager.slice(0, 3).join(', ')}…`);
  }
}

// linkedom parses a <style> element's CSS (with cssomnom, 200 KB of the 550 KB web.cjs) only
// when its `sheet` is read, which nothing here does: Reader View and the Markdown trees read
// elements and text, never style sheets. Its parser is left out of the bundle.
const withoutStyleSheets = {
  name: 'without-style-sheets',
  setup(build) {
    build.onResolve({filter: /^cssomnom\/parse$/}, (args) =>
      args.importer.includes(`${path.sep}linkedom${path.sep}`)
        ? {path: 'cssomnom-parse', namespace: 'no-style-sheets'}
        : undefined,
    );
    build.onLoad({filter: /.*/, namespace: 'no-style-sheets'}, () => ({
      contents:
        "export function parse() { throw new Error('style sheets are not read by Broadsheet'); }",
      loader: 'js',
    }));
  },
};

// linkedom gives <canvas> elements the `canvas` package when one can be required from where
// web.cjs lies (a native module, loaded with the page), else a shim with no drawing: nothing
// here draws, and looking for the package costs a failed module search on every load. The
// shim is bundled in its place.
const canvasShimOnly = {
  name: 'canvas-shim-only',
  setup(build) {
    build.onResolve({filter: /^canvas$/}, (args) => {
      if (!args.importer.includes(`${path.sep}linkedom${path.sep}`)) return undefined;
      const shim = path.join(path.dirname(args.importer), 'canvas-shim.cjs');
      if (!existsSync(shim)) throw new Error('linkedom changed: revisit canvasShimOnly');
      return {path: shim};
    });
  },
};

// linkedom takes only htmlparser2's Parser, but htmlparser2's index also loads, for backward
// compatibility, its DOM handler, DomUtils, dom-serializer and a second copy of the entity
// tables (built when web.cjs loads). linkedom is given the Parser's own module.
const htmlparser2ParserOnly = {
  name: 'htmlparser2-parser-only',
  setup(build) {
    build.onResolve({filter: /^htmlparser2$/}, (args) => {
      if (!args.importer.includes(`${path.sep}linkedom${path.sep}`)) return undefined;
      const index = createRequire(args.importer).resolve('htmlparser2');
      const parser = path.join(path.dirname(index), '..', 'esm', 'Parser.js');
      if (!existsSync(parser))
        throw new Error('htmlparser2 changed: revisit htmlparser2ParserOnly');
      return {path: parser};
    });
  },
};

// linkedom's parser sets each class attribute twice: as the attribute, then through
// className, which builds the element's token list and writes the attribute again (a tenth
// of a page's parse). The token list is built from the attribute when first asked for.
// Also: how deep the parser's elements nested, kept on the document (each opening tag makes
// one element and goes into it, each closing tag comes out of one): a page whose elements
// all lie above html.ts's MAX_DEPTH is not walked for deeper ones.
const DEEPEST_PARSED = 'broadsheet.deepestParsed';
const classesOnceWhileParsing = {
  name: 'classes-once-while-parsing',
  setup(build) {
    build.onLoad(
      {filter: /linkedom[\\/]esm[\\/]shared[\\/]parse-from-string\.js$/},
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        const twice = "if (attribute.name === 'class')\n    element.className = value;";
        const depthKept = [
          [
            '  const content = new Parser({\n',
            '  let depth = 0;\n  let deepest = 0;\n  const content = new Parser({\n',
          ],
          [
            '    onopentag(name, attributes) {\n',
            '    onopentag(name, attributes) {\n      if (++depth > deepest) deepest = depth;\n',
          ],
          ['    onclosetag() {\n', '    onclosetag() {\n      depth--;\n'],
          [
            '  content.end();\n',
            `  content.end();\n  document[Symbol.for('${DEEPEST_PARSED}')] = deepest;\n`,
          ],
        ];
        if (!source.includes(twice) || depthKept.some(([from]) => !source.includes(from)))
          throw new Error('linkedom changed: revisit classesOnceWhileParsing');
        let contents = source.replace(twice, '');
        for (const [from, to] of depthKept) contents = contents.replace(from, to);
        return {contents, loader: 'js'};
      },
    );
  },
};

/**
 * A bundle-time patch: `from` replaced by `to` in the files `filter` matches; the build
 * fails when a file no longer holds `from` (the library changed: revisit the patch).
 */
function patch(name, filter, replacements) {
  return {
    name,
    setup(build) {
      build.onLoad({filter}, async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const [from, to] of replacements) {
          if (!source.includes(from)) throw new Error(`${args.path} changed: revisit ${name}`);
          source = source.replace(from, to);
        }
        return {contents: source, loader: 'js'};
      });
    },
  };
}

// hast-util-to-mdast copies the tree it is given before it changes it (structuredClone: a
// fifth of a book chapter's conversion). Broadsheet gives it a tree made for that call
// alone (hast-util-from-dom's), never read again: it is changed in place.
const toMdastInPlace = patch('to-mdast-in-place', /hast-util-to-mdast[\\/]lib[\\/]index\.js$/, [
  ['const cleanTree = structuredClone(tree)', 'const cleanTree = tree'],
]);

// hast-util-minify-whitespace (which hast-util-to-mdast runs first) asks isElement about
// every node with the same lists of tag names (fifty and more), and isElement turns a list
// into a check anew on each call, one that tries each name in turn: most of a book chapter's
// conversion. A list is converted once, and a list of names is looked up in a set.
const elementTestsConvertedOnce = patch(
  'element-tests-converted-once',
  /hast-util-is-element[\\/]lib[\\/]index\.js$/,
  [
    [
      "if (typeof test === 'object') {\n        return anyFactory(test)\n      }",
      "if (typeof test === 'object') {\n        let check = convertedLists.get(test)\n        if (!check) convertedLists.set(test, (check = anyFactory(test)))\n        return check\n      }",
    ],
    [
      'function anyFactory(tests) {',
      "const convertedLists = new WeakMap()\nfunction anyFactory(tests) {\n  if (tests.every((test) => typeof test === 'string')) {\n    const names = new Set(tests)\n    return castFactory((element) => names.has(element.tagName))\n  }",
    ],
  ],
);

// hast-util-whitespace tells whitespace by removing it and comparing with '' (a new string
// for every text of a book): it looks for a character that is not whitespace instead.
const whitespaceWithoutCopies = patch(
  'whitespace-without-copies',
  /hast-util-whitespace[\\/]lib[\\/]index\.js$/,
  [["return value.replace(re, '') === ''", 'return !/[^ \\t\\n\\f\\r]/.test(value)']],
);

// Every linkedom node is an event target, and each made a Map of listeners for itself in a
// WeakMap when it was made: garbage for the collector by the hundred thousand in a book,
// for listeners nothing here adds. The map is made when a listener is first added.
const listenersWhenAdded = patch(
  'listeners-when-added',
  /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/,
  [
    ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
    [
      'addEventListener(type, listener, options) {\n    const map = wm.get(this);',
      'addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));',
    ],
    [
      'removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {',
      'removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {',
    ],
  ],
);

// On a resize Ink draws the tree it has, laid out for the old size, at the new width (a page
// of a book wrapped into 6 columns is a thousand rows), then the app draws itself at the new
// size. Under load the stale frame took longer than the app's and came last. Broadsheet's
// root follows the terminal's size (useTerminalSize) and redraws on every change: Ink only
// forgets what it drew, when the width shrinks, so that the app's frame is written whole.
const resizeRedrawnByTheApp = patch('resize-redrawn-by-the-app', /ink[\\/]build[\\/]ink\.js$/, [
  [
    '        this.calculateLayout();\n        this.onRender();\n        this.lastTerminalWidth = currentWidth;',
    '        this.lastTerminalWidth = currentWidth;',
  ],
]);

// Eight patches of Reader View, each doing the same work without copies or throws:
// - It asks of every div, section and heading whether it holds no text, by taking its whole
//   text and trimming it: a page's outer divs hold all of it, so a large page is copied over
//   and over (a tenth of a long article's reading). The walk stops at the first character
//   that is not whitespace (JavaScript's \s is exactly what trim() removes).
// - Before its first try it keeps the whole page as HTML, to start again from if the try
//   finds too little text (few pages): a serialisation of the page, 59 ms of a 1 MB page's
//   reading. Given `pageAfresh` (the page parsed again, as it was given), it prepares that
//   page as it prepared the first (the same three steps) when it needs to start again.
// - It resolves each link and image against the document's base address; linkedom's is
//   null, against which every address throws (new URL(x, null) is invalid whatever x is) and
//   is left as it was: thousands of exceptions on a large page. A null base returns at once.
// - Weighing each div, list and table for removal, it takes the element's whole text six
//   times over and that of every list, heading and paragraph inside it for each of its
//   ancestors in turn. Within one such weighing pass an element's text is taken once, and
//   taken again when an element inside it is removed (the only change the pass makes).
// - It asks every element of the page whether its style hides it: linkedom makes a style
//   declaration (a Map behind a Proxy) for each element asked. An element without a style
//   attribute has no style to hide it (linkedom's is made from that attribute alone).
// - It removes ten kinds of element from the article (objects, footers, asides, buttons…)
//   one kind at a time, each by a walk over the whole article: one walk finds them all, and
//   each kind is removed in turn as before (one inside an element already removed is
//   removed from it again, which changes nothing of the article).
// - It scales each candidate's score by the share of its text in links, taking for each
//   candidate the text of every link inside it: the outer candidates of a large page hold
//   all its links, each weighed once per candidate. Each link is weighed once, its length
//   added to every candidate holding it, in the same order (so to the same sums).
// - Its log of what it grabbed serialises the article even when nothing is logged (its other
//   such logs ask `this._debug` first; this one does now).
const readerViewWithoutCopies = patch(
  'reader-view-without-copies',
  /@mozilla[\\/]readability[\\/]Readability\.js$/,
  [
    ['      !node.textContent.trim().length &&\n', '      !hasTextWithin(node) &&\n'],
    [
      '    var pageCacheHtml = page.innerHTML;\n',
      '    var pageCacheHtml = this._pageAfresh ? null : page.innerHTML;\n',
    ],
    [
      '        page.innerHTML = pageCacheHtml;\n',
      '        page.innerHTML = pageCacheHtml ?? preparedAfresh(this);\n',
    ],
    ['  this._serializer =\n', '  this._pageAfresh = options.pageAfresh;\n  this._serializer =\n'],
    [
      '  _getInnerText(e, normalizeSpaces) {\n',
      `  _getInnerText(e, normalizeSpaces) {
    const known = this._innerTexts;
    if (known && normalizeSpaces !== false) {
      let text = known.get(e);
      if (text === undefined) {
        text = e.textContent.trim().replace(this.REGEXPS.normalize, " ");
        known.set(e, text);
      }
      return text;
    }
`,
    ],
    [
      '    // TODO: Consider taking into account original contentScore here.\n',
      '    // TODO: Consider taking into account original contentScore here.\n    this._innerTexts = new Map();\n',
    ],
    [
      '    });\n  },\n\n  /**\n   * Clean out elements that match the specified conditions',
      '    });\n    this._innerTexts = null;\n  },\n\n  /**\n   * Clean out elements that match the specified conditions',
    ],
    [
      '        if (!filterFn || filterFn.call(this, node, i, nodeList)) {\n          parentNode.removeChild(node);',
      '        if (!filterFn || filterFn.call(this, node, i, nodeList)) {\n          if (this._innerTexts) forgetTextsAbove(this._innerTexts, node);\n          parentNode.removeChild(node);',
    ],
    [
      '      (!node.style || node.style.display != "none") &&\n      (!node.style || node.style.visibility != "hidden") &&\n',
      '      (!node.hasAttribute("style") ||\n        !node.style ||\n        (node.style.display != "none" && node.style.visibility != "hidden")) &&\n',
    ],
    [
      '    this._clean(articleContent, "object");\n',
      '    this._cleanLists = elementsByTag(\n      this._getAllNodesWithTag(articleContent, CLEANED_TAGS)\n    );\n    this._clean(articleContent, "object");\n',
    ],
    [
      '    this._clean(articleContent, "button");\n',
      '    this._clean(articleContent, "button");\n    this._cleanLists = null;\n',
    ],
    [
      '    this._removeNodes(this._getAllNodesWithTag(e, [tag]), function (element) {\n      // Allow youtube',
      '    const listed = this._cleanLists ? this._cleanLists.get(tag) ?? [] : this._getAllNodesWithTag(e, [tag]);\n    this._removeNodes(listed, function (element) {\n      // Allow youtube',
    ],
    [
      '          (1 - this._getLinkDensity(candidate));\n',
      '          (1 - candidateLinkDensity(candidate, weighed));\n',
    ],
    [
      '      var topCandidates = [];\n      for (var c = 0, cl = candidates.length; c < cl; c += 1) {\n',
      '      var topCandidates = [];\n      var weighed = weighedCandidates(this, candidates);\n      for (var c = 0, cl = candidates.length; c < cl; c += 1) {\n',
    ],
    [
      '    this.log("Grabbed: " + articleContent.innerHTML);\n',
      '    if (this._debug) this.log("Grabbed: " + articleContent.innerHTML);\n',
    ],
    [
      '    function toAbsoluteURI(uri) {\n',
      '    function toAbsoluteURI(uri) {\n      if (baseURI == null) return uri;\n',
    ],
    [
      'function Readability(doc, options) {',
      `function hasTextWithin(node) {
  let child = node.firstChild;
  while (child) {
    const type = child.nodeType;
    if ((type === 3 || type === 4) && /\\S/.test(child.data)) return true;
    if (type === 1 && child.firstChild) {
      child = child.firstChild;
      continue;
    }
    while (child !== node && !child.nextSibling) child = child.parentNode;
    if (child === node) return false;
    child = child.nextSibling;
  }
  return false;
}
const CLEANED_TAGS = ["object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select", "button"];
function elementsByTag(elements) {
  const lists = new Map();
  for (const element of elements) {
    const tag = element.localName.toLowerCase();
    let list = lists.get(tag);
    if (!list) lists.set(tag, (list = []));
    list.push(element);
  }
  return lists;
}
// Each candidate's link density as _getLinkDensity finds it, for all candidates in one pass
// over each tree: the links' text lengths summed for every candidate holding them, in
// document order (the same sums, added in its order), and each candidate's text length read
// from its tree's text (see textLengthsWithin).
function weighedCandidates(reader, candidates) {
  const links = new Map();
  const roots = new Set();
  for (const candidate of candidates) {
    links.set(candidate, 0);
    let root = candidate;
    while (root.parentNode) root = root.parentNode;
    roots.add(root);
  }
  const texts = new Map();
  for (const root of roots) {
    textLengthsWithin(root, links, texts);
    reader._forEachNode(root.getElementsByTagName("a"), function (linkNode) {
      const holders = [];
      for (let ancestor = linkNode.parentNode; ancestor; ancestor = ancestor.parentNode) {
        if (links.has(ancestor)) holders.push(ancestor);
      }
      if (holders.length === 0) return;
      var href = linkNode.getAttribute("href");
      var coefficient = href && this.REGEXPS.hashUrl.test(href) ? 0.3 : 1;
      const length = this._getInnerText(linkNode).length * coefficient;
      for (const holder of holders) links.set(holder, links.get(holder) + length);
    });
  }
  return {links, texts};
}
function candidateLinkDensity(candidate, weighed) {
  var textLength = weighed.texts.get(candidate);
  if (textLength === 0) {
    return 0;
  }
  return weighed.links.get(candidate) / textLength;
}
// The length of _getInnerText(element) for each element of \`wanted\` under \`root\` (its text
// trimmed, each run of two or more spaces made one), without taking their texts: an outer
// candidate's text is the page's, and a large page has several such. Each element's text is
// a stretch of its tree's text (text and CDATA nodes in document order, as textContent
// reads them); a run of spaces inside the trimmed stretch shortens it by all but one.
function textLengthsWithin(root, wanted, lengths) {
  // (linkedom's own walk over its nodes, added by textStretchesWalked below.)
  const {text, spans} = root.textStretches(wanted);
  // The runs of two or more spaces (as the normalising pattern finds them), and how much
  // all runs before each shorten the text: a stretch that starts and ends with no space
  // holds whole every run starting inside it.
  const runStarts = [];
  const shortenedBefore = [0];
  const runs = /\\s{2,}/g;
  for (let run = runs.exec(text); run; run = runs.exec(text)) {
    runStarts.push(run.index);
    shortenedBefore.push(shortenedBefore[shortenedBefore.length - 1] + run[0].length - 1);
  }
  const runsBefore = (at) => {
    let low = 0;
    let high = runStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (runStarts[middle] < at) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  for (const [element, [start, end]] of spans) {
    let first = start;
    // (JavaScript's \\s is what trim() removes.)
    while (first < end && /\\s/.test(text[first])) first++;
    let last = end;
    while (last > first && /\\s/.test(text[last - 1])) last--;
    if (first === last) {
      lengths.set(element, 0);
      continue;
    }
    const shortened = shortenedBefore[runsBefore(last)] - shortenedBefore[runsBefore(first + 1)];
    lengths.set(element, last - first - shortened);
  }
}
// An element's text changes when one inside it is removed: its ancestors' texts are taken
// again, the rest stay as they were.
function forgetTextsAbove(texts, node) {
  for (let above = node.parentNode; above; above = above.parentNode) texts.delete(above);
}
function preparedAfresh(reader) {
  const doc = reader._pageAfresh();
  const again = new Readability(doc);
  again._unwrapNoscriptImages(doc);
  again._removeScripts(doc);
  again._prepDocument();
  return doc.body ? doc.body.innerHTML : '';
}
function Readability(doc, options) {`,
    ],
  ],
);

// unist-util-visit-parents names its visitor after each node it visits (a defineProperty and
// a string per node, for stack traces): most of a tree walk's time on a large page. Unnamed.
const visitorsUnnamed = patch(
  'visitors-unnamed',
  /unist-util-visit-parents[\\/]lib[\\/]index\.js$/,
  [
    [
      "    if (typeof value.type === 'string') {\n      const name =",
      '    if (false) {\n      const name =',
    ],
  ],
);

// linkedom answers every querySelectorAll by compiling the selector anew with css-select
// (Reader View asks hundreds of times, of lists of tag names: "h1,h2", "p", "img,picture,…"),
// then testing each element through css-select's adapter. A list of tag names alone is
// matched from a set, by the adapter's own getName and css-select's rule for the names (made
// lower case unless the document is XML, each element's name lowered once per name, not per
// element); any other selector is compiled as before.
const tagListsWithoutCompiling = patch(
  'tag-lists-without-compiling',
  /linkedom[\\/]esm[\\/]shared[\\/]matches\.js$/,
  [
    ["import {ignoreCase} from './utils.js';", "import {ignoreCase, lowerCase} from './utils.js';"],
    [
      'export const prepareMatch = (element, selectors) => CSSselect.compile(',
      `const TAG_LIST = /^\\s*[a-zA-Z][\\w-]*(?:\\s*,\\s*[a-zA-Z][\\w-]*)*\\s*$/;
const tagLists = new Map();
const matchTags = (element, selectors) => {
  if (!TAG_LIST.test(selectors)) return undefined;
  const xml = !ignoreCase(element);
  const key = (xml ? 'x' : 'h') + selectors;
  let names = tagLists.get(key);
  if (!names) {
    names = new Set(selectors.split(',').map((name) => (xml ? name.trim() : name.trim().toLowerCase())));
    tagLists.set(key, names);
  }
  // (css-select's getName, with the document's case rule read once: its elements share it.)
  // (Each name's lower case made once: lowerCase, added to utils.js by tagNamesUpperCasedOnce.)
  return xml ? (candidate) => names.has(candidate.localName) : (candidate) => names.has(lowerCase(candidate.localName));
};
export const prepareMatch = (element, selectors) => matchTags(element, selectors) ?? CSSselect.compile(`,
    ],
  ],
);

// htmlparser2's tokenizer reads text and attribute values a character at a time through its
// state switch when it decodes entities (it skips ahead only when it does not): a page's
// indentation and long attribute values are most of its bytes. It skips ahead to the next
// character that ends the state or starts an entity (< or &; the quote or &) and goes on
// from there as the loop would have on reaching it.
const tokenizerSkipsAhead = patch(
  'tokenizer-skips-ahead',
  /htmlparser2[\\/]dist[\\/]esm[\\/]Tokenizer\.js$/,
  [
    [
      '    stateText(c) {\n',
      `    fastForwardToAny(stops) {
        stops.lastIndex = this.index - this.offset + 1;
        if (stops.test(this.buffer)) {
            this.index = stops.lastIndex - 1 + this.offset;
            return true;
        }
        this.index = this.buffer.length + this.offset - 1;
        return false;
    }
    stateText(c) {
        if (this.decodeEntities && c !== CharCodes.Lt && c !== CharCodes.Amp) {
            if (!this.fastForwardToAny(TEXT_STOPS)) return;
            c = this.buffer.charCodeAt(this.index - this.offset);
        }
`,
    ],
    [
      '    handleInAttributeValue(c, quote) {\n',
      `    handleInAttributeValue(c, quote) {
        if (this.decodeEntities && c !== quote && c !== CharCodes.Amp) {
            if (!this.fastForwardToAny(quote === CharCodes.DoubleQuote ? DOUBLE_QUOTED_STOPS : SINGLE_QUOTED_STOPS)) return;
            c = this.buffer.charCodeAt(this.index - this.offset);
        }
`,
    ],
    [
      'export default class Tokenizer {',
      `const TEXT_STOPS = /[<&]/g;
const DOUBLE_QUOTED_STOPS = /["&]/g;
const SINGLE_QUOTED_STOPS = /['&]/g;
export default class Tokenizer {`,
    ],
  ],
);

// linkedom answers `className` by making the element's DOMTokenList (a Set, kept on the
// element) and joining its tokens: Reader View asks it of every element of a page, most of
// which never need the list. The same value (each token once, joined by single spaces) is
// read from the class attribute (each value made into tokens once); a list already made is
// read as before.
const classNameWithoutLists = patch(
  'class-name-without-lists',
  /linkedom[\\/]esm[\\/]interface[\\/]element\.js$/,
  [
    [
      '  get className() { return this.classList.value; }',
      `  get className() {
    const list = this[CLASS_LIST];
    if (list) return list.value;
    const value = this.getAttributeNode('class')?.value ?? '';
    if (!/\\s/.test(value)) return value;
    let tokens = classTokens.get(value);
    if (tokens === undefined) {
      tokens = [...new Set(value.split(/\\s+/).filter(Boolean))].join(' ');
      if (classTokens.size < 1000) classTokens.set(value, tokens);
    }
    return tokens;
  }`,
    ],
    [
      'export class Element extends ParentNode {',
      `// (Each class attribute's value made into tokens once: a page's elements share a few
// hundred; the first thousand are kept.)
const classTokens = new Map();
export class Element extends ParentNode {`,
    ],
  ],
);

// linkedom answers every element's tagName, and tests every element in getElementsByTagName,
// by upper-casing its local name anew (a string made per element per ask: Reader View asks
// of every element several times). Each name's upper case is made once (for the first
// thousand names: a hostile page could have a million), and its lower case too, for the
// lists of tag names (tagListsWithoutCompiling).
const tagNamesUpperCasedOnce = patch(
  'tag-names-upper-cased-once',
  /linkedom[\\/]esm[\\/]shared[\\/]utils\.js$/,
  [
    [
      'export const localCase = ({localName, ownerDocument}) => {\n  return ownerDocument[MIME].ignoreCase ? localName.toUpperCase() : localName;\n};',
      `const casedOnce = (change) => {
  const cased = new Map();
  return (name) => {
    let changed = cased.get(name);
    if (changed === undefined) {
      changed = change(name);
      if (cased.size < 1000) cased.set(name, changed);
    }
    return changed;
  };
};
const upperCase = casedOnce((name) => name.toUpperCase());
export const lowerCase = casedOnce((name) => name.toLowerCase());
export const localCase = ({localName, ownerDocument}) =>
  ownerDocument[MIME].ignoreCase ? upperCase(localName) : localName;`,
    ],
  ],
);

// entities (htmlparser2's) decodes its tables of named characters from base64 when it loads,
// by atob (written in JavaScript in Node 20) and a loop over the characters: several
// milliseconds of every page read. Buffer decodes base64 natively; the table's 16-bit words
// are written low byte first, as a little-endian machine reads them (a loop elsewhere).
export const entityTablesDecodedNatively = patch(
  'entity-tables-decoded-natively',
  /entities[\\/]dist[\\/]esm[\\/]internal[\\/]decode-shared\.js$/,
  [
    [
      'export function decodeBase64(input) {\n',
      `const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export function decodeBase64(input) {
    const bytes = Buffer.from(input, "base64");
    const even = bytes.length & ~1;
    if (LITTLE_ENDIAN) return new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + even));
    const words = new Uint16Array(even / 2);
    for (let index = 0; index < even; index += 2) words[index / 2] = bytes[index] | (bytes[index + 1] << 8);
    return words;
}
function decodeBase64ByAtob(input) {
`,
    ],
  ],
);

// Reader View's candidates are weighed by their text lengths (weighedCandidates above): the
// text under a node and where each wanted element starts and ends in it, read by a walk over
// linkedom's list of nodes (each element's end is a node of that list) rather than from child
// to sibling through getters, each of which steps over attributes anew.
const textStretchesWalked = patch(
  'text-stretches-walked',
  /linkedom[\\/]esm[\\/]mixin[\\/]parent-node\.js$/,
  [
    [
      '  get childNodes() {\n',
      `  textStretches(wanted) {
    const chunks = [];
    const spans = new Map();
    let offset = 0;
    let {[NEXT]: next, [END]: end} = this;
    while (next !== end) {
      const nodeType = next.nodeType;
      if (nodeType === TEXT_NODE || nodeType === CDATA_SECTION_NODE) {
        const data = next.textContent;
        chunks.push(data);
        offset += data.length;
      } else if (nodeType === ELEMENT_NODE) {
        if (wanted.has(next)) spans.set(next, [offset, offset]);
      } else if (nodeType === NODE_END) {
        const span = spans.get(next[START]);
        if (span) span[1] = offset;
      }
      next = next[NEXT];
    }
    return {text: chunks.join(''), spans};
  }

  get childNodes() {
`,
    ],
  ],
);

/** Each lazily required module, bundled on its own as CommonJS into dist/. */
async function bundleLazyFiles() {
  for (const [entry, {file}] of Object.entries(LAZY_FILES)) {
    await build({
      ...besideTheCli,
      plugins: [
        fastStringWidth,
        stringWidthMadeWhenCalled,
        withoutStyleSheets,
        classesOnceWhileParsing,
        elementTestsConvertedOnce,
        whitespaceWithoutCopies,
        toMdastInPlace,
        listenersWhenAdded,
        readerViewWithoutCopies,
        htmlparser2ParserOnly,
        canvasShimOnly,
        visitorsUnnamed,
        tagListsWithoutCompiling,
        tokenizerSkipsAhead,
        classNameWithoutLists,
        tagNamesUpperCasedOnce,
        entityTablesDecodedNatively,
        textStretchesWalked,
        lazyFiles,
      ],
      entryPoints: [entry],
      outfile: path.join(root, 'dist', file),
    });
    lazyFileIds.set(file, buildIdOf(await readFile(path.join(root, 'dist', file))));
  }
}

// meow's pre-bundled dependencies evaluate, at start-up, two modules the CLI never calls:
// normalize-package-data (with semver, the SPDX tables and hosted-git-info) and Babel's
// code frame (for errors in a package.json). The CLI passes meow its package, so neither is
// needed; here they are required on first use instead of when the file loads.
const meowLazyDependencies = {
  name: 'meow-lazy-dependencies',
  setup(build) {
    build.onLoad({filter: /meow[\\/]build[\\/]dependencies\.js$/}, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patches = [
        [
          'var libExports = requireLib$1();',
          'var libExports = {get codeFrameColumns() { return requireLib$1().codeFrameColumns; }};',
        ],
        [
          'const normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
          'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
        ],
        ['var normalizeExports = requireNormalize();', ''],
      ];
      let patched = source;
      for (const [from, to] of patches) {
        if (!patched.includes(from)) throw new Error('meow changed: revisit meowLazyDependencies');
        patched = patched.replace(from, to);
      }
      return {contents: patched, loader: 'js'};
    });
  },
};

// The CLI runs as a script compiled by dist/cli.js (source/launcher.ts) so that V8 can keep its
// code cache, and a script has no import statements: Node's built-in modules are required.
const BUILTIN = new RegExp(`^(node:.*|${builtinModules.join('|').replaceAll('/', '\\/')})$`);
const builtinsRequired = {
  name: 'builtins-required',
  setup(build) {
    build.onResolve({filter: BUILTIN}, (args) =>
      args.namespace === 'builtin'
        ? {path: args.path, external: true}
        : {path: args.path, namespace: 'builtin'},
    );
    build.onLoad({filter: /.*/, namespace: 'builtin'}, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** The bundle's text as the body of an async function (start-up awaits Yoga's WebAssembly). */
const SCRIPT_START = "(async function (require, __bsImportMeta) {'use strict';\n";
const SCRIPT_END = '\n})';

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: !process.env.BROADSHEET_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [
    withoutDevtools,
    yogaWithoutFetch,
    resizeRedrawnByTheApp,
    fastStringWidth,
    stringWidthMadeWhenCalled,
    lazyModules,
    lazyFiles,
    meowLazyDependencies,
  ],
  define: {'process.env.NODE_ENV': '"production"'},
  // CommonJS dependencies (react) call require(); give the ESM bundle a real one.
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import {createRequire as __bsCreateRequire} from 'node:module';",
      'const require = __bsCreateRequire(import.meta.url);',
    ].join('\n'),
  },
};

export async function bundle({bench = false} = {}) {
  // (First: the CLI and the page worker name each lazy file's build.)
  await bundleLazyFiles();
  const result = await build({
    ...shared,
    plugins: [builtinsRequired, ...shared.plugins],
    define: {...shared.define, 'import.meta': '__bsImportMeta'},
    banner: {},
    entryPoints: [path.join(root, 'source/cli.tsx')],
    write: false,
    metafile: true,
    outfile: path.join(root, 'dist/app.js'),
  });
  const [output] = result.outputFiles;
  // What the lazy files hold must never slip into the CLI itself (start-up would pay for it).
  const eager = Object.keys(result.metafile.inputs).filter((input) =>
    /node_modules\/(linkedom|@mozilla\/readability|hast-util-to-mdast|micromark)\//.test(input),
  );
  if (eager.length > 0) {
    throw new Error(`the CLI bundle must load these lazily: ${eager.slice(0, 3).join(', ')}…`);
  }
  const imports = Object.values(result.metafile.outputs)[0].imports.filter(
    (entry) => entry.kind !== 'require-call',
  );
  if (imports.length > 0) {
    throw new Error(`the CLI bundle must be a script: it imports ${imports.map((i) => i.path)}`);
  }
  const app = SCRIPT_START + output.text + SCRIPT_END;
  await mkdir(path.join(root, 'dist'), {recursive: true});
  await bundlePageWorker();
  await writeFile(path.join(root, 'dist/app.js'), app);
  const buildId = buildIdOf(app);
  await build({
    ...shared,
    plugins: [],
    define: {...shared.define, BROADSHEET_BUILD_ID: JSON.stringify(buildId)},
    entryPoints: [path.join(root, 'source/launcher.ts')],
    outfile: path.join(root, 'dist/cli.js'),
  });
  if (bench) {
    // The framework's own floor: bundled the same way, without our start-up work-arounds.
    await build({
      ...shared,
      plugins: [withoutDevtools],
      entryPoints: [path.join(root, 'bench/ink-floor.tsx')],
      outfile: path.join(root, 'dist/bench/ink-floor.js'),
    });
    await build({
      ...shared,
      entryPoints: [path.join(root, 'bench/typesetting.ts')],
      outfile: path.join(root, 'dist/bench/typesetting.js'),
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle({bench: process.argv.includes('--bench')});
}
