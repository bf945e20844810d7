import React from 'react';
import {Box, Text} from 'ink';
import {helpRows, type KeyContext} from '../input/keymap.js';
import {cellWidth, truncateToWidth} from '../text/width.js';

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
  // Each context's rows, under its heading when there are several; the keys bound everywhere
  // (Ctrl-C) are listed once, with the first.
  const rows: HelpRow[] = contexts.flatMap((context, index) => {
    const own = helpRows(context, {global: index === 0});
    const heading = contexts.length > 1 ? HEADINGS[context] : undefined;
    if (!heading) return own;
    return [
      ...(index > 0 ? [{keys: '', help: ''}] : []),
      {keys: '', help: heading, heading: true},
      ...own,
    ];
  });
  const columns = rows.length > height && width >= 40 ? 2 : 1;
  const perColumn = Math.ceil(rows.length / columns);
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
  const leftRows = rows.slice(0, perColumn);
  const rightRows = columns === 2 ? rows.slice(perColumn) : [];
  const left = column(leftRows);
  const right = column(rightRows);
  const shown = Math.min(height, left.length);
  const cut = perColumn > height;
  return (
    <Box flexDirection="column" height={height}>
      {left.slice(0, shown).map((line, index) =>
        cut && index === height - 1 ? (
          <Text key={index}>
            {' '}
            {truncateToWidth('… (a larger terminal shows every key)', width)}
          </Text>
        ) : (
          <Text key={index}>
            {' '}
            <Text bold={leftRows[index]!.heading}>
              {right[index] ? line.padEnd(columnWidth + 2 - (cellWidth(line) - line.length)) : line}
            </Text>
            {right[index] ? <Text bold={rightRows[index]!.heading}>{right[index]}</Text> : null}
          </Text>
        ),
      )}
    </Box>
  );
}
