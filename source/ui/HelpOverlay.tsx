import React from 'react';
import {Box, Text} from 'ink';
import {helpRows, type KeyContext} from '../input/keymap.js';
import {cellWidth, truncateToWidth} from '../text/width.js';
import {useKeymap} from './keymap-context.js';

/** What the help calls a context's keys when it lists more than one context. */
const HEADINGS: Partial<Record<KeyContext, string>> = {
  library: 'In the list',
  filter: 'While filtering (after /)',
  address: 'Adding a page (after a)',
};

type HelpRow = {keys: string; help: string; heading?: boolean};

/**
 * The keys of a view, from the keymap table itself, over the terminal's whole width: in two
 * columns when one is too tall for the screen; each context under its own heading when there
 * are several (the same key may mean another thing in each).
 */
export function HelpOverlay({
  contexts,
  height,
  width,
}: {
  contexts: KeyContext[];
  height: number;
  width: number;
}) {
  const bindings = useKeymap();
  // Each context's rows, under its heading when there are several; the keys bound everywhere
  // (Ctrl-C) are listed once, with the first.
  const rows: HelpRow[] = contexts.flatMap((context, index) => {
    const own = helpRows(context, {global: index === 0}, bindings);
    const heading = contexts.length > 1 ? HEADINGS[context] : undefined;
    if (!heading) return own;
    return [
      ...(index > 0 ? [{keys: '', help: ''}] : []),
      {keys: '', help: heading, heading: true},
      ...own,
    ];
  });
  // As many columns as it takes to show every key (up to three, each at least 30 cells wide,
  // two at 40).
  let columns = 1;
  while (
    columns < 3 &&
    Math.ceil(rows.length / columns) > height &&
    width >= (columns === 1 ? 40 : 30 * (columns + 1))
  ) {
    columns++;
  }
  // When even that is too tall, each column is filled in turn, and the last row says the rest
  // is cut (no rows in the middle are skipped).
  const cut = Math.ceil(rows.length / columns) > height;
  const perColumn = cut ? Math.max(1, height - 1) : Math.ceil(rows.length / columns);
  const columnWidth = Math.floor((width - (columns - 1) * 2) / columns);
  const column = (part: typeof rows) => {
    const keysWidth = Math.min(
      Math.max(4, columnWidth - 14),
      Math.max(...part.map((row) => cellWidth(row.keys))) + 1,
    );
    return part.map((row) =>
      row.heading
        ? truncateToWidth(row.help, columnWidth)
        : truncateToWidth(
            truncateToWidth(row.keys, keysWidth - 1).padEnd(keysWidth) + row.help,
            columnWidth,
          ),
    );
  };
  const parts = Array.from({length: columns}, (_, index) =>
    rows.slice(index * perColumn, (index + 1) * perColumn),
  );
  const drawn = parts.map(column);
  const shown = Math.min(height, drawn[0]!.length + (cut ? 1 : 0));
  // Each cell padded to its column's width (wide characters counted as two cells).
  const padded = (line: string) => line.padEnd(columnWidth + 2 - (cellWidth(line) - line.length));
  return (
    <Box flexDirection="column" height={height}>
      {Array.from({length: shown}, (_, index) =>
        cut && index === height - 1 ? (
          <Text key={index}>
            {' '}
            {truncateToWidth('… (a larger terminal shows every key)', width)}
          </Text>
        ) : (
          <Text key={index}>
            {' '}
            {drawn.map((lines, part) =>
              lines[index] === undefined ? null : (
                <Text key={part} bold={parts[part]![index]!.heading}>
                  {drawn[part + 1]?.[index] === undefined ? lines[index] : padded(lines[index])}
                </Text>
              ),
            )}
          </Text>
        ),
      )}
    </Box>
  );
}
