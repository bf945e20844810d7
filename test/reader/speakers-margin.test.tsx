// Speakers in the margin (S): drawn by the reading view, kept from one article to the next,
// and remembered through the saved places.
import {describe, expect, it} from 'vitest';
import type {Library} from '../../source/library/library.js';
import {parseText} from '../../source/article/parse-text.js';
import {noSavedPlaces} from '../../source/state/saved-places.js';
import {renderApp} from '../app/harness.js';
import {speakersWarming, speakerWarmUps} from '../../source/text/speakers.js';

const talkText = [
  'A Walk',
  '“Where are you going?” said Mr. Ward.',
  '“To the village,” said Clara.',
  '“May I walk with you?”',
  '“If you like.”',
].join('\n\n');
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
  // (A fresh article each time: speakers, once named, stay named on its quotations.)
  const article = parseText(talkText);
  const rendered = renderApp(library, () => ({kind: 'article', article}), {
    openIndex,
    columns: 80,
    rows: 24,
    places,
  });
  return {...rendered, instance: rendered, remembered};
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
    expect(lineOf(frame(), 'May I walk')).toBe('     Mr. Ward “May I walk with you?”');
    expect(lineOf(frame(), 'If you like')).toBe('        Clara “If you like.”');
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
    await waitFor((shown) => shown.includes('Mr. Ward “May I walk'));
    instance.stdin.write('J'); // the next article
    await waitFor(() => store.getState().reading?.index === 1);
    await waitFor((shown) => shown.includes('Mr. Ward “May I walk'));
    expect(lineOf(frame(), 'If you like')).toBe('        Clara “If you like.”');
    instance.unmount();
  });
});

describe('the quotations list while naming is being made ready', () => {
  it('shows its rows at once, and their speakers once naming is ready', async () => {
    const steps = speakerWarmUps();
    expect(speakersWarming()).toBe(true);
    const {instance, store, frame, waitFor, ready} = app(false, 0);
    await ready();
    await waitFor((shown) => shown.includes('May I walk'));
    instance.stdin.write('"');
    await waitFor((shown) => shown.includes('quotations ·'));
    expect(frame()).toContain('p.1 “May I walk with you?”');
    for (const step of steps) step();
    expect(speakersWarming()).toBe(false);
    store.redraw();
    await waitFor((shown) => shown.includes('p.1 Mr. Ward: “May I walk with you?”'));
    instance.unmount();
  });
});
