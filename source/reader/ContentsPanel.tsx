import React from 'react';
import {Box, Text} from 'ink';
import {truncateToWidth} from '../text/width.js';
import {readerContents} from './contents-navigation.js';
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
export function ContentsPanel({state, selected, height, width, pad, theme}: Props) {
  const contents = readerContents(state);
  // Keep the selected row in view, a screenful at a time.
  const first = Math.floor(selected / height) * height;
  const rows = contents.slice(first, first + height);
  const pageWidth = String(state.pages.count).length + 2;
  return (
    <Box flexDirection="column" height={height}>
      {rows.map((entry, offset) => {
        const index = first + offset;
        // Pages the background layout has not reached yet show as p.…
        const known = state.pages.covers(entry.offset);
        const page = `p.${known ? state.pages.pageOf(entry.offset) + 1 : '…'}`.padEnd(
          pageWidth + 1,
        );
        const row = truncateToWidth(`${page}${'  '.repeat(entry.depth)}${entry.title}`, width);
        return (
          <Text key={index}>
            {pad}
            {index === selected ? <Text {...theme.selection}>{row}</Text> : row}
          </Text>
        );
      })}
    </Box>
  );
}
