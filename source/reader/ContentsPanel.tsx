import React from 'react';
import {readerContents} from './contents-navigation.js';
import {firstRowShown, PanelRows} from './PanelRows.js';
import {type ReaderState} from './reader-reducer.js';
import type {Theme} from '../ui/theme.js';

type Props = {
  state: ReaderState;
  selected: number;
  height: number;
  width: number;
  pad: string;
  theme: Theme;
};

/** The article's contents, an entry a row: its page (as far as laid out), then its title. */
export function ContentsPanel(props: Props) {
  // Keep the selected row in view, a screenful at a time.
  const first = firstRowShown(props.selected, props.height);
  const rows = readerContents(props.state)
    .slice(first, first + props.height)
    .map((entry) => ({offset: entry.offset, text: `${'  '.repeat(entry.depth)}${entry.title}`}));
  return <PanelRows {...props} rows={rows} first={first} />;
}
