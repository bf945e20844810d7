import React from 'react';
import {Box, Text} from 'ink';
import {helpRows, type KeyContext} from '../keymap.js';
import {cellWidth, truncateToWidth} from '../text/width.js';

/**
 * The keys of a view, from the keymap table itself, over the terminal's whole width: in two
 * columns when one is too tall for the screen.
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
  // Each context's rows; keys bound in every context (Ctrl-C) are listed once.
  const seen = new Set<string>();
  const rows = contexts
    .flatMap((context) => helpRows(context))
    .filter((row) => {
      const id = `${row.keys}\u0000${row.help}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
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
      truncateToWidth(
        truncateToWidth(row.keys, keysWidth - 1).padEnd(keysWidth) + row.help,
        columnWidth,
      ),
    );
  };
  const left = column(rows.slice(0, perColumn));
  const right = columns === 2 ? column(rows.slice(perColumn)) : [];
  const lines = left
    .slice(0, height)
    .map((line, index) =>
      right[index]
        ? `${line.padEnd(columnWidth + 2 - (cellWidth(line) - line.length))}${right[index]}`
        : line,
    );
  if (perColumn > height)
    lines[height - 1] = truncateToWidth('… (a larger terminal shows every key)', width);
  return (
    <Box flexDirection="column" height={height}>
      {lines.map((line, index) => (
        <Text key={index}> {line}</Text>
      ))}
    </Box>
  );
}
