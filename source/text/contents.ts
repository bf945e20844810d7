import type {Article, Block, ContentsEntry} from '../article/article.js';

/** Words that open a heading of a book's part, ranked: a BOOK holds CHAPTERs. */
const DIVISIONS: Record<string, number> = {
  volume: 0,
  part: 1,
  book: 1,
  act: 2,
  chapter: 3,
  stave: 3,
  letter: 3,
  scene: 4,
  section: 4,
  prologue: 3,
  epilogue: 3,
  preface: 3,
  introduction: 3,
  conclusion: 3,
  afterword: 3,
  appendix: 3,
};

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final';
/** "CHAPTER I", "Chapter 12.", "BOOK ONE: 1805", "PART II—…", "EPILOGUE", "Act 3, Scene 2". */
const DIVISION = new RegExp(
  `^(${Object.keys(DIVISIONS).join('|')})(?:\\s+(?:[IVXLCDM]+|\\d+|${NUMBER_WORDS})\\b)?(?:$|[\\s.:—–-])`,
  'i',
);
/** "CHAPTER" etc. must stand with a number, or alone on its line, or be set in capitals. */
const NUMBERED = new RegExp(`^\\S+\\s+([IVXLCDM]+|\\d+|${NUMBER_WORDS})\\b`, 'i');
/** A Roman numeral to 199 (or a number) alone, "— III —" too: a chapter's number. */
const NUMERAL_ALONE =
  /^(?:[—–-]\s*)?(?=[IVXLC\d])(?:C?(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})|\d{1,3})\.?(?:\s*[—–-])?$/;

/** What a heading's first character may be: a letter or digit (no quotation mark), or a dash. */
const HEADING_START = /[\p{L}\p{N}—–-]/u;

/** How long a heading may be, in characters. */
const MAX_HEADING = 80;

/**
 * The article's contents: a book's own table of contents (an EPUB's), else its headings
 * (Markdown, a web page), else the chapter headings of a plain text. Kept per article.
 */
export function contentsOf(article: Article): ContentsEntry[] {
  let found = known.get(article);
  if (!found) known.set(article, (found = findContents(article)));
  return found;
}

const known = new WeakMap<Article, ContentsEntry[]>();

/** Texts this long have their contents found at once; a longer one's, a moment after. */
const FOUND_AT_ONCE = 200_000;

/**
 * The contents when found already, or quick to find (a book's own, or a text's that is not
 * long); undefined while a long text's chapters are not yet looked for (a few tens of ms for
 * a long novel: its first page is shown first, then its contents are found).
 */
export function contentsIfQuick(article: Article): ContentsEntry[] | undefined {
  const found = known.get(article);
  if (found) return found;
  const quick = (article.contents?.length ?? 0) > 0 || article.text.length <= FOUND_AT_ONCE;
  return quick ? contentsOf(article) : undefined;
}

