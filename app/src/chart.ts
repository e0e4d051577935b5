// Charts: the library's Vega-Lite specs, compiled by vega-lite and drawn by vega (both bundled from
// node_modules). Each chart has its text alternative (the spec's description and a data table) and
// downloads as PNG and SVG.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { saveFile, saveText, tableBlock, type Table } from './table.js';

export interface ChartLabels {
  readonly png: string;
  readonly svg: string;
  readonly csv: string;
  readonly dataTable: string;
}

const views = new Map<string, View>();

/** Draw a chart into a new figure; resolves when drawn. The old view of the same id is finalized. */
export async function drawChart<Row>(id: string, spec: TopLevelSpec, table: Table<Row>, labels: ChartLabels, open = false): Promise<HTMLElement> {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.id = `chart-${id}`;
  const holder = document.createElement('div');
  holder.className = 'chart-view';
  holder.setAttribute('role', 'img');
  const description = typeof spec.description === 'string' ? spec.description : table.caption;
  holder.setAttribute('aria-label', description);
  const caption = document.createElement('figcaption');
  caption.textContent = description;
  const buttons = document.createElement('div');
  buttons.className = 'chart-buttons';
  for (const format of ['png', 'svg'] as const) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'download';
    b.dataset['chart'] = id;
    b.dataset['format'] = format;
    b.textContent = labels[format];
    b.setAttribute('aria-label', `${labels[format]}: ${description}`);
    b.addEventListener('click', () => {
      void downloadChart(id, format);
    });
    buttons.append(b);
  }
  const details = document.createElement('details');
  details.open = open;
  const summary = document.createElement('summary');
  summary.textContent = labels.dataTable;
  details.append(summary, tableBlock(table, labels.csv));
  figure.append(caption, holder, buttons, details);
  views.get(id)?.finalize();
  const view = new View(parse(compile(spec).spec), { renderer: 'svg', container: holder, hover: true });
  views.set(id, view);
  await view.runAsync();
  // vega's own SVG has no accessible name of its own here: the holder carries it.
  holder.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  return figure;
}

/** Download a drawn chart as PNG (twice the size, for slides) or SVG. */
export async function downloadChart(id: string, format: 'png' | 'svg'): Promise<void> {
  const view = views.get(id);
  if (view === undefined) return;
  if (format === 'png') {
    await document.fonts.ready;
    saveFile(`${id}.png`, await view.toImageURL('png', 2));
  } else {
    saveText(`${id}.svg`, await view.toSVG(), 'image/svg+xml');
  }
}
