/**
 * Thai SARA AM (U+0E33, ำ) and Lao AM (U+0EB3) written as the shaper writes them: NIKHAHIT (U+0E4D)
 * moved back over the above-base marks (HarfBuzz's list: U+0E31, U+0E34-0E37, U+0E3B, U+0E47-0E4E,
 * and the Lao ones 0x80 above), then SARA AA (U+0E32). HarfBuzz and rustybuzz do this
 * themselves (`<0E14, 0E4B, 0E33> -> <0E14, 0E4D, 0E4B, 0E32>`), but keep the SARA AA in the cluster
 * of the consonant, and resvg gives a cluster the advance of its widest glyph rather than the sum:
 * the SARA AA's advance is lost and the next letter is drawn over it ("อำนาจ" comes out as "อํณาจ").
 * Written out before shaping, the SARA AA starts a cluster of its own and keeps its advance; the
 * glyphs are those the shaper would have produced, so the text looks as Chromium draws it.
 */
/* eslint-disable no-misleading-character-class -- each class member is a mark of its own (the marks a NIKHAHIT moves back over), not a combined character */
export function decomposeSaraAm(text: string): string {
  return text
    .replace(/([\u0E31\u0E34-\u0E37\u0E3B\u0E47-\u0E4E]*)\u0E33/g, '\u0E4D$1\u0E32')
    .replace(/([\u0EB1\u0EB4-\u0EB7\u0EBB\u0EC7-\u0ECE]*)\u0EB3/g, '\u0ECD$1\u0EB2');
}
/* eslint-enable no-misleading-character-class */
