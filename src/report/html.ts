/**
 * Results as HTML, for notebooks and pages: any record or list of records cpi-gap returns (a gap
 * report, gaps, a scenario, a simulation, trend fits) as HTML tables, and the Jupyter display
 * protocol that shows them (or an SVG chart) as rich output in a notebook kernel that follows it
 * (Deno's: `Symbol.for('Jupyter.display')`).
 */

type Cell = string | number | boolean | null | undefined | object;

/** Most rows one table shows; longer lists end with a row that says how many were left out. */
const MAX_ROWS = 500;
/** Nesting shown as tables: deeper objects are summarised in one cell. */
const MAX_DEPTH = 2;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A number as a cell: up to 4 significant digits after the point, never exponent notation for scores. */
function num(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 1 ? String(Number(x.toFixed(3))) : String(Number(x.toPrecision(4)));
}

const isRecord = (v: unknown): v is Record<string, Cell> => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
const isRecordList = (v: unknown): v is readonly Record<string, Cell>[] => Array.isArray(v) && v.length > 0 && v.every(isRecord);

/** How deep a cell's text follows nested lists and records (a cycle stops here too). */
const MAX_CELL_DEPTH = 3;

/** One cell's text: scalars as they are, short lists joined, records as `key value` pairs, long lists counted. */
function cellText(value: Cell, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return num(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  const list: readonly unknown[] | null = Array.isArray(value) ? value : ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : null;
  if (list !== null) {
    if (list.length > 12 || depth >= MAX_CELL_DEPTH) return `${list.length} values`;
    return list.map((x) => cellText((isRecord(x) ? Object.values(x)[0] : x) as Cell, depth + 1)).join(', ');
  }
  if (depth >= MAX_CELL_DEPTH || typeof value !== 'object') return typeof value === 'object' ? '...' : String(value);
  return Object.entries(value as Record<string, Cell>)
    .filter(([, v]) => v !== undefined && !isRecord(v))
    .map(([k, v]) => `${k} ${cellText(v, depth + 1)}`)
    .join(', ');
}

/** A table of records: one column per key (in the order first seen), numbers right-aligned. */
function recordsTable(rows: readonly Record<string, Cell>[], caption?: string): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const shown = rows.slice(0, MAX_ROWS);
  const head = `<thead><tr>${keys.map((k) => `<th>${escape(k)}</th>`).join('')}</tr></thead>`;
  const body = shown.map((r) => `<tr>${keys.map((k) => `<td${typeof r[k] === 'number' ? ' style="text-align:right"' : ''}>${escape(cellText(r[k]))}</td>`).join('')}</tr>`);
  if (rows.length > MAX_ROWS) body.push(`<tr><td colspan="${keys.length}">... ${rows.length - MAX_ROWS} more rows</td></tr>`);
  return `<table class="cpi-gap">${caption === undefined ? '' : `<caption>${escape(caption)}</caption>`}${head}<tbody>${body.join('')}</tbody></table>`;
}

/** A record: its plain fields as a two-column table, then each list of records (and each record, while shallow) as its own table. */
function recordHtml(value: Readonly<Record<string, Cell>>, caption: string | undefined, depth: number): string {
  const plain: Record<string, Cell>[] = [];
  const parts: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (isRecordList(v)) parts.push(recordsTable(v, key));
    else if (isRecord(v) && depth < MAX_DEPTH) parts.push(recordHtml(v, key, depth + 1));
    else plain.push({ field: key, value: v });
  }
  const fields = plain.length > 0 ? [recordsTable(plain, caption)] : caption === undefined ? [] : [`<p><b>${escape(caption)}</b></p>`];
  return [...fields, ...parts].join('\n');
}

/**
 * HTML tables of a result: a list of records as one table (a column per field), a record as a table
 * of its plain fields followed by a table for each list of records it holds (a gap report's sources
 * and workstreams, a simulation's years). Text is escaped; numbers are shown with up to 3 decimals
 * (4 significant digits below 1); long lists inside a cell (a histogram) are counted, not shown.
 *
 * @example
 * const html = toHTML(sourceGaps(thailand, { year: 2022 }));
 * html.startsWith('<table class='); // => true
 * html.includes('<thead><tr><th>source</th><th>year</th><th>score</th>'); // => true
 * toHTML([{ name: '<b>' }]).includes('&lt;b&gt;'); // => true
 */
export function toHTML(value: unknown): string {
  if (isRecordList(value)) return recordsTable(value);
  if (isRecord(value)) return recordHtml(value, undefined, 0);
  return `<pre>${escape(cellText(value as Cell))}</pre>`;
}

/**
 * A Jupyter MIME bundle: each representation of a value by its media type.
 * @example
 * const bundle: MimeBundle = { 'text/html': toHTML([{ a: 1 }]), 'text/plain': '[{"a":1}]' };
 * Object.keys(bundle); // => ['text/html', 'text/plain']
 */
export type MimeBundle = Readonly<Record<string, string>>;

/**
 * A value a Jupyter kernel that follows the display protocol (Deno's) shows as rich output: its
 * `Symbol.for('Jupyter.display')` method gives the {@link MimeBundle}.
 * @example
 * const shown: JupyterDisplayable = jupyterDisplay([{ a: 1 }]);
 * typeof shown[Symbol.for('Jupyter.display')]; // => 'function'
 */
export type JupyterDisplayable = Readonly<Record<symbol, () => MimeBundle>>;

/** A value as JSON for the plain-text fallback (typed arrays as lists, at most 4,000 characters), or what it is when JSON cannot hold it. */
function plainText(value: unknown): string {
  try {
    // JSON.stringify gives undefined (typed string) for undefined, functions and symbols.
    const json = JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : typeof v === 'bigint' ? String(v) : v), 2) as string | undefined;
    if (json !== undefined) return json.length > 4000 ? `${json.slice(0, 4000)}\n...` : json;
  } catch {
    return 'a value with a cycle (not JSON)';
  }
  return typeof value === 'symbol' ? value.toString() : String(value);
}

/**
 * Wrap a result for rich output in a Jupyter notebook (Deno's kernel calls the
 * `Symbol.for('Jupyter.display')` method of a cell's value): an SVG (from `cpi-gap/render`'s
 * `toSvg`) as `image/svg+xml` (and an `<img>` of it as `text/html`), anything else as the HTML tables of {@link toHTML}, with JSON as the
 * plain-text fallback.
 *
 * @example
 * const shown = jupyterDisplay(gapReport(thailand));
 * const bundle = shown[Symbol.for('Jupyter.display')]?.();
 * bundle?.['text/html']?.includes('<table'); // => true
 */
export function jupyterDisplay(value: unknown): JupyterDisplayable {
  const bundle = (): MimeBundle => {
    if (typeof value === 'string' && value.trimStart().startsWith('<svg')) {
      // The <img> too: nbconvert's HTML export strips an inline SVG's elements, and prefers text/html.
      return { 'image/svg+xml': value, 'text/html': `<img alt="chart" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(value)}">`, 'text/plain': 'an SVG chart' };
    }
    return { 'text/html': toHTML(value), 'text/plain': plainText(value) };
  };
  return { [Symbol.for('Jupyter.display')]: bundle };
}
