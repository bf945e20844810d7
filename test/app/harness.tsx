// The app rendered by ink-testing-library at a given terminal size, for component tests.
import React from 'react';
import {render} from 'ink-testing-library';
import {App, createStore} from '../../source/app/app.js';
import type {LoadResult} from '../../source/article/article.js';
import type {Library} from '../../source/library/library.js';
import type {SavedPlaces} from '../../source/state/saved-places.js';

/** ink-testing-library fixes 100 columns and no rows; give its stdout a real size. */
export function setSize(stdout: object, columns: number, rows: number) {
  Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
  Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
}

/** The app on a columns × rows terminal, its keys coming through the test terminal's stdin. */
export function renderApp(
  library: Library,
  loadArticle: (path: string) => LoadResult,
  {
    openIndex,
    columns = 60,
    rows = 16,
    places,
  }: {openIndex?: number; columns?: number; rows?: number; places?: SavedPlaces} = {},
) {
  const store = createStore(library, {loadArticle, columns, rows, openIndex, places});
  const instance = render(<App store={store} places={places} />);
  instance.stdin.on('data', store.feed);
  setSize(instance.stdout, columns, rows);
  instance.stdout.emit('resize');
  const frame = () => instance.lastFrame() ?? '';
  const waitFor = async (check: (frame: string) => boolean) => {
    for (let i = 0; i < 400; i++) {
      if (check(frame())) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`frame never matched:\n${frame()}`);
  };
  const press = async (input: string, until: (frame: string) => boolean) => {
    instance.stdin.write(input);
    await waitFor(until);
  };
  // The first frame is drawn at the test terminal's default size; keys typed before the
  // size is set would be applied to that layout.
  const ready = async () => {
    await waitFor(() => store.getState().columns === columns && store.getState().rows === rows);
  };
  return {...instance, store, frame, waitFor, press, ready};
}
