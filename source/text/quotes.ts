import {blocksThrough, type Article, type Block} from '../article/article.js';

/**
 * A quotation: the range [start, end) of the article's text, marks included, and how deep it
 * is nested (1 for a quotation, 2 for a quotation inside it, and so on).
 */
export type Quotation = {
  start: number;
  end: number;
  level: number;
  /** Who said it, when the text says so plainly ("…,” Lavrov said). */
  speaker?: string;
};

/**
 * The quotation marks. Which closes which is `closes`; whether one opens or closes, its
 * neighbours and the paragraph's style (`roleOf`): “ opens in English and closes „…“ in
 * German, ” closes in English and opens and closes in Swedish, ’ is most often an apostrophe.
 */
const MARK_CHARACTERS = '“”„‟"‘’‚‛\'«»‹›「」『』';
const MARKS = new Set(MARK_CHARACTERS);
const MARK_PATTERN = new RegExp(`[${MARK_CHARACTERS}]`, 'g');

/** Which closing marks may end a quotation that `opener` began. */
export function closes(opener: string, closer: string): boolean {
  switch (opener) {
    case '“':
      return closer === '”' || closer === '"';
    case '”':
      return closer === '”';
    case '„':
    case '‟':
      return closer === '“' || closer === '”' || closer === '"';
    case '"':
      return closer === '"' || closer === '”';
    case '‘':
    case "'":
      return closer === '’' || closer === "'";
    case '‚':
    case '‛':
      return closer === '‘' || closer === '’' || closer === "'";
    case '«':
    case '»':
      return closer === '«' || closer === '»';
    case '‹':
    case '›':
      return closer === '‹' || closer === '›';
    case '「':
      return closer === '」';
    case '『':
      return closer === '』';
    default:
      return false;
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WHITESPACE = /\s/;
const OPENING_CONTEXT = /[\s([{\-–—/:;,…>]/;
/** Words that begin with an apostrophe: ’tis, ’em, ’n’, ’90s, and so on. */
const ELISION =
  /^(?:tis|twas|twere|twill|twould|em|n|cause|cos|til|till|round|bout|nuff|ere|neath|gainst|s|d|ll|re|ve|m|\d\d(?:s|th)?)(?![\p{L}\p{N}])/iu;

const isLetter = (char: string | undefined) => char !== undefined && LETTER_OR_DIGIT.test(char);
const isSpace = (char: string | undefined) => char === undefined || WHITESPACE.test(char);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const isCjk = (char: string | undefined) => char !== undefined && CJK.test(char);

/** Whether the mark at `index` could open or close a quotation, judged by its neighbours. */
export function flanking(text: string, index: number, start: number, end: number) {
  const before = index > start ? text[index - 1] : undefined;
  const after = index + 1 < end ? text[index + 1] : undefined;
  // French sets « and » off with (no-break) spaces: look past one for the quoted word.
  const mark = text[index]!;
  const inner = mark === '«' || mark === '»' || mark === '‹' || mark === '›';
  const afterWord = inner && isSpace(after) && index + 2 < end ? text[index + 2] : after;
  const beforeWord = inner && isSpace(before) && index - 2 >= start ? text[index - 2] : before;
  const canOpen =
    !isSpace(after) && (before === undefined || OPENING_CONTEXT.test(before) || MARKS.has(before));
  const canClose =
    // No mark is a letter: a closing mark may be followed by another (’”).
    !isSpace(before) && !isLetter(after) && before !== '(';
  // « bonjour »: a spaced-out mark counts only when nothing touches its other side either.
  const spacedOpen =
    inner &&
    isSpace(after) &&
    !isSpace(afterWord) &&
    (before === undefined || OPENING_CONTEXT.test(before));
  const spacedClose = inner && isSpace(before) && !isSpace(beforeWord) && !isLetter(after);
  return {canOpen: canOpen || spacedOpen, canClose: canClose || spacedClose, before, after};
}

type Open = {
  index: number;
  mark: string;
  continued?: boolean;
  /** How many quotations had been found when it opened: those found after are inside it. */
  foundAt: number;
};

/**
 * How a paragraph writes guillemets, from the letters and spaces beside each mark: «French»
 * and « French » open with «, »German« opens with ». Undefined when the marks do not say.
 */
export function guillemetStyle(
  text: string,
  start: number,
  end: number,
): 'french' | 'german' | undefined {
  // Within the paragraph only: a search that ran on to the end of a book for every
  // paragraph would make the whole scan quadratic.
  const part = text.slice(start, end);
  if (!part.includes('«') && !part.includes('»')) return undefined;
  let french = 0;
  let german = 0;
  const letter = /\p{L}/u;
  const space = /[ \u00a0\u202f]/;
  for (let at = part.indexOf('«'); at !== -1; at = part.indexOf('«', at + 1)) {
    const after = part[at + 1] ?? '';
    const before = part[at - 1] ?? '';
    // «Bonjour or « Bonjour opens French; das Wort« or Was?« closes German.
    if (letter.test(after) || (space.test(after) && letter.test(part[at + 2] ?? ''))) french++;
    else if (letter.test(before) || (/[.,!?]/.test(before) && letter.test(part[at - 2] ?? '')))
      german++;
  }
  for (let at = part.indexOf('»'); at !== -1; at = part.indexOf('»', at + 1)) {
    const after = part[at + 1] ?? '';
    const before = part[at - 1] ?? '';
    if (letter.test(after)) german++;
    else if (
      letter.test(before) ||
      space.test(before) ||
      (/[.,!?]/.test(before) && letter.test(part[at - 2] ?? ''))
    )
      french++;
  }
  if (french === german) return undefined;
  return german > french ? 'german' : 'french';
}

/** Whether any mark after `from` in the paragraph could close a quotation `opener` began. */
function closerAhead(text: string, opener: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const char = text[i]!;
    if (MARKS.has(char) && closes(opener, char) && flanking(text, i, from - 1, end).canClose) {
      return true;
    }
  }
  return false;
}

type Role = 'open' | 'close' | 'none';

/** Decides what the mark at `index` does, given what is open. */
function roleOf(
  text: string,
  index: number,
  block: Block,
  stack: Open[],
  style: 'french' | 'german',
): Role {
  const mark = text[index]!;
  const {canOpen, canClose, before, after} = flanking(text, index, block.start, block.end);
  const openMatch = stack.some((open) => closes(open.mark, mark));

  switch (mark) {
    case '「':
    case '『':
    case '„':
    case '‟':
    case '‚':
    case '‛':
      return 'open';
    case '」':
    case '』':
      return 'close';
    case '’':
      if (isCjk(before) || isCjk(after)) return openMatch ? 'close' : 'none';
      // An apostrophe unless it ends an open single quotation; the Joneses’ car is possessive
      // when another closing mark follows.
      if (!canClose || !openMatch || isLetter(after)) return 'none';
      if (
        before === 's' &&
        after === ' ' &&
        /\p{Ll}/u.test(text[index + 2] ?? '') &&
        closerAhead(text, stack.at(-1)!.mark, index + 1, block.end)
      ) {
        return 'none';
      }
      return 'close';
    case '«':
    case '‹':
    case '»':
    case '›': {
      const opens =
        style === 'french' ? mark === '«' || mark === '‹' : mark === '»' || mark === '›';
      // Context wins over the article's style where it is plain («wrong« closes).
      if (opens) return canClose && !canOpen && openMatch ? 'close' : 'open';
      return canOpen && !canClose ? 'open' : openMatch ? 'close' : 'none';
    }
    default:
      break;
  }

  // Chinese and Japanese set “ ” without spaces: there the glyph says which way it faces.
  if ((mark === '“' || mark === '”' || mark === '‘') && (isCjk(before) || isCjk(after))) {
    if (mark === '“' || mark === '‘') return 'open';
    return openMatch ? 'close' : 'none';
  }
  // Only “ ” ‘ " ' are left, marks that open or close by their neighbours. (Between two
  // letters, don't or a"b, one can neither open nor close: it is none below.)
  if (canClose && openMatch) {
    // 12" pipe, 6'5": a mark after a digit is a prime when a later mark can close instead.
    if (
      (mark === '"' || mark === "'") &&
      /\d/.test(before ?? '') &&
      closerAhead(
        text,
        stack.findLast((open) => closes(open.mark, mark))!.mark,
        index + 1,
        block.end,
      )
    ) {
      return 'none';
    }
    return 'close';
  }
  if (canOpen) {
    // News copy that lost its paragraph breaks: `…a mongrel. "I don't…` inside a straight
    // quotation is the next paragraph's repeated opening mark, not a quotation within.
    if (
      mark === '"' &&
      stack.some((open) => open.mark === '"') &&
      /[.!?…]\s$/.test(text.slice(Math.max(block.start, index - 2), index))
    ) {
      return 'none';
    }
    if (mark === '”' && !closerAhead(text, '”', index + 1, block.end)) return 'none';
    if (mark === '“' && stack.some((open) => open.mark === '„')) return 'none';
    if ((mark === "'" || mark === '‘') && ELISION.test(text.slice(index + 1, index + 8))) {
      return 'none';
    }
    if (mark === "'" && !closerAhead(text, mark, index + 1, block.end)) return 'none';
    return 'open';
  }
  return 'none';
}

/** The first non-space character of a block, for spotting a continued quotation. */
function leadingMark(text: string, block: Block): {index: number; mark: string} | undefined {
  let index = block.start;
  while (index < block.end && isSpace(text[index])) index++;
  const mark = text[index];
  return mark !== undefined && MARKS.has(mark) ? {index, mark} : undefined;
}

/**
 * Finds an article's quotations paragraph by paragraph, as far as it is asked to: the reader
 * only needs those up to the page on screen, and a 3 MB book need not be read to show its
 * first page. What it has found never changes as it reads on.
 */
export class QuotationScanner {
  /** Quotations found so far, in the order they closed. */
  readonly found: Quotation[] = [];
  /**
   * The outermost quotations found so far, in order: always the start of the whole list
   * (one that is still open started after every outermost one that has closed).
   */
  readonly top: Quotation[] = [];
  /** The guillemet style of the last paragraph that showed one (French until one does). */
  private style: 'french' | 'german' = 'french';
  private nextBlock = 0;
  /** Every quotation starting before this offset is known. */
  private scannedTo = 0;
  private stack: Open[] = [];
  private skip = -1; // the repeated opening mark of a continued paragraph
  private sorted?: Quotation[];

  constructor(readonly article: Article) {}

  get complete(): boolean {
    return this.nextBlock >= this.article.blocks.length;
  }

  /**
   * Reads on until every quotation that starts before `offset` is known: past the block
   * holding it, and on until no quotation is left open.
   */
  scanThrough(offset: number): void {
    if (this.scannedTo > offset) return;
    const {blocks} = this.article;
    while (
      this.nextBlock < blocks.length &&
      (blocks[this.nextBlock]!.start <= offset || this.stack.length > 0)
    ) {
      this.scanBlock(this.nextBlock++);
    }
    // The loop reads on while a quotation is open: one is left open only at the article's end.
    this.scannedTo = blocks[this.nextBlock]?.start ?? Infinity;
  }

  /** How many blocks are still to be read before the one holding `offset` is. */
  blocksTo(offset: number): number {
    return Math.max(0, blocksThrough(this.article.blocks, offset) - this.nextBlock);
  }

  /** Reads about `count` more blocks (more while a quotation is left open). */
  scanBlocks(count: number): void {
    const {blocks} = this.article;
    const last = Math.min(blocks.length, this.nextBlock + count) - 1;
    if (last >= this.nextBlock) this.scanThrough(blocks[last]!.start);
  }

  /** Reads on until `count` outermost quotations are known, or the article ends. */
  scanForTop(count: number): void {
    const {blocks} = this.article;
    while (this.top.length < count && this.nextBlock < blocks.length) {
      this.scanThrough(blocks[this.nextBlock]!.start);
    }
  }

  /** Every quotation of the article, ordered by where it starts. */
  all(): Quotation[] {
    if (!this.sorted) {
      this.scanThrough(Infinity);
      this.sorted = [...this.found].sort((a, b) => a.start - b.start || b.end - a.end);
    }
    return this.sorted;
  }

  /**
   * Opening marks that never closed are no quotations: the quotations found inside them
   * move out a level (a quotation in an unclosed ” is an outermost one).
   */
  private drop(opens: Open[]): void {
    if (opens.length === 0) return;
    const promoted: Quotation[] = [];
    for (let i = Math.min(...opens.map((open) => open.foundAt)); i < this.found.length; i++) {
      const quotation = this.found[i]!;
      // Every quotation found since the outermost of them opened lies inside it.
      quotation.level -= opens.filter((open) => open.index < quotation.start).length;
      if (quotation.level === 1) promoted.push(quotation);
    }
    // Outermost quotations never nest, so they were found in the order they start.
    this.top.push(...promoted);
  }

  private emit(open: Open, end: number, level: number): void {
    // A "quotation" with no letter or digit in it (an empty pair, ″ written as '') is not one.
    if (LETTER_OR_DIGIT.test(this.article.text.slice(open.index + 1, end - 1))) {
      const quotation = {start: open.index, end, level};
      this.found.push(quotation);
      if (level === 1) this.top.push(quotation);
    }
  }

  private scanBlock(blockIndex: number): void {
    const {text, blocks} = this.article;
    const block = blocks[blockIndex]!;
    // Articles mix styles (a French quotation in a German text): decide per paragraph.
    this.style = guillemetStyle(text, block.start, block.end) ?? this.style;
    MARK_PATTERN.lastIndex = block.start;
    for (
      let match = MARK_PATTERN.exec(text);
      match && match.index < block.end;
      match = MARK_PATTERN.exec(text)
    ) {
      const index = match.index;
      if (index === this.skip) continue;
      const role = roleOf(text, index, block, this.stack, this.style);
      if (role === 'open') {
        this.stack.push({index, mark: match[0], foundAt: this.found.length});
      } else if (role === 'close') {
        let depth = this.stack.length - 1;
        while (depth >= 0 && !closes(this.stack[depth]!.mark, match[0])) depth--;
        if (depth < 0) continue;
        // Anything opened inside and still open cannot be resolved: it is dropped.
        this.drop(this.stack.slice(depth + 1));
        this.emit(this.stack[depth]!, index + 1, depth + 1);
        this.stack = this.stack.slice(0, depth);
      }
    }
    if (this.stack.length === 0) return;
    // A quotation goes on when the next paragraph opens with the same mark as its outermost.
    const next = blocks[blockIndex + 1];
    const lead = next && leadingMark(text, next);
    if (lead && this.stack.some((open) => open.mark === lead.mark)) {
      const keep = this.stack.findIndex((open) => open.mark === lead.mark);
      // Quotations opened inside it and left open end here if they were carried over too.
      for (let depth = this.stack.length - 1; depth > keep; depth--) {
        if (this.stack[depth]!.continued) this.emit(this.stack[depth]!, block.end, depth + 1);
      }
      this.drop(this.stack.slice(keep + 1).filter((open) => !open.continued));
      this.stack = this.stack.slice(0, keep + 1);
      this.stack[keep]!.continued = true;
      this.skip = lead.index;
      return;
    }
    // Otherwise a quotation already carried over from earlier paragraphs ends with this one;
    // a mark that never closed in its own paragraph is left alone rather than guessed at.
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      if (this.stack[depth]!.continued) this.emit(this.stack[depth]!, block.end, depth + 1);
    }
    this.drop(this.stack.filter((open) => !open.continued));
    this.stack = [];
  }
}

/**
 * Finds the quotations of an article, as offsets into its text. Quotations nest and never
 * cross; an apostrophe or a prime is never one; a quotation whose opening mark is repeated at
 * the start of following paragraphs runs on to its closing mark (or the end of the last
 * paragraph that repeats it); a mark that cannot be resolved, such as one never closed in its
 * own paragraph, is left alone: an unclosed mark never floods the article.
 */
export function findQuotations(article: Article, {speakers = true} = {}): Quotation[] {
  const found = [...new QuotationScanner(article).all()];
  return speakers ? attributeSpeakers(article.text, found) : found;
}

const SPEECH_VERBS =
  'said|says|say|added|adds|told|tells|asked|asks|replied|replies|explained|explains|wrote|writes|continued|noted|notes|stated|states|insisted|argued|argues|warned|warns|declared|declares|announced|announces|answered|cried|shouted|whispered|went on|recalled|recalls|admitted|claimed|claims|concluded|responded|remarked|observed|muttered|exclaimed|began|sagte|fragte|rief|antwortete|сказал|сказала|заявил|заявила|говорит';
// A capitalised word, a title with its full stop (Mr., Dr.) or an initial (E.).
const NAME_WORD = String.raw`(?:(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Prof|Gen|Col|Lt|Sgt|Rev|Sen|Rep|Gov)\.|[\p{Lu}]\.|[\p{Lu}][\p{L}'’-]*)`;
const NAME = String.raw`(?:${NAME_WORD}(?:\s+(?:de|van|von|der|da|al|bin|${NAME_WORD})){0,3})`;
const PRONOUN = String.raw`(?:he|she|they|I|we|er|sie|он|она)`;
const AFTER_NAME_VERB = new RegExp(
  String.raw`^[\s,.!?]*\s*(${NAME}|${PRONOUN})\s+(?:${SPEECH_VERBS})\b`,
  'u',
);
const AFTER_VERB_NAME = new RegExp(
  String.raw`^[\s,.!?]*\s*(?:${SPEECH_VERBS})\s+(?:\p{Ll}+\s+){0,2}(${NAME})`,
  'u',
);
const BEFORE = new RegExp(
  String.raw`(${NAME})(?:,[^,]{1,60},)?\s+(?:${SPEECH_VERBS})(?:\s+[\p{Ll}]+){0,4}\s*[:,]?\s*$`,
  'u',
);
const ACCORDING = new RegExp(String.raw`^[\s,]*according to\s+(${NAME})`, 'u');
const IS_PRONOUN = new RegExp(`^${PRONOUN}$`, 'iu');
/** The last "Name said" in a stretch of text, for a pronoun that follows it. */
const NAMED_SPEAKER = new RegExp(String.raw`(${NAME})\s+(?:${SPEECH_VERBS})\b`, 'gu');
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'But',
  'And',
  'Then',
  'When',
  'It',
  'This',
  'That',
  'In',
  'On',
]);

function cleanName(name: string | undefined): string | undefined {
  const trimmed = name?.trim().replace(/[.,]$/, '');
  if (!trimmed || NOT_NAMES.has(trimmed)) return undefined;
  return trimmed;
}

/**
 * Names the speaker where the text says it plainly. A pronoun ("he said") takes the speaker
 * of the quotation just before, when that one was named and close by; otherwise unknown.
 */
function attributeSpeakers(text: string, quotations: Quotation[]): Quotation[] {
  const progress = {next: 0, previous: undefined};
  attributeThrough(text, quotations, Infinity, progress);
  return quotations;
}

type Attributed = {next: number; previous: Quotation | undefined};

/** A quotation this soon after the one before it may take that one's speaker (a pronoun's). */
const NEAR_PREVIOUS = 1500;

/** attributeSpeakers for the quotations starting up to `offset`, from where it left off. */
function attributeThrough(
  text: string,
  quotations: Quotation[],
  offset: number,
  progress: Attributed,
): void {
  for (; progress.next < quotations.length; progress.next++) {
    const quotation = quotations[progress.next]!;
    if (quotation.start > offset) return;
    if (quotation.level !== 1) continue;
    const {previous} = progress;
    const after = text.slice(quotation.end, quotation.end + 80);
    const before = text.slice(Math.max(0, quotation.start - 120), quotation.start);
    const afterLine = after.split('\n')[0]!;
    let speaker =
      cleanName(AFTER_NAME_VERB.exec(afterLine)?.[1]) ??
      cleanName(AFTER_VERB_NAME.exec(afterLine)?.[1]) ??
      cleanName(ACCORDING.exec(afterLine)?.[1]) ??
      cleanName(BEFORE.exec(before.split('\n').at(-1) ?? '')?.[1]);
    if (speaker && IS_PRONOUN.test(speaker)) {
      // Whitfield said she would… “Tonight…,” she said: the name said earlier in the paragraph,
      // else the speaker of the quotation just before, when close by.
      const paragraph = before.slice(before.lastIndexOf('\n') + 1);
      const named = [...paragraph.matchAll(NAMED_SPEAKER)]
        .map((match) => cleanName(match[1]))
        .filter((name) => name && !IS_PRONOUN.test(name));
      const near = previous && quotation.start - previous.end < NEAR_PREVIOUS;
      speaker = named.at(-1) ?? (near ? previous!.speaker : undefined);
    }
    if (speaker) quotation.speaker = speaker;
    progress.previous = quotation;
  }
}

const scanners = new WeakMap<Article, QuotationScanner>();

/** The article's quotation scanner, shared: each quotation is found once. */
export function quotationScanner(article: Article): QuotationScanner {
  let scanner = scanners.get(article);
  if (!scanner) scanners.set(article, (scanner = new QuotationScanner(article)));
  return scanner;
}

const attributed = new WeakMap<QuotationScanner, Attributed>();

/**
 * The article's quotations, with the speakers of those starting up to `offset` named (each
 * once, in order, as far as asked: the list of a whole book names the rows it shows).
 */
export function speakersUpTo(article: Article, offset: number): void {
  const scanner = quotationScanner(article);
  // Only outermost quotations have speakers; those up to `offset` are the start of `top`.
  scanner.scanThrough(offset);
  attributeThrough(article.text, scanner.top, offset, namingProgress(scanner));
}

/** How far naming speakers in order has got in a scanner's quotations. */
function namingProgress(scanner: QuotationScanner): Attributed {
  let progress = attributed.get(scanner);
  if (!progress) attributed.set(scanner, (progress = {next: 0, previous: undefined}));
  return progress;
}

/**
 * How many quotations starting up to `offset` still wait to have their speakers named
 * (once every quotation is found; before that, Infinity).
 */
export function speakersPending(article: Article, offset: number): number {
  const scanner = quotationScanner(article);
  if (!scanner.complete) return Infinity;
  const quotations = scanner.top;
  let low = 0;
  let high = quotations.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (quotations[middle]!.start <= offset) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low - (attributed.get(scanner)?.next ?? 0));
}

