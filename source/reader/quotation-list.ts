import type {Article} from '../article/article.js';
import {articleQuotationsWithSpeakers} from '../text/quotes.js';
import type {SpeakerWay} from '../text/speakers.js';
import {openReader} from './reader-reducer.js';

/** A quotation as `broadsheet quotes` and the quotes panel list it. */
export type QuotationRecord = {
  text: string;
  /** UTF-16 code units into the decoded, normalized article text; end exclusive. */
  start: number;
  end: number;
  level: number;
  /** 1-based page in a terminal of the given size (80×24 for the command). */
  page: number;
  speaker: string | null;
  /** How the speaker was found (named, pronoun, turn, narrator); null with no speaker. */
  speakerBy: SpeakerWay | null;
};

/** Every quotation with its text, page (at columns × rows) and speaker. */
export function quotationRecords(article: Article, columns = 80, rows = 24): QuotationRecord[] {
  const {pages} = openReader(article, columns, rows);
  pages.advance(Infinity);
  return articleQuotationsWithSpeakers(article).map((quotation) => ({
    text: article.text.slice(quotation.start, quotation.end),
    start: quotation.start,
    end: quotation.end,
    level: quotation.level,
    page: pages.pageOf(quotation.start) + 1,
    speaker: quotation.speaker ?? null,
    speakerBy: quotation.speaker ? (quotation.speakerBy ?? null) : null,
  }));
}

/** One line per quotation: page, level, offsets, speaker and text on one line. */
export function formatQuotationLine(record: QuotationRecord): string {
  const text = record.text.replace(/\s+/g, ' ');
  const speaker = record.speaker ? `${record.speaker}: ` : '';
  return `p.${record.page}\tL${record.level}\t${record.start}-${record.end}\t${speaker}${text}`;
}
