import { ADVANCE_RANGES, SARABUN_ADVANCES } from './sarabunAdvances.js';

/** Advance (thousandths of an em) of a code point outside the table: wide for CJK and emoji, else a Latin average. */
function fallbackAdvance(code: number): number {
  return code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f300) ? 1000 : 560;
}

/** The table's index of a code point, or -1. */
function tableIndex(code: number): number {
  let offset = 0;
  for (const [from, to] of ADVANCE_RANGES) {
    if (code >= from && code <= to) return offset + code - from;
    offset += to - from + 1;
  }
  return -1;
}

/**
 * The width in px of `text` drawn in the shipped Sarabun at `fontSize` (bold or regular), from the
 * font's advance widths: what `cpi-gap/render` measures, without kerning. Combining Thai marks have
 * no advance. Characters outside the table count as a Latin average (CJK and emoji as 1 em).
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? SARABUN_ADVANCES.bold : SARABUN_ADVANCES.regular;
  let units = 0;
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    const i = tableIndex(code);
    units += i >= 0 ? (table[i] ?? 0) : fallbackAdvance(code);
  }
  return (units * fontSize) / 1000;
}

const words = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * `text` as lines no wider than `maxWidth` px where it can be broken: between words (Thai words too,
 * found by `Intl.Segmenter`, as Thai is written without spaces) and after spaces, never inside a word
 * or before punctuation. A word wider than `maxWidth` stays whole on its own line: nothing is cut.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  let previous: Intl.SegmentData | undefined;
  for (const segment of words.segment(text)) {
    const space = /^\s+$/.test(segment.segment);
    const canBreak = previous !== undefined && !space && (/\s$/.test(previous.segment) || (segment.isWordLike === true && previous.isWordLike === true));
    if (canBreak && line.trim() !== '' && textWidth((line + segment.segment).trimEnd(), fontSize, bold) > maxWidth) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += line === '' && space ? '' : segment.segment;
    previous = segment;
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Line height (px) of wrapped text at `fontSize`: room for Thai marks above and below (Sarabun's 1.3 em). */
export function lineHeightFor(fontSize: number): number {
  return Math.ceil(fontSize * 1.3);
}

/**
 * A Vega expression for an axis or legend `labelExpr` that shows each of `labels` wider than
 * `maxWidth` px as the lines {@link wrapText} gives (Vega draws an array of strings as lines), and
 * every other label as it is; `undefined` when no label needs wrapping.
 */
export function wrapLabelExpr(labels: readonly string[], maxWidth: number, fontSize: number): string | undefined {
  const wrapped = Object.fromEntries(labels.map((l) => [l, wrapText(l, maxWidth, fontSize)] as const).filter(([, lines]) => lines.length > 1));
  if (Object.keys(wrapped).length === 0) return undefined;
  return `${JSON.stringify(wrapped)}[datum.label] || datum.label`;
}

/** The most lines any of `labels` wraps to at `maxWidth` px. */
export function maxLines(labels: readonly string[], maxWidth: number, fontSize: number): number {
  return Math.max(1, ...labels.map((l) => wrapText(l, maxWidth, fontSize).length));
}

/** `{ labelExpr }` wrapping the long ones of `labels` (see {@link wrapLabelExpr}), or `{}`: to spread into an axis or a legend. */
export function wrappedLabels(labels: readonly string[], maxWidth: number, fontSize = 11): { labelExpr?: string } {
  const labelExpr = wrapLabelExpr(labels, maxWidth, fontSize);
  return labelExpr === undefined ? {} : { labelExpr };
}