function findContents(article: Article): ContentsEntry[] {
  if (article.contents && article.contents.length > 0) return article.contents;
  const headings = article.blocks.filter((block) => block.kind === 'heading');
  if (headings.length > 0) {
    // (The top level used is depth 0: a page's headings often start at h2.)
    const top = Math.min(...headings.map((block) => block.level ?? 1));
    return headings.map((block) => ({
      title: oneLine(article.text.slice(block.start, block.end)),
      offset: block.start,
      depth: Math.max(0, (block.level ?? top) - top),
    }));
  }
  return chapterHeadings(article);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A line that may be a chapter's heading, and what made it one. */
type Candidate = ContentsEntry & {
  rank: number;
  block: number;
  kind: 'division' | 'numeral' | 'capitals';
};

/**
 * A plain text's chapter headings: short blocks such as CHAPTER I, Chapter 12, BOOK ONE:
 * 1805, PART II, a Roman numeral alone, or a short line in capitals (under a chapter's
 * number, its title; alone, a chapter's title only in a text with no numbered divisions).
 * A heading is one when text follows it (a paragraph of prose before the next heading), or
 * a heading of a lower division does (BOOK ONE over its CHAPTER I): the lines of a list of
 * contents have none, and are left out.
 */
export function chapterHeadings(article: Article): ContentsEntry[] {
  const {text, blocks} = article;
  const found: Candidate[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    // (Most blocks are prose or speech: told from a heading by their length and first
    // character, before any pattern is tried.)
    if (!isCandidate(block) || !HEADING_START.test(text[block.start]!)) continue;
    const lines = text.slice(block.start, block.end).split('\n');
    // A heading is one line, or a division's line and its title's under it.
    if (lines.length > 2) continue;
    const first = lines[0]!.trim();
    const division = DIVISION.exec(first);
    let kind: Candidate['kind'] | undefined;
    let rank = 3;
    if (division && (NUMBERED.test(first) || isCapitals(first) || first === division[0])) {
      kind = 'division';
      rank = DIVISIONS[division[1]!.toLowerCase()]!;
    } else if (lines.length === 1 && NUMERAL_ALONE.test(first)) kind = 'numeral';
    else if (lines.length === 1 && isCapitalTitle(first)) kind = 'capitals';
    if (kind === undefined) continue;
    const title = oneLine(lines.join(' '));
    found.push({title, offset: block.start, depth: 0, block: index, rank, kind});
  }
  // A capital title line under a chapter's number is that chapter's title.
  const merged: Candidate[] = [];
  for (const entry of found) {
    const last = merged.at(-1);
    if (
      last &&
      last.kind !== 'capitals' &&
      last.block === entry.block - 1 &&
      entry.kind === 'capitals'
    ) {
      last.title = `${last.title.replace(/\.$/, '')}. ${entry.title}`;
      continue;
    }
    merged.push(entry);
  }
  const divided = merged.some((entry) => entry.kind === 'division');
  const headings = divided ? merged.filter((entry) => entry.kind !== 'capitals') : merged;
  // From the last: a heading is kept with prose under it, or a kept lower heading next.
  const kept: Candidate[] = [];
  for (let index = headings.length - 1; index >= 0; index--) {
    const entry = headings[index]!;
    const next = headings[index + 1];
    const end = next?.block ?? blocks.length;
    let prose = false;
    for (let block = entry.block + 1; block < end && !prose; block++) {
      prose = isProse(text, blocks[block]!);
    }
    const over = next !== undefined && kept[0] === next && next.rank > entry.rank;
    if (prose || over) kept.unshift(entry);
  }
  const ranks = [...new Set(kept.map((entry) => entry.rank))].sort((a, b) => a - b);
  // Depth by rank: a BOOK at 0 and its CHAPTERs at 1, when the text has both.
  return kept.map(({title, offset, rank}) => ({title, offset, depth: ranks.indexOf(rank)}));
}

/** A paragraph of running text: words enough, and small letters among them. */
function isProse(text: string, block: Block): boolean {
  if (block.kind !== 'paragraph' && block.kind !== 'quote') return false;
  if (block.words < 8) return false;
  return /\p{Ll}/u.test(text.slice(block.start, Math.min(block.end, block.start + 200)));
}

function isCandidate(block: Block): boolean {
  return (
    (block.kind === 'paragraph' || block.kind === 'preformatted') &&
    block.end - block.start <= 2 * MAX_HEADING
  );
}

/** A line with letters, none of them small: ENGLISH or Cyrillic capitals (CJK has no case). */
function isCapitals(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);
}

/** A short title line in capitals: "THE END", "LOOMINGS." — not a shout ("HELP!"), a
 * speaker ("BLOOM:") or initials ("A.E.I.O.U."). */
function isCapitalTitle(line: string): boolean {
  if (line.length < 3 || line.length > 60 || !isCapitals(line)) return false;
  if (/[!?,;:]$|^["“‘'(]/.test(line)) return false;
  if ((line.match(/\./g) ?? []).length > 2) return false;
  return (line.match(/\p{Lu}/gu) ?? []).length >= 3;
}

/** The index of the entry the offset is in (the last starting at or before it), or -1. */
export function entryAt(contents: ContentsEntry[], offset: number): number {
  let low = 0;
  let high = contents.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (contents[middle]!.offset <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