/**
 * Where naming speakers in order must start for top[index]'s to be known: where naming left
 * off (`named`), or the last quotation at or before it too far after the one before it to
 * take that one's speaker — from there on, a speaker depends on nothing earlier.
 */
function namingStart(quotations: Quotation[], index: number, named: number): number {
  let start = index;
  while (start > named && quotations[start]!.start - quotations[start - 1]!.end < NEAR_PREVIOUS) {
    start--;
  }
  return start;
}

/** How many quotations' speakers must be named for the outermost quotation `index`'s to be. */
export function speakerWork(article: Article, index: number): number {
  const scanner = quotationScanner(article);
  const named = attributed.get(scanner)?.next ?? 0;
  if (index < named || index >= scanner.top.length) return 0;
  return index - namingStart(scanner.top, index, named) + 1;
}

/**
 * Names the speaker of the outermost quotation `index`, with the work speakerWork counts:
 * from a book's end, a few quotations rather than every one before it. (The ones named on
 * the way are named again, alike, when naming in order reaches them.)
 */
export function nameSpeakerOf(article: Article, index: number): void {
  const scanner = quotationScanner(article);
  const quotation = scanner.top[index];
  if (!quotation) return;
  const progress = namingProgress(scanner);
  const start = namingStart(scanner.top, index, progress.next);
  attributeThrough(
    article.text,
    scanner.top,
    quotation.start,
    start === progress.next ? progress : {next: start, previous: undefined},
  );
}

/** Names the speakers of about `count` more quotations, in order; whether all are named. */
export function nameMoreSpeakers(article: Article, count: number): boolean {
  const scanner = quotationScanner(article);
  scanner.scanThrough(Infinity);
  const quotations = scanner.top;
  const next = attributed.get(scanner)?.next ?? 0;
  // The start of the last of them: naming goes up to and through it.
  speakersUpTo(
    article,
    quotations[Math.min(quotations.length, next + count) - 1]?.start ?? Infinity,
  );
  return (attributed.get(scanner)?.next ?? 0) >= quotations.length;
}

/** Every quotation of the article with its speaker named. */
export function articleQuotationsWithSpeakers(article: Article): Quotation[] {
  speakersUpTo(article, Infinity);
  return quotationScanner(article).all();
}
