/**
 * A small XML scanner for the parts of an .xlsx workbook (internal to `cpi-gap/xlsx`): linear, one
 * pass with `indexOf` and character codes, no regular expression over the document. It knows the
 * five predefined entities and character references and nothing else: a document type declaration
 * (where entities could be defined, and bombs built) is refused, as is an unknown entity.
 */
import { xlsxError } from './zip.js';

/** What the scanner reports; element and attribute names without their namespace prefix. */
export interface XmlHandler {
  readonly open: (name: string, attrs: ReadonlyMap<string, string>, selfClosing: boolean) => void;
  readonly close: (name: string) => void;
  /** Raw text between tags, entities not decoded (see {@link decodeXml}); `cdata` for a CDATA section. */
  readonly text: (raw: string, cdata: boolean) => void;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isNameEnd = (c: number): boolean => isSpace(c) || c === 47 /* / */ || c === 62 /* > */ || c === 61 /* = */ || Number.isNaN(c);

function malformed(fn: string, part: string, at: number, what: string): never {
  throw xlsxError(fn, `${part}: malformed XML at character ${at}: ${what}`);
}

/** The start tag at `lt` (after `<`): its name, attributes, whether it closes itself, and where it ends. */
function startTag(fn: string, part: string, xml: string, lt: number): { name: string; attrs: Map<string, string>; selfClosing: boolean; end: number } {
  let i = lt + 1;
  while (!isNameEnd(xml.charCodeAt(i))) i += 1;
  const name = xml.slice(lt + 1, i);
  if (name === '') malformed(fn, part, lt, 'a tag without a name');
  const attrs = new Map<string, string>();
  for (;;) {
    while (isSpace(xml.charCodeAt(i))) i += 1;
    const c = xml.charCodeAt(i);
    if (c === 62) return { name, attrs, selfClosing: false, end: i + 1 };
    if (c === 47 && xml.charCodeAt(i + 1) === 62) return { name, attrs, selfClosing: true, end: i + 2 };
    const nameStart = i;
    while (!isNameEnd(xml.charCodeAt(i))) i += 1;
    const attr = xml.slice(nameStart, i);
    while (isSpace(xml.charCodeAt(i))) i += 1;
    if (attr === '' || xml.charCodeAt(i) !== 61) malformed(fn, part, i, `expected an attribute in <${name}>`);
    i += 1;
    while (isSpace(xml.charCodeAt(i))) i += 1;
    const quote = xml.charAt(i);
    if (quote !== '"' && quote !== "'") malformed(fn, part, i, `expected a quoted value for ${attr}`);
    const close = xml.indexOf(quote, i + 1);
    if (close < 0) malformed(fn, part, i, `the value of ${attr} is never closed`);
    attrs.set(localName(attr), xml.slice(i + 1, close));
    i = close + 1;
  }
}

/** The index after the `end` marker searched from `from`; malformed when it is missing. */
function after(fn: string, part: string, xml: string, from: number, end: string): number {
  const at = xml.indexOf(end, from);
  if (at < 0) malformed(fn, part, from, `${end} is missing`);
  return at + end.length;
}

/**
 * Scan `xml` (the text of the part named `part`) start to end, reporting start tags, end tags and
 * text to `handler`. Refuses a DTD and malformed markup; errors name `fn` and the part.
 */
export function scanXml(fn: string, part: string, xml: string, handler: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      handler.text(xml.slice(i), false);
      return;
    }
    if (lt > i) handler.text(xml.slice(i, lt), false);
    if (xml.startsWith('<?', lt)) i = after(fn, part, xml, lt + 2, '?>');
    else if (xml.startsWith('<!--', lt)) i = after(fn, part, xml, lt + 4, '-->');
    else if (xml.startsWith('<![CDATA[', lt)) {
      i = after(fn, part, xml, lt + 9, ']]>');
      handler.text(xml.slice(lt + 9, i - 3), true);
    } else if (xml.startsWith('<!', lt)) {
      throw xlsxError(fn, `${part} declares a document type (<!DOCTYPE>), which a workbook never has`);
    } else if (xml.charCodeAt(lt + 1) === 47) {
      i = after(fn, part, xml, lt + 2, '>');
      const name = xml.slice(lt + 2, i - 1).trim();
      if (name === '' || /[<\s]/.test(name)) malformed(fn, part, lt, 'an end tag without a name');
      handler.close(localName(name));
    } else {
      const tag = startTag(fn, part, xml, lt);
      handler.open(localName(tag.name), tag.attrs, tag.selfClosing);
      if (tag.selfClosing) handler.close(localName(tag.name));
      i = tag.end;
    }
  }
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Text with its entities and character references decoded, and Excel's `_xHHHH_` escapes (a
 * character Excel cannot write in XML, such as a carriage return `_x000D_`) with `excel`. An unknown
 * entity or a reference to no character is refused.
 */
export function decodeXml(fn: string, part: string, raw: string, excel = false): string {
  const text = !raw.includes('&') ? raw : raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{1,8})?;?/g, (whole, ref: string | undefined) => {
    if (ref === undefined || !whole.endsWith(';')) throw xlsxError(fn, `${part}: a bare & in the text`);
    if (!ref.startsWith('#')) {
      const known = ENTITIES[ref];
      if (known === undefined) throw xlsxError(fn, `${part}: unknown entity &${ref}; (a workbook uses only &lt; &gt; &amp; &quot; &apos;)`);
      return known;
    }
    const code = ref.startsWith('#x') ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) throw xlsxError(fn, `${part}: &${ref}; is not a character`);
    return String.fromCodePoint(code);
  });
  return excel && text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}
