import React from 'react';
import {firstRowShown, PanelRows, type PanelProps} from './PanelRows.js';
import {linksOf} from './links.js';
import {safeLine} from '../article/sanitize.js';

type Props = PanelProps;

/** The article's links, a row each: its page, its number and text, and where it leads. */
export function LinksPanel(props: Props) {
  const first = firstRowShown(props.selected, props.height);
  const rows = linksOf(props.state.article)
    .slice(first, first + props.height)
    .map((link, offset) => {
      const text = link.text && link.text !== link.url ? `${link.text} — ` : '';
      return {offset: link.at, text: safeLine(`[${first + offset + 1}] ${text}${link.url}`)};
    });
  return <PanelRows {...props} rows={rows} first={first} />;
}
