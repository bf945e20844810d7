// Whether a quotation key must wait for the app to read on in the background: by blocks to
// scan while the quotations are not all found, then by speakers to name.
import {describe, expect, it} from 'vitest';
import {parseText} from '../../source/article/parse-text.js';
import {openReader, type ReaderState} from '../../source/reader/reader-reducer.js';
import {QUOTE_REACH_BLOCKS, quotationsFar} from '../../source/reader/quotation-navigation.js';
import {
  articleQuotationsWithSpeakers,
  quotationScanner,
  readForSpeakerNaming,
  speakersReady,
} from '../../source/text/quotes.js';

/** The reader with the top of its screen at `offset` (scrolled there, not aligned to a page). */
const at = (reader: ReaderState, offset: number): ReaderState => ({
  ...reader,
  aligned: false,
  anchor: offset,
});
const far = (reader: ReaderState, type: string) => quotationsFar(reader, {type});

describe('how far a quotation key reaches at once', () => {
  it('reads up to 1,500 blocks for it; further, it waits', () => {
    const article = parseText(
      ['Title', ...Array.from({length: 1600}, (_, i) => `Block ${i}.`), '“Last,” she said.'].join(
        '\n\n',
      ),
    );
    const reader = openReader(article, 80, 24);
    const {blocks} = article;
    // Blocks through the one at the top, from the first not yet read (the first page's are).
    const edge = blocks.findIndex(
      (block) => reader.quotes.blocksTo(block.start) === QUOTE_REACH_BLOCKS,
    );
    expect(edge).toBeGreaterThan(QUOTE_REACH_BLOCKS - 100);
    const within = at(reader, blocks[edge]!.start);
    const beyond = at(reader, blocks[edge + 1]!.start);
    expect(far(within, 'nextQuote')).toBe(false);
    expect(far(beyond, 'nextQuote')).toBe(true);
    expect(far(within, 'previousQuote')).toBe(false);
    expect(far(beyond, 'previousQuote')).toBe(true);
    expect(far(beyond, 'openQuotes')).toBe(true);
    expect(far(within, 'openQuotes')).toBe(false);
    // The list's own keys reach as far as its last row; other keys never wait for quotations.
    expect(far(at(reader, blocks[1600]!.start), 'panelMove')).toBe(false);
    expect(far(at(reader, blocks[1600]!.start), 'panelChoose')).toBe(false);
    expect(far(at(reader, blocks[1600]!.start), 'nextPage')).toBe(false);
    quotationScanner(article).scanThrough(Infinity);
    expect(far(at(reader, blocks[1600]!.start), 'nextQuote')).toBe(false);
  });

  it('names up to 1,000 speakers for it, counting only those the one it lands on depends on', () => {
    // Quotations close together: each speaker may depend on the one before, back to the first.
    const count = 1100;
    const article = parseText(
      ['Title', ...Array.from({length: count}, () => '“Hi,” he said.')].join('\n\n'),
    );
    const scanner = quotationScanner(article);
    scanner.scanThrough(Infinity);
    const {top} = scanner;
    expect(top).toHaveLength(count);
    const reader = openReader(article, 80, 24);
    // Just after the start of quotation k: [ lands on k (k + 1 to name), ] on k + 1 (k + 2).
    const after = (k: number) => at(reader, top[k]!.start + 1);
    expect(far(after(998), 'previousQuote')).toBe(false); // 1,000 to name
    expect(far(after(998), 'nextQuote')).toBe(false);
    expect(far(after(999), 'previousQuote')).toBe(true); // ] from here would name 1,001
    expect(far(after(999), 'nextQuote')).toBe(true);
    expect(far(at(reader, top[0]!.start), 'nextQuote')).toBe(false);
    // The list waits for every speaker up to its rows, in order.
    expect(far(after(1000), 'openQuotes')).toBe(true);
    expect(far(after(998), 'openQuotes')).toBe(false);
    expect(far(after(999), 'openQuotes')).toBe(false); // 1,000 pending
    expect(far(after(999), 'panelMove')).toBe(true); // its last row is the book's last
    expect(far(after(999), 'panelChoose')).toBe(true);
    articleQuotationsWithSpeakers(article);
    expect(far(after(count - 1), 'previousQuote')).toBe(false);
    expect(far(after(count - 1), 'openQuotes')).toBe(false);
    expect(far(after(count - 1), 'panelChoose')).toBe(false);
  });

  it('waits in a long text until its people are read, a stretch at a time, then names at once', () => {
    // Over 200,000 characters: reading them for genders and names takes a while.
    const prose = 'The harbour lay quiet under the grey sky while the boats rocked. '.repeat(12);
    const article = parseText(
      ['Title', '“Come in,” said Orme.', ...Array.from({length: 300}, () => prose)].join('\n\n'),
    );
    expect(article.text.length).toBeGreaterThan(200_000);
    quotationScanner(article).scanThrough(Infinity);
    const reader = openReader(article, 80, 24);
    expect(speakersReady(article)).toBe(false);
    expect(far(reader, 'nextQuote')).toBe(true);
    expect(far(reader, 'openQuotes')).toBe(true);
    // A stretch a step: the first step does not read it all.
    expect(readForSpeakerNaming(article, () => false)).toBe(false);
    while (!readForSpeakerNaming(article, () => false));
    expect(speakersReady(article)).toBe(true);
    expect(far(reader, 'nextQuote')).toBe(false);
    expect(far(reader, 'openQuotes')).toBe(false);
  });
});
