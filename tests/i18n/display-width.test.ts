/**
 * The text tables measure columns with fast-string-width (a third of string-width's size in a
 * browser bundle). string-width, the reference terminal-width library, is the oracle here: for the
 * text cpi-gap's tables hold (Thai with its marks and SARA AM, Latin, every country's name in English
 * and Thai, and East Asian or emoji text a user's file may bring) both must give the same columns.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { thailand } from '../../src/index.js';
import { MESSAGES } from '../../src/i18n/labels.js';
import { displayWidth } from '../../src/util/table.js';
import { countries } from '../../src/world/countries.js';

/** Every string in `value`, however deep (the labels' tables hold strings and functions of them). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(stringsOf);
}

describe('displayWidth against string-width', () => {
  it('every country name of TI\'s panel (English, Thai, TI\'s own), the Thai dataset\'s texts and the labels', () => {
    const texts = [
      ...countries().flatMap((c) => [c.name.en, c.name.th, c.tiName]),
      ...stringsOf(thailand.sources),
      ...stringsOf(thailand.workstreams),
      ...stringsOf(MESSAGES),
    ];
    // The walk found the texts: 183 countries alone give 549 names.
    expect(texts.length).toBeGreaterThan(600);
    const differ = texts.filter((t) => displayWidth(t) !== stringWidth(t));
    expect(differ).toEqual([]);
  });

  it('any text of words in Thai, Latin, East Asian wide and fullwidth letters, Hangul and emoji, with invisible characters', () => {
    const letters = (min: number, max: number) => fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 8 }).map((cps) => String.fromCodePoint(...cps));
    const word = fc.oneof(
      letters(0x0e01, 0x0e5b), // Thai: consonants, vowel and tone marks, SARA AM, Thai digits
      letters(0x21, 0x7e), // printable ASCII
      letters(0xc0, 0xff), // Latin-1 letters (Côte d'Ivoire, Türkiye)
      letters(0x4e00, 0x9fff), // CJK ideographs
      letters(0x3041, 0x30f6), // Hiragana and Katakana
      letters(0xac00, 0xd7a3), // Hangul syllables
      letters(0xff01, 0xff5e), // fullwidth forms
      fc.constantFrom('👍', '😀', '🇹🇭', '❤️', '👨‍👩‍👧'), // emoji, a flag, a VS16 and a ZWJ sequence
    );
    const space = fc.constantFrom(' ', '\u200b', '\u00ad', '\u200e', '\u2060'); // a space, or an invisible one
    const text = fc.array(fc.tuple(word, space), { maxLength: 8 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(displayWidth(t)).toBe(stringWidth(t));
      }),
      { numRuns: 500 },
    );
  });
});
