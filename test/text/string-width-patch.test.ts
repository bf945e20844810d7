// The bundles carry string-width patched (scripts/bundle.mjs: its segmenter and emoji pattern
// made on first use, the pattern tried only on clusters that could be emoji). Built here both
// ways, it must measure every string as the library itself does.
import {describe, expect, it} from 'vitest';
// @ts-expect-error: the bundler script is plain JavaScript, without types
import {stringWidthMadeWhenCalled} from '../../scripts/bundle.mjs';
import {projectRoot} from '../e2e/terminal.js';
import {bundledModule} from '../fixtures/bundled-module.js';

type StringWidth = (text: string, options?: {ambiguousIsNarrow?: boolean}) => number;

async function bundledStringWidth(plugins: unknown[]): Promise<StringWidth> {
  const bundled = await bundledModule<{default: StringWidth}>(
    "export {default} from 'string-width';",
    projectRoot,
    plugins,
  );
  return bundled.default;
}

describe('string-width as bundled', () => {
  it('measures every character and every kind of emoji sequence as the library does', async () => {
    const patched = await bundledStringWidth([stringWidthMadeWhenCalled]);
    const library = await bundledStringWidth([]);
    const texts: string[] = [];
    // Every code point of the basic plane and of the planes emoji live in, alone and after a
    // letter (a mark or a joiner then belongs to the letter's cluster).
    for (let code = 0; code <= 0x1faff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (code > 0xffff && code < 0x1f000) code = 0x1f000;
      const char = String.fromCodePoint(code);
      texts.push(char, `a${char}`);
    }
    texts.push(
      '1\uFE0F\u20E3 #\uFE0F\u20E3 *\u20E3', // keycaps, qualified or not
      '🇯🇵🇫🇷 🇺', // flags, and a lone regional indicator
      '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', // a tag sequence
      '👍🏽 ☝🏿 ✋🏻', // modifier sequences, on bases with and without emoji presentation
      '👨‍👩‍👧 🏳️‍🌈 ❤️‍🔥 👁‍🗨', // joiner sequences, fully and minimally qualified
      '©️ ®️ ☺️ ☺ ↔️ ↔ ‼️', // text-presentation characters with and without U+FE0F
      '−5 °C, ﬁne — e\u0301 ῼ 가각\u1100\u1161\u11A8 ｶﾞ',
      'x\u200Dy ✈\u200D a\uFE0Fb',
    );
    const differing = texts.filter((text) => patched(text) !== library(text));
    expect(differing).toEqual([]);
    // Not vacuous: the sequences are measured as emoji.
    expect(patched('👨‍👩‍👧')).toBe(2);
    expect(patched('1\uFE0F\u20E3')).toBe(2);
    expect(patched('🇯🇵')).toBe(2);
    expect(patched('☺️')).toBe(2);
    expect(patched('−5')).toBe(2);
  }, 60_000);
});
