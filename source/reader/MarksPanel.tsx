import React from 'react';
import {firstRowShown, PanelRows, type PanelProps} from './PanelRows.js';
import {marksInOrder, textAt} from './marks.js';

type Props = PanelProps;

/** The marks set in the article, in its order: each with its page, its letter and its text. */
export function MarksPanel(props: Props) {
  const first = firstRowShown(props.selected, props.height);
  const rows = marksInOrder(props.state)
    .slice(first, first + props.height)
    .map(({letter, offset}) => ({
      offset,
      text: `${letter}  ${textAt(props.state, offset, props.width * 2)}`,
    }));
  return <PanelRows {...props} rows={rows} first={first} />;
}
