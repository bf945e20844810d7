import React from 'react';
import {Text} from 'ink';
import {truncateToWidth} from '../text/width.js';
import {MIN_COLUMNS, MIN_ROWS} from './screen-size.js';

/** What a terminal too small to read in shows, the list and the reader alike. */
export function TooSmall({columns}: {columns: number}) {
  return (
    <Text>
      {truncateToWidth(
        `Make the terminal at least ${MIN_COLUMNS}×${MIN_ROWS}`,
        Math.max(1, columns - 1),
      )}
    </Text>
  );
}
