// Quotation detection over whole texts we may ship: the bundled articles and the
// public-domain books in test/fixtures.
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {articleFromBytes} from '../../source/article/load.js';
import type {Article} from '../../source/article/article.js';
import {
  articleQuotationsWithSpeakers,
  findQuotations,
  nameSpeakerOf,
  quotationScanner,
  nameSpeakersOf,
  speakersPending,
  speakersUpTo,
  speakerWork,
  type Quotation,
} from '../../source/text/quotes.js';
import {namingStart} from '../../source/text/speakers.js';

function load(path: string): Article {
  const result = articleFromBytes(readFileSync(new URL(path, import.meta.url)), 'test');
  if (result.kind !== 'article') throw new Error(result.reason);
  return result.article;
}

const count = (text: string, mark: string) => text.split(mark).length - 1;
const firstMarks = (article: Article, quotations: Quotation[]) =>
  new Set(quotations.map((q) => article.text[q.start]));

describe('quotations in whole texts', () => {
  it('highlights every “…” of the seed article and no apostrophe', () => {
    const article = load('../../articles/russia-sends-foreign-minister-to-north-korea.txt');
    const quotations = findQuotations(article);
    expect(quotations).toHaveLength(count(article.text, '“'));
    for (const q of quotations) {
      expect(article.text[q.start]).toBe('“');
      expect(article.text[q.end - 1]).toBe('”');
    }
    for (const word of ['Korea’s', 'China’s', "you're"]) {
      let at = article.text.indexOf(word);
      while (at !== -1) {
        const apostrophe = at + word.search(/['’]/);
        expect(quotations.some((q) => q.start === apostrophe || q.end - 1 === apostrophe)).toBe(
          false,
        );
        at = article.text.indexOf(word, at + 1);
      }
    }
  });

  it('finds War and Peace’s curly quotations, multi-paragraph ones as one', () => {
    const article = load('../fixtures/books/war-and-peace_pg2600.txt');
    const quotations = findQuotations(article);
    const opening = count(article.text, '“');
    const topLevel = quotations.filter((q) => article.text[q.start] === '“');
    // Every “ either begins a quotation or repeats one at the start of a paragraph.
    expect(topLevel.length).toBeGreaterThanOrEqual(count(article.text, '”') * 0.99);
    expect(topLevel.length).toBeLessThanOrEqual(opening);
    const multi = topLevel.filter((q) => article.text.slice(q.start, q.end).includes('\n\n“'));
    expect(multi.length).toBeGreaterThan(10);
    // Nothing floods: the longest quotation is a few pages, not a chapter.
    expect(Math.max(...quotations.map((q) => q.end - q.start))).toBeLessThan(10000);
  });

  it('names a speaker far into War and Peace from a few quotations before it, as naming every one in order does', () => {
    const inOrder = articleQuotationsWithSpeakers(
      load('../fixtures/books/war-and-peace_pg2600.txt'),
    );
    const speakers = new Map(inOrder.map((q) => [q.start, q.speaker]));
    const article = load('../fixtures/books/war-and-peace_pg2600.txt');
    const {top} = quotationScanner(article);
    quotationScanner(article).scanThrough(Infinity);
    const last = top.length - 1;
    // Dialogue runs on: some quotations need a long run of earlier ones named first.
    const works = top.map((_, index) => speakerWork(article, index));
    // (Measured: the last needs 1, the longest run 229 of 8,971, and 380 stand alone.)
    expect(works[last]).toBeLessThan(10);
    expect(Math.max(...works)).toBeGreaterThan(100);
    expect(Math.max(...works)).toBeLessThan(1000);
    expect(works.filter((work) => work === 1).length).toBeGreaterThan(300);
    // From the end backwards, by steps, then one in order: each speaker as in order.
    const asked = [last, last - 1, Math.floor(last / 2), 4000, 3999, 120, 0];
    for (const index of asked) {
      nameSpeakerOf(article, index);
      expect(top[index]!.speaker, `quotation ${index}`).toBe(speakers.get(top[index]!.start));
    }
    expect(speakersPending(article, Infinity)).toBeGreaterThan(top.length - 200);
    // Every one, from the end back, in a fresh copy: among them are pronouns (“…,” he said)
    // whose speaker is the one of the quotation before.
    const fresh = load('../fixtures/books/war-and-peace_pg2600.txt');
    const all = quotationScanner(fresh).top;
    quotationScanner(fresh).scanThrough(Infinity);
    for (let index = all.length - 1; index >= 0; index--) {
      nameSpeakerOf(fresh, index);
      if (all[index]!.speaker !== speakers.get(all[index]!.start)) {
        expect(all[index]!.speaker, `quotation ${index}`).toBe(speakers.get(all[index]!.start));
      }
    }
    // Once named with its conversation, a quotation asks no more work, however often shown
    // (the margin names the speakers of the page on screen at every frame).
    const again = load('../fixtures/books/war-and-peace_pg2600.txt');
    quotationScanner(again).scanThrough(Infinity);
    const far = works.findIndex((work, index) => index > last / 2 && work > 5);
    expect(speakerWork(again, far)).toBe(works[far]);
    nameSpeakerOf(again, far);
    // (With the rest of its conversation: its later turns name the earlier ones.)
    const againTop = quotationScanner(again).top;
    const afterFar = nextConversation(againTop, far);
    for (let index = far; index < afterFar; index++) expect(speakerWork(again, index)).toBe(0);
    expect(speakerWork(again, afterFar)).toBeGreaterThan(0);
    // The list's rows at the book's end (the " key, then G) are named with their conversations
    // alone, as the whole book's naming names them.
    const rows = load('../fixtures/books/war-and-peace_pg2600.txt');
    quotationScanner(rows).scanThrough(Infinity);
    const rowsTop = quotationScanner(rows).top;
    nameSpeakersOf(rows, rowsTop.length - 20, rowsTop.length);
    expect(rowsTop.slice(-20).some((quotation) => quotation.speaker)).toBe(true);
    for (let index = rowsTop.length - 20; index < rowsTop.length; index++) {
      expect(rowsTop[index]!.speaker, `row ${index}`).toBe(speakers.get(rowsTop[index]!.start));
    }
    expect(speakersPending(rows, Infinity)).toBe(rowsTop.length);
    // Naming out of order leaves naming in order where it was; once that passes a
    // quotation, it needs no work.
    // (A quotation past the conversations named so far, whose conversation began before it.)
    const ahead = top.findIndex((_, index) => index >= 130 && speakerWork(article, index) > 1);
    expect(ahead).toBeGreaterThan(0);
    speakersUpTo(article, top[ahead]!.start);
    const afterAhead = nextConversation(top, ahead);
    for (let index = ahead; index < afterAhead; index++) {
      expect(speakerWork(article, index)).toBe(0);
    }
    expect(speakerWork(article, afterAhead)).toBeGreaterThan(0);
    expect(speakerWork(article, top.length)).toBe(0); // past the end: nothing to name
    expect(speakerWork(article, -1)).toBe(0);
    articleQuotationsWithSpeakers(article);
    expect(top.map((q) => q.speaker)).toEqual(top.map((q) => speakers.get(q.start)));
    expect(speakerWork(article, last)).toBe(0);
  });

  it('reads Kafka’s »…«', () => {
    const article = load('../fixtures/books/kafka-verwandlung_pg22367.txt');
    const quotations = findQuotations(article);
    expect(quotations.length).toBe(count(article.text, '»'));
    expect(firstMarks(article, quotations)).toEqual(new Set(['»']));
  });

  it('invents no quotation from Ulysses’ dash-led dialogue', () => {
    const article = load('../fixtures/books/ulysses_pg4300.txt');
    const quotations = findQuotations(article);
    // Ulysses sets its dialogue off with dashes; the few marks it has (5 quotations, measured;
    // 12 more were in Project Gutenberg's licence, now set aside) are the only quotations, and
    // none covers a dash-led line without a mark of its own.
    expect(quotations).toHaveLength(5);
    const dashLed = [...article.text.matchAll(/(?<=^|\n)—[^\n]*/g)];
    expect(dashLed.length).toBeGreaterThan(2000);
    const bare = dashLed.filter((line) => !/[“”"‘’'«»]/.test(line[0]));
    expect(bare.length).toBeGreaterThan(1000);
    for (const line of bare) {
      const [start, end] = [line.index, line.index + line[0].length];
      expect(quotations.find((q) => q.start < end && q.end > start)).toBeUndefined();
    }
  });

  it('reads « „ “ » in the Russian article and 「『』」 in the Japanese one', () => {
    const russian = load('../../articles/zimnyaya-biblioteka.txt');
    const ru = findQuotations(russian);
    expect(ru.filter((q) => russian.text[q.start] === '«')).toHaveLength(count(russian.text, '«'));
    expect(ru.filter((q) => russian.text[q.start] === '„')).toHaveLength(count(russian.text, '„'));
    const japanese = load('../../articles/yoru-no-toshokan.txt');
    const ja = findQuotations(japanese);
    expect(ja).toHaveLength(count(japanese.text, '「') + count(japanese.text, '『'));
  });

  it('reads the straight-quoted article as well as the curly ones', () => {
    const article = load('../../articles/council-votes-on-the-old-mill.txt');
    const quotations = findQuotations(article);
    expect(quotations.filter((q) => q.level === 1)).toHaveLength(14);
    expect(
      quotations.filter((q) => q.level === 2).map((q) => article.text.slice(q.start, q.end)),
    ).toEqual(["'it's a money pit,'", "'Come down on Thursday,'"]);
    // Each named as a reader would: by a name beside it, by a pronoun after a name (one that
    // opens a sentence too), or as the rest of a paragraph whose speaker is named; and nobody
    // where a reader cannot tell.
    expect(quotations.filter((q) => q.level === 1).map((q) => q.speaker)).toEqual([
      'Dana Whitfield',
      'Dana Whitfield',
      'Rob Ayers',
      'Rob Ayers',
      'Marsh',
      'Marsh',
      'Walt Gibbons',
      'Walt Gibbons',
      undefined, // “…,” she said of someone named only as “a café owner”
      undefined,
      'Priya Nand', // her words within her sentence: "She told members the building was “…”"
      'Whitfield',
      'Whitfield',
      undefined, // the chair, named nowhere
    ]);
  });
});

/** The index of the first quotation of the conversation after quotations[index]'s. */
function nextConversation(quotations: Quotation[], index: number): number {
  let next = index + 1;
  while (next < quotations.length && namingStart(quotations, next, 0) !== next) next++;
  return next;
}

describe('highlighting across page breaks', () => {
  it('lineRuns carries a quotation begun on the page before to the top of the next', async () => {
    const {openReader, readerReducer} = await import('../../source/reader/reader-reducer.js');
    const {lineRuns, SpanIndex} = await import('../../source/text/runs.js');
    const article = load('../../articles/the-harbour-inquiry.txt');
    const spans = new SpanIndex(
      findQuotations(article).map((q) => ({start: q.start, end: q.end, style: {quote: q.level}})),
    );
    let checked = 0;
    for (const [columns, rows] of [
      [40, 10],
      [60, 14],
      [80, 24],
      [50, 8],
    ] as const) {
      let state = openReader(article, columns, rows);
      state.pages.advance(Infinity);
      for (let page = 1; page < state.pages.count; page++) {
        state = readerReducer(state, {type: 'nextPage'});
        const top = state.pages.linesOf(state.page)[0]!;
        const open = findQuotations(article).find((q) => q.start < top.start && top.start < q.end);
        if (!open) continue;
        const runs = lineRuns(article.text, top, spans);
        expect(runs[0]!.style.quote).toBeGreaterThanOrEqual(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('straight quotes read as well as curly ones', () => {
  // The same books with their curly marks straightened (same length, same offsets): the
  // quotations found must be the ones found in the typeset original.
  for (const book of [
    '../fixtures/books/war-and-peace_pg2600.txt',
    '../../articles/a-study-in-scarlet.txt',
    '../../articles/the-harbour-inquiry.txt',
    '../../articles/russia-sends-foreign-minister-to-north-korea.txt',
  ]) {
    it(`agrees with the curly original: ${book.split('/').pop()}`, () => {
      const curly = load(book);
      const straight = {...curly, text: curly.text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'")};
      const key = (q: Quotation) => `${q.start}-${q.end}-${q.level}`;
      const expected = new Set(findQuotations(curly, {speakers: false}).map(key));
      const found = findQuotations(straight, {speakers: false}).map(key);
      const agreed = found.filter((k) => expected.has(k)).length;
      const precision = agreed / found.length;
      const recall = agreed / expected.size;
      console.log(
        `${book.split('/').pop()}: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`,
      );
      expect(precision).toBeGreaterThanOrEqual(0.995);
      expect(recall).toBeGreaterThanOrEqual(0.995);
    });
  }
});
