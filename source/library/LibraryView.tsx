import React from 'react';
import {Box, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import {intentFor} from '../keymap.js';
import {cellWidth, truncateToWidth} from '../text/width.js';
import type {Library} from './library.js';
import type {ReadStatus} from '../state/progress.js';

type Props = {
  library: Library;
  columns: number;
  rows: number;
  selected: number;
  message?: string;
  /** How far each article has been read, by its path. */
  statusOf?: (file: string) => ReadStatus;
  onOpen: (index: number) => void;
  onHighlight: (index: number) => void;
  onQuit: () => void;
};

/** The list of articles in the folder; Enter opens one. */
export function LibraryView({
  library,
  columns,
  rows,
  selected,
  message,
  statusOf = () => ({kind: 'unread'}),
  onOpen,
  onHighlight,
  onQuit,
}: Props) {
  useInput((input, key) => {
    const intent = intentFor('library', input, key);
    if (intent === 'libraryQuit' || intent === 'quit') onQuit();
  });

  const fit = (text: string) => truncateToWidth(text, Math.max(1, columns - 1));

  if (library.kind === 'missing' || library.entries.length === 0) {
    const why =
      library.kind === 'missing'
        ? `No articles: ${library.reason}: ${library.folder}`
        : `No articles in ${library.folder}`;
    return (
      <Box flexDirection="column">
        <Text bold>{fit('Broadsheet')}</Text>
        <Text> </Text>
        <Text>{fit(why)}</Text>
        <Text>{fit('Add .txt or .md files there, or run: broadsheet FOLDER')}</Text>
        <Text> </Text>
        <Text dimColor>{fit('q quit')}</Text>
      </Box>
    );
  }

  // Titles on the left, reading state in a column on the right ("❯ " takes two cells).
  const rowWidth = Math.max(1, columns - 3);
  const items = library.entries.map((entry, index) => {
    const state = describe(statusOf(entry.path));
    const room = Math.max(1, rowWidth - state.length - 2);
    const title = truncateToWidth(entry.title, room);
    const gap = ' '.repeat(Math.max(2, room - cellWidth(title) + 2));
    return {key: entry.path, label: `${title}${gap}${state}`, value: index};
  });
  const limit = Math.max(1, rows - 5);
  return (
    <Box flexDirection="column">
      <Text bold>{fit(`Broadsheet · ${library.entries.length} articles · ${library.folder}`)}</Text>
      <Text> </Text>
      <SelectInput
        items={items}
        initialIndex={selected}
        limit={limit}
        onSelect={(item) => onOpen(item.value)}
        onHighlight={(item) => onHighlight(item.value)}
      />
      <Text> </Text>
      <Text dimColor>{fit(message ?? '↑↓ move · Enter open · q quit')}</Text>
    </Box>
  );
}

function describe(status: ReadStatus): string {
  if (status.kind === 'finished') return 'finished';
  if (status.kind === 'reading') return `${status.percent}% read`.padStart(8);
  return '  unread';
}
