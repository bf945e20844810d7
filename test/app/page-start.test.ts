// A long web page opens at its start while the page thread makes the whole (cli/page-start.ts);
// the start's length is a rough guess, so a place saved for the page is found in the whole.
import {describe, expect, it} from 'vitest';
import {appEnv} from '../../source/app/app.js';
import {parseHtml} from '../../source/article/html.js';
import type {Article, LoadResult} from '../../source/article/article.js';
import {noSavedPlaces, type SavedPlaces} from '../../source/state/saved-places.js';

const paragraph = (index: number) =>
  `<p>Paragraph ${index} of the survey. ${'The estuary silts a little every year, and the channel moves with it; '.repeat(16)}</p>`;
const PAGE = `<html><head><title>The Estuary Survey</title></head><body><article>${Array.from({length: 40}, (_, index) => paragraph(index)).join('')}</article></body></html>`;

function read(): {start: Article; whole: Article} {
  let start: Article | undefined;
  const whole = parseHtml(PAGE, {onStart: (given) => (start = given)}).article;
  if (!start) throw new Error('no start');
  return {start, whole};
}

const entry = {path: '/pages/survey.html', fileName: 'survey.html', title: 'The Estuary Survey'};

function opened(places: SavedPlaces) {
  const {start, whole} = read();
  let finished = 0;
  const result: LoadResult = {
    kind: 'article',
    article: start,
    rest: {
      step: () => undefined,
      finish: () => {
        finished++;
        return whole;
      },
    },
  };
  return {opened: appEnv(() => result, places).open(entry), whole, finished: () => finished};
}

describe('a long web page opened at its start', () => {
  it('opens at its start, the rest to come, when no place is saved for it', () => {
    const {opened: open, finished} = opened(noSavedPlaces);
    if (open.kind !== 'article') throw new Error('refused');
    expect(open.article.partial?.rough).toBe(true);
    expect(open.rest).toBeDefined();
    expect(finished()).toBe(0);
  });

  it('is read whole first when a place is saved for it, and opens there', () => {
    const {whole} = read();
    const places: SavedPlaces = {
      ...noSavedPlaces,
      statusOf: (file) => (file === entry.path ? {kind: 'reading', percent: 60} : {kind: 'unread'}),
      // The whole is known by its text: the place is found in it.
      resume: (article) => ({anchor: article.partial ? 0 : 30_000}),
    };
    const {opened: open, finished} = opened(places);
    if (open.kind !== 'article') throw new Error('refused');
    expect(finished()).toBe(1);
    expect(open.rest).toBeUndefined();
    expect(open.article).toEqual(whole);
    expect(open.anchor).toBe(30_000);
  });
});
