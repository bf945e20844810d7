import React from 'react';
import {Box, Text} from 'ink';
import {truncateToWidth} from '../text/width.js';
import {speakersUpTo} from '../text/quotes.js';
import {speakersWarming} from '../text/speakers.js';
import {firstQuotations, panelRowsNeeded} from './quotation-navigation.js';
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

/** The article's quotations, one a row: page, speaker, and as much of the words as fits. */
export function QuotesPanel({state, selected, height, width, pad, theme}: Props) {
  const list = firstQuotations(state, panelRowsNeeded(selected, height));
  // Keep the selected row in view, a screenful at a time.
  const first = Math.floor(selected / height) * height;
  const rows = list.slice(first, first + height);
  // Speakers are named in order, as far as the rows shown (once naming's patterns are ready:
  // the list opened right after start-up shows them a moment later).
  if (rows.length > 0 && !speakersWarming()) speakersUpTo(state.article, rows.at(-1)!.start);
  const pageWidth = String(state.pages.count).length + 2;
  return (
    <Box flexDirection="column" height={height}>
      {rows.map((quotation, offset) => {
        const index = first + offset;
        // Pages the background layout has not reached yet show as p.…
        const known = state.pages.covers(quotation.start);
        const page = `p.${known ? state.pages.pageOf(quotation.start) + 1 : '…'}`.padEnd(
          pageWidth + 1,
        );
        const speaker = quotation.speaker ? `${quotation.speaker}: ` : '';
        const words = state.article.text.slice(quotation.start, quotation.end).replace(/\s+/g, ' ');
        const row = truncateToWidth(`${page}${speaker}${words}`, width);
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
