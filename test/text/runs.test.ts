import {describe, expect, it} from 'vitest';
import {lineRuns, SpanIndex} from '../../source/text/runs.js';

const text = 'He said “she told me ‘no’ twice” and left.';
const outer = {start: text.indexOf('“'), end: text.indexOf('”') + 1, style: {quote: 1}};
const inner = {start: text.indexOf('‘'), end: text.indexOf('’') + 1, style: {quote: 2}};

describe('lineRuns', () => {
  it('cuts a line where nested spans begin and end, innermost level winning', () => {
    const runs = lineRuns(
      text,
      {start: 0, end: text.length, shown: text.length, kind: 'paragraph'},
      new SpanIndex([inner, outer]),
    );
    expect(runs).toEqual([
      {text: 'He said ', style: {}},
      {text: '“she told me ', style: {quote: 1}},
      {text: '‘no’', style: {quote: 2}},
      {text: ' twice”', style: {quote: 1}},
      {text: ' and left.', style: {}},
    ]);
  });

  it('styles a line inside a span that began on an earlier line', () => {
    const start = text.indexOf('told');
    const runs = lineRuns(
      text,
      {start, end: start + 8, shown: start + 7, kind: 'paragraph'},
      new SpanIndex([outer]),
    );
    expect(runs).toEqual([{text: 'told me', style: {quote: 1}}]);
  });

  it('marks the current search hit over the others', () => {
    const spans = new SpanIndex([
      {start: 0, end: 2, style: {hit: 'other'}},
      {start: 0, end: 2, style: {hit: 'current'}},
    ]);
    expect(lineRuns('He', {start: 0, end: 2, shown: 2, kind: 'paragraph'}, spans)).toEqual([
      {text: 'He', style: {hit: 'current'}},
    ]);
  });

  it('finds overlapping spans without scanning past the line', () => {
    const many = Array.from({length: 1000}, (_, i) => ({
      start: i * 10,
      end: i * 10 + 5,
      style: {quote: 1},
    }));
    const index = new SpanIndex(many);
    expect(index.overlapping(5002, 5030).map((span) => span.start)).toEqual([5000, 5010, 5020]);
  });
});

describe('SpanIndex.overlapping', () => {
  it('gives the spans over a range and none that only meet it', () => {
    // One span over all the others: each is looked at, and those that only meet are left out.
    const spans = new SpanIndex([
      {start: 1, end: 5, style: {}},
      {start: 5, end: 9, style: {}},
      {start: 9, end: 12, style: {}},
      {start: 0, end: 20, style: {}},
    ]);
    const ranges = (start: number, end: number) =>
      spans.overlapping(start, end).map((span) => [span.start, span.end]);
    expect(ranges(5, 9)).toEqual([
      [0, 20],
      [5, 9],
    ]);
    expect(ranges(0, 1)).toEqual([[0, 20]]);
    expect(ranges(20, 30)).toEqual([]);
    expect(new SpanIndex().overlapping(0, 10)).toEqual([]);
  });
});

describe('SpanIndex.add', () => {
  it('finds the same spans as an index built at once, whatever order they come in', () => {
    const spans = Array.from({length: 300}, (_, i) => {
      const start = (i * 7919) % 3000;
      return {start, end: start + 5 + (i % 40), style: {quote: 1 + (i % 3)}};
    });
    const whole = new SpanIndex(spans);
    const grown = new SpanIndex();
    for (let i = 0; i < spans.length; i += 17) grown.add(spans.slice(i, i + 17));
    expect(grown.size).toBe(300);
    for (let from = 0; from < 3100; from += 37) {
      expect(grown.overlapping(from, from + 50)).toEqual(whole.overlapping(from, from + 50));
    }
  });
});

describe('styles where spans meet', () => {
  const line = (from: number, to: number) => ({
    start: from,
    end: to,
    shown: to,
    kind: 'paragraph' as const,
  });

  it('adds up every kind of emphasis over a stretch, and keeps the current hit over another', () => {
    const spans = new SpanIndex([
      {start: 0, end: 10, style: {hit: 'current'}},
      {start: 0, end: 10, style: {hit: 'other'}},
      {start: 2, end: 8, style: {emphasis: true}},
      {start: 3, end: 8, style: {italic: true}},
      {start: 4, end: 8, style: {bold: true}},
      {start: 5, end: 8, style: {code: true}},
    ]);
    expect(lineRuns('abcdefghij', line(0, 10), spans)).toEqual([
      {text: 'ab', style: {hit: 'current'}},
      {text: 'c', style: {hit: 'current', emphasis: true}},
      {text: 'd', style: {hit: 'current', emphasis: true, italic: true}},
      {text: 'e', style: {hit: 'current', emphasis: true, italic: true, bold: true}},
      {
        text: 'fgh',
        style: {hit: 'current', emphasis: true, italic: true, bold: true, code: true},
      },
      {text: 'ij', style: {hit: 'current'}},
    ]);
    const others = new SpanIndex([
      {start: 0, end: 4, style: {hit: 'other'}},
      {start: 2, end: 4, style: {hit: 'other'}},
    ]);
    expect(lineRuns('abcd', line(0, 4), others)).toEqual([
      {text: 'ab', style: {hit: 'other'}},
      {text: 'cd', style: {hit: 'other'}},
    ]);
  });

  it('leaves out spans that end where the line starts or start where it ends', () => {
    const text = 'aaaa bbbb cccc';
    const spans = new SpanIndex([
      {start: 0, end: 5, style: {quote: 1}},
      {start: 9, end: 14, style: {quote: 1}},
    ]);
    expect(lineRuns(text, line(5, 9), spans)).toEqual([{text: 'bbbb', style: {}}]);
    expect(spans.overlapping(5, 9)).toEqual([]);
    expect(spans.overlapping(4, 9).map((span) => span.start)).toEqual([0]);
    expect(spans.overlapping(5, 10).map((span) => span.start)).toEqual([9]);
    expect(lineRuns('', line(0, 0), new SpanIndex())).toEqual([]);
    expect(lineRuns(text, line(0, 4), new SpanIndex())).toEqual([{text: 'aaaa', style: {}}]);
  });

  it('orders spans that start together outermost first, and keeps them as they came when alike', () => {
    const first = {start: 2, end: 6, style: {quote: 1}};
    const twin = {start: 2, end: 6, style: {quote: 2}};
    const longer = {start: 2, end: 9, style: {quote: 3}};
    const index = new SpanIndex([first]);
    index.add([twin, longer]);
    expect(index.overlapping(0, 10)).toEqual([longer, first, twin]);
    // Growing from a later span: the running ends before it still count.
    const grown = new SpanIndex([{start: 0, end: 50, style: {quote: 1}}]);
    grown.add([{start: 20, end: 22, style: {quote: 2}}]);
    grown.add([{start: 30, end: 32, style: {quote: 2}}]);
    expect(grown.overlapping(40, 45).map((span) => span.start)).toEqual([0]);
    expect(grown.overlapping(31, 45).map((span) => span.start)).toEqual([0, 30]);
  });
});
