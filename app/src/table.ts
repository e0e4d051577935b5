// Tables: drawn as HTML, downloaded as CSV through the library's CSV writer (csvTable, formula-safe).
import { csvTable } from '../../src/util/csv.js';
import type { Column } from '../../src/util/table.js';

export interface Table<Row> {
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
}

/** Save text or a data URL as a file (an anchor with `download`). */
export function saveFile(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export function saveText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  saveFile(name, url);
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** The table's CSV (a byte-order mark first, so spreadsheet programs read Thai as UTF-8). */
export function tableCsv<Row>(t: Table<Row>): string {
  return `\uFEFF${csvTable(t.columns, t.rows)}\n`;
}

/** An HTML table with a caption. */
export function htmlTable<Row>(t: Table<Row>): HTMLTableElement {
  const table = document.createElement('table');
  table.dataset['table'] = t.id;
  const caption = table.createCaption();
  caption.textContent = t.caption;
  const head = table.createTHead().insertRow();
  for (const c of t.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c.header;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of t.rows) {
    const tr = body.insertRow();
    for (const c of t.columns) {
      const td = tr.insertCell();
      td.textContent = c.value(row);
      if (c.align === 'right') td.className = 'num';
    }
  }
  return table;
}

/** A table with its CSV download button. */
export function tableBlock<Row>(t: Table<Row>, csvLabel: string): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'table-block';
  const scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', t.caption);
  scroll.append(htmlTable(t));
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'download';
  button.dataset['csv'] = t.id;
  button.textContent = csvLabel;
  button.setAttribute('aria-label', `${csvLabel}: ${t.caption}`);
  button.addEventListener('click', () => {
    saveText(`${t.id}.csv`, tableCsv(t), 'text/csv;charset=utf-8');
  });
  wrap.append(scroll, button);
  return wrap;
}
