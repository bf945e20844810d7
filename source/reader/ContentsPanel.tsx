import React from 'react';
import {readerContents} from './contents-navigation.js';
import {firstRowShown, PanelRows, type PanelProps} from './PanelRows.js';

type Props = PanelProps;

/** The article's contents, an entry a row: its page (as far as laid out), then its title. */
export function ContentsPanel(props: Props) {
  // Keep the selected row in view, a screenful at a time.
  const first = firstRowShown(props.selected, props.height);
  const rows = readerContents(props.state)
    .slice(first, first + props.height)
    .map((entry) => ({offset: entry.offset, text: `${'  '.repeat(entry.depth)}${entry.title}`}));
  return <PanelRows {...props} rows={rows} first={first} />;
}
