import React from 'react';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {cellWidth, truncateToWidth} from '../text/width.js';
import type {Library} from './library.js';
import {listHeight, type ListPlace} from './list.js';
import type {ReadStatus} from '../state/progress.js';

type Props = {
  library: Library;
  /** The cursor and the window of rows, from the app's state (the list owns no input). */
  list: ListPlace;
  columns: number;
  rows: number;
  message?: string;
  /** How far each article has been read, by its path. */
  statusOf?: (file: string) => ReadStatus;
};

/** The list of articles in the folder, as a window of consecutive rows around the cursor. */
export function LibraryView({
  library,
  list,
  columns,
  rows,
  message,
  statusOf = () => ({kind: 'unread'}),
}: Props) {
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

  const {entries} = library;
  const height = listHeight(rows);
  const window = entries.slice(list.top, list.top + height);
  // Titles on the left, reading state in a column on the right ("❯ " takes two cells).
  const rowWidth = Math.max(1, columns - 3);
  const items = window.map((entry, offset) => {
    const state = describe(statusOf(entry.path));
    const room = Math.max(1, rowWidth - state.length - 2);
    const title = truncateToWidth(entry.title, room);
    const gap = ' '.repeat(Math.max(2, room - cellWidth(title) + 2));
    return {key: entry.path, label: `${title}${gap}${state}`, value: list.top + offset};
  });
  const where = `${list.selected + 1} of ${entries.length}`;
  return (
    <Box flexDirection="column">
      <Text bold>{fit(`Broadsheet · ${entries.length} articles · ${library.folder}`)}</Text>
      <Text> </Text>
      <SelectInput
        // ink-select-input reads its selection only when it mounts: a new cursor is a new list.
        key={`${list.top}:${list.selected}`}
        items={items}
        initialIndex={list.selected - list.top}
        isFocused={false}
      />
      <Text> </Text>
      <Text dimColor>{fit(message ?? `${where} · ↑↓ move · Enter open · q quit`)}</Text>
    </Box>
  );
}

function describe(status: ReadStatus): string {
  if (status.kind === 'finished') return 'finished';
  if (status.kind === 'reading') return `${status.percent}% read`.padStart(8);
  return '  unread';
}
