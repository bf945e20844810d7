import React from 'react';
import {Box, Text} from 'ink';
import {truncateToWidth} from '../text/width.js';
import {type ReaderState} from './reader-reducer.js';
import type {Theme} from '../ui/theme.js';

/** What each list over the page (quotations, contents, marks, links) is drawn from. */
export type PanelProps = {
  state: ReaderState;
  selected: number;
  height: number;
  width: number;
  pad: string;
  theme: Theme;
};

/** The rows a list over the page shows: where each leads, and what it says after its page. */
export type PanelRow = {offset: number; text: string};

type Props = {
  state: ReaderState;
  /** The list's rows from `first` on (a screenful), and the row selected in the whole list. */
  rows: PanelRow[];
  first: number;
  selected: number;
  height: number;
  width: number;
  pad: string;
  theme: Theme;
};

/** Rows of a list over the page (quotations, contents): page, then text, the selected one marked. */
export function PanelRows({state, rows, first, selected, height, width, pad, theme}: Props) {
  const pageWidth = String(state.pages.count).length + 2;
  return (
    <Box flexDirection="column" height={height}>
      {rows.map((row, offset) => {
        const index = first + offset;
        // Pages the background layout has not reached yet show as p.…
        const known = state.pages.covers(row.offset);
        const page = `p.${known ? state.pages.pageOf(row.offset) + 1 : '…'}`.padEnd(pageWidth + 1);
        const line = truncateToWidth(`${page}${row.text}`, width);
        return (
          <Text key={index}>
            {pad}
            {index === selected ? <Text {...theme.selection}>{line}</Text> : line}
          </Text>
        );
      })}
    </Box>
  );
}

/** The first row of the screenful of rows that holds `selected`. */
export function firstRowShown(selected: number, height: number): number {
  return Math.floor(selected / height) * height;
}
