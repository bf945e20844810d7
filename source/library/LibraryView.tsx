import React from 'react';
import {Box, Text} from 'ink';
import SelectInput, {type ItemProps} from 'ink-select-input';
import {cellWidth, truncateToWidth} from '../text/width.js';
import type {Library} from './library.js';
import {listHeight} from './list.js';
import type {ReadStatus} from '../state/saved-places.js';
import type {ListState} from './list-reducer.js';
import {matchedLetters, SORT_LABELS} from './view.js';
import {columnWidths, describeLength, describeStatus, rowCells, type Cell} from './rows.js';
import {HelpOverlay} from '../ui/HelpOverlay.js';
import {TooSmall} from '../ui/TooSmall.js';
import {tooSmall} from '../ui/screen-size.js';

type Props = {
  library: Library;
  /** The cursor, the window of rows, the filter and the sort, from the app's state. */
  list: ListState;
  columns: number;
  rows: number;
  /** How far each article has been read, by its path. */
  statusOf?: (file: string) => ReadStatus;
};

/** The list of articles, as a window of consecutive rows around the cursor. */
export function LibraryView({
  library,
  list,
  columns,
  rows,
  statusOf = () => ({kind: 'unread'}),
}: Props) {
  const fit = (text: string) => truncateToWidth(text, Math.max(1, columns - 1));
  if (tooSmall(columns, rows)) return <TooSmall columns={columns} />;
  // The prompt for a page's address, or its download: they take the status line.
  const adding = addingStatus(list, columns);

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
        <Text>
          {fit(
            'Add .txt, .md or .html files there (subfolders too), press a to save a web page, or run: broadsheet FOLDER',
          )}
        </Text>
        <Text> </Text>
        <Text dimColor={adding === undefined}>
          {adding ??
            fit(
              library.kind === 'folder'
                ? 'a add a page · r look again · q quit'
                : 'a add a page · q quit',
            )}
        </Text>
      </Box>
    );
  }

  const {entries} = library;
  const height = listHeight(rows);
  const sorted = `sorted by ${SORT_LABELS[list.sort]}`;
  const count = `${entries.length} ${entries.length === 1 ? 'article' : 'articles'}`;
  const header = fit(`Broadsheet · ${count} · ${library.folder} · ${sorted}`);
  if (list.help) {
    return (
      <Box flexDirection="column">
        <Text bold>{header}</Text>
        <Text> </Text>
        <HelpOverlay
          contexts={['library', 'filter', 'address']}
          height={height}
          width={columns - 2}
        />
        <Text> </Text>
        <Text dimColor>{fit('keys · any key closes this help')}</Text>
      </Box>
    );
  }

  const shown = list.rows.slice(list.top, list.top + height);
  // "❯ " takes two cells; a row never reaches the last column (it would wrap in some terminals).
  const width = Math.max(1, columns - 3);
  const texts = shown.map(({entry: index}) => {
    const entry = entries[index]!;
    return entry.refused
      ? {byline: entry.byline ?? '', length: '', state: entry.refused}
      : {
          byline: entry.byline ?? '',
          length: describeLength(entry),
          state: describeStatus(statusOf(entry.path)),
        };
  });
  const widths = columnWidths(texts, width);
  const cellsByRow = new Map<string, {cells: Cell[]; refused: boolean}>();
  const items = shown.map((row, offset) => {
    const entry = entries[row.entry]!;
    const label = String(list.top + offset);
    cellsByRow.set(label, {
      cells: rowCells(entry, texts[offset]!, widths, matchedLetters(list.filter, entry.title)),
      refused: Boolean(entry.refused),
    });
    return {key: entry.path, label, value: row.entry};
  });
  // ink-select-input draws the rows and the cursor; each row's cells are drawn here.
  const RowItem = ({isSelected = false, label}: ItemProps) => {
    const row = cellsByRow.get(label);
    if (!row) return <Text> </Text>;
    return (
      <Text color={isSelected ? 'blue' : undefined} dimColor={row.refused}>
        {row.cells.map((cell, index) => (
          <Text
            key={index}
            dimColor={cell.style === 'dim'}
            bold={cell.style === 'match'}
            underline={cell.style === 'match'}
          >
            {cell.text}
          </Text>
        ))}
      </Text>
    );
  };

  const where = list.rows.length === 0 ? 'no match' : `${list.selected + 1} of ${list.rows.length}`;
  const filter = list.filter ? ` · filter “${list.filter}”` : '';
  let status: string;
  if (adding !== undefined) status = adding;
  else if (list.filtering) {
    const room = Math.max(2, columns - 1 - cellWidth(` · ${where}`));
    status = fit(`${promptLine('/', list.filter, room)} · ${where}`);
  } else {
    status = fit(list.message ?? `${where}${filter} · / filter · a add · s sort · ? keys · q quit`);
  }
  return (
    <Box flexDirection="column">
      <Text bold>{header}</Text>
      <Text> </Text>
      <Box flexDirection="column" height={height}>
        {items.length > 0 ? (
          <SelectInput
            // ink-select-input reads its selection only when it mounts: a new cursor is a new list.
            key={`${list.top}:${list.selected}:${list.filter}:${list.sort}`}
            items={items}
            initialIndex={list.selected - list.top}
            isFocused={false}
            itemComponent={RowItem}
          />
        ) : (
          <Text dimColor>{fit(`No article matches “${list.filter}”`)}</Text>
        )}
      </Box>
      <Text> </Text>
      <Text dimColor={!list.filtering && adding === undefined}>{status}</Text>
    </Box>
  );
}

/** The status line while a page's address is typed, or while it downloads; else undefined. */
function addingStatus(list: ListState, columns: number): string | undefined {
  const room = Math.max(1, columns - 1);
  if (list.saving) {
    const kb = Math.round(list.saving.bytes / 1024);
    return truncateToWidth(`downloading ${list.saving.url} · ${kb} KB · Esc stops`, room);
  }
  if (list.address === undefined) return undefined;
  const keys = ' · Enter saves · Esc cancels';
  // In a narrow terminal the address comes first, and the keys' hint gives way.
  const hinted = room - cellWidth(keys) >= 30;
  if (!hinted) return promptLine('add a page: ', list.address, room);
  return promptLine('add a page: ', list.address, room - cellWidth(keys)) + keys;
}

/**
 * A prompt and what is typed in it, with the cursor after it, in `room` cells: the end of a
 * long text stays in view, its start given up behind a `…`.
 */
function promptLine(prefix: string, typed: string, room: number): string {
  let shown = [...typed];
  const line = () => `${prefix}${shown.length < [...typed].length ? '…' : ''}${shown.join('')}█`;
  while (shown.length > 0 && cellWidth(line()) > room) shown = shown.slice(1);
  return line();
}
