// Speakers in the margin (S): drawn by the reading view, kept from one article to the next,
// and remembered through the saved places.
import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {App, createStore} from '../../source/app/app.js';
import type {Library} from '../../source/library/library.js';
import {parseText} from '../../source/article/parse-text.js';
import {noSavedPlaces} from '../../source/state/saved-places.js';
import {setSize} from '../app/harness.js';

const talk = parseText(
  [
    'A Walk',
    '“Where are you going?” said Mr. Darcy.',
    '“To the village,” said Elizabeth.',
    '“May I walk with you?”',
    '“If you like.”',
  ].join('\n\n'),
);
const library: Library = {
  kind: 'folder',
  folder: '/lib',
  entries: [
    {path: '/lib/a.txt', fileName: 'a.txt', title: 'A Walk'},
    {path: '/lib/b.txt', fileName: 'b.txt', title: 'A Walk'},
  ],
};

function app(shownAtStart: boolean, openIndex?: number) {
  const remembered: boolean[] = [];
  const places = {
    ...noSavedPlaces,
    speakersShown: () => shownAtStart,
    setSpeakersShown: (shown: boolean) => remembered.push(shown),
  };
  const store = createStore(library, {
    loadArticle: () => ({kind: 'article', article: talk}),
    places,
    columns: 80,
    rows: 24,
    openIndex,
  });
  const instance = render(<App store={store} places={places} />);
  setSize(instance.stdout, 80, 24);
  instance.stdout.emit('resize');
  instance.stdin.on('data', store.feed);
  const frame = () => instance.lastFrame() ?? '';
  const waitFor = async (check: (frame: string) => boolean) => {
    for (let i = 0; i < 400; i++) {
      if (check(frame())) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`frame never matched:\n${frame()}`);
  };
  const ready = () => waitFor(() => store.getState().columns === 80);
  return {instance, store, frame, waitFor, remembered, ready};
}

/** The line of the frame that holds `words`. */
const lineOf = (frame: string, words: string) =>
  frame.split('\n').find((line) => line.includes(words)) ?? '';

describe('speakers in the margin', () => {
  it('are off at first; S shows each untagged paragraph’s speaker in the margin, and remembers it', async () => {
    const {instance, frame, waitFor, remembered, ready} = app(false, 0);
    await ready();
    await waitFor((shown) => shown.includes('May I walk with you?'));
    expect(lineOf(frame(), 'May I walk')).toMatch(/^ {4}“May I walk/);
    instance.stdin.write('S');
    await waitFor((shown) => shown.includes('speakers in the margin'));
    // Right-aligned in a margin of 14, dim; the tagged paragraphs show none.
    expect(lineOf(frame(), 'May I walk')).toBe('    Mr. Darcy “May I walk with you?”');
    expect(lineOf(frame(), 'If you like')).toBe('    Elizabeth “If you like.”');
    expect(lineOf(frame(), 'Where are you')).toMatch(/^ {14}“Where are you going/);
    expect(remembered).toEqual([true]);
    instance.stdin.write('S');
    await waitFor((shown) => shown.includes('speakers hidden'));
    expect(lineOf(frame(), 'May I walk')).toMatch(/^ {4}“May I walk/);
    expect(remembered).toEqual([true, false]);
    instance.unmount();
  });

  it('are shown from the start when remembered, and in the next article opened', async () => {
    const {instance, frame, waitFor, store, ready} = app(true);
    await ready();
    await waitFor((shown) => shown.includes('2 articles'));
    instance.stdin.write('\r');
    await waitFor((shown) => shown.includes('Mr. Darcy “May I walk'));
    instance.stdin.write('J'); // the next article
    await waitFor(() => store.getState().reading?.index === 1);
    await waitFor((shown) => shown.includes('Mr. Darcy “May I walk'));
    expect(lineOf(frame(), 'If you like')).toBe('    Elizabeth “If you like.”');
    instance.unmount();
  });
});
