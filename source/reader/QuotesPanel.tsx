import React from 'react';
import {nameSpeakersOf} from '../text/quotes.js';
import {speakersWarming} from '../text/speakers.js';
import {firstQuotations, panelRowsNeeded} from './quotation-navigation.js';
import {firstRowShown, PanelRows, type PanelProps} from './PanelRows.js';

type Props = PanelProps;

/** The article's quotations, one a row: page, speaker, and as much of the words as fits. */
export function QuotesPanel(props: Props) {
  const {state, selected, height} = props;
  const list = firstQuotations(state, panelRowsNeeded(selected, height));
  // Keep the selected row in view, a screenful at a time.
  const first = firstRowShown(selected, height);
  const shown = list.slice(first, first + height);
  // Speakers are named for the rows shown, each with its conversation (once naming's patterns
  // are ready: the list opened right after start-up shows them a moment later).
  if (shown.length > 0 && !speakersWarming()) {
    nameSpeakersOf(state.article, first, first + shown.length);
  }
  const rows = shown.map((quotation) => {
    const speaker = quotation.speaker ? `${quotation.speaker}: ` : '';
    const words = state.article.text.slice(quotation.start, quotation.end).replace(/\s+/g, ' ');
    return {offset: quotation.start, text: `${speaker}${words}`};
  });
  return <PanelRows {...props} rows={rows} first={first} />;
}
