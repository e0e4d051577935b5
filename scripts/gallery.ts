/**
 * `npm run gallery`: draw every chart in English (CE years) and Thai (B.E. years) as SVG into
 * docs/gallery/, and write docs/gallery/index.html, which embeds the same specs with vega-embed.
 *
 * The page works offline: vega, vega-lite and vega-embed are copied from node_modules into
 * docs/gallery/vendor/ (git-ignored, rewritten on every run). Serve the folder with any local
 * server (`npx http-server docs/gallery`, `python3 -m http.server -d docs/gallery`) and open it.
 *
 * The rank-position chart needs every country's score of the year: it is drawn when TI's result
 * file of that year is found in ../shared/data/ti-cpi/ (or $CPI_GAP_SHARED), and skipped with a
 * message otherwise. TI's files are read, never copied into the repository.
 *
 * Usage: npm run gallery [-- --out <dir>]
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { chartSet, type ChartEntry } from '../src/charts/index.js';
import { thailand } from '../src/index.js';
import { toSvg } from '../src/render/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The year the gallery shows and the target it measures gaps against. */
export const GALLERY_YEAR = 2025;
export const GALLERY_TARGET = 51;

/** The vendor files the page loads, from node_modules. */
export const VENDOR_FILES = ['vega/build/vega.min.js', 'vega-lite/build/vega-lite.min.js', 'vega-embed/build/vega-embed.min.js'] as const;

/** One chart of the gallery: its id, locale, spec and SVG file name. */
export interface GalleryChart {
  readonly id: ChartEntry['id'];
  readonly locale: 'en' | 'th';
  readonly file: string;
  readonly spec: TopLevelSpec;
}

/** Split one CSV line, honouring double quotes. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Every country's CPI score of `year` from TI's result file in shared/, or null when absent. */
export function tiScores(year: number): { scores: number[]; file: string } | null {
  const shared = resolve(process.env.CPI_GAP_SHARED ?? join(ROOT, '..', 'shared'));
  const file = join(shared, 'data', 'ti-cpi', `CPI${year}_Results.csv`);
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.startsWith('Country'));
  const header = csvCells(lines[headerAt] ?? '');
  const column = header.findIndex((h) => /^CPI (score )?\d{4}( score)?$/.test(h.trim()));
  if (headerAt < 0 || column < 0) throw new Error(`gallery: no CPI score column in ${file}`);
  const scores = lines
    .slice(headerAt + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => Number(csvCells(l)[column]))
    .filter((v) => Number.isFinite(v));
  return { scores, file: `CPI${year}_Results.csv` };
}

/** The gallery's charts: every chart of {@link chartSet} for Thailand, in English (CE) and Thai (B.E.). */
export function galleryCharts(): GalleryChart[] {
  const ti = tiScores(GALLERY_YEAR);
  if (ti === null) console.warn(`gallery: TI's CPI${GALLERY_YEAR}_Results.csv not found under ../shared/data/ti-cpi/ (or $CPI_GAP_SHARED): no rank-position chart.`);
  const distribution = ti === null ? undefined : { scores: ti.scores, origin: { kind: 'ti' as const, edition: GALLERY_YEAR, file: ti.file } };
  return (['en', 'th'] as const).flatMap((locale) =>
    chartSet(thailand, { year: GALLERY_YEAR, target: GALLERY_TARGET, locale, era: locale === 'th' ? 'be' : 'ce', ...(distribution ? { distribution } : {}) }).map((c) => ({
      id: c.id,
      locale,
      file: `${c.id}.${locale}.svg`,
      spec: c.spec,
    })),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The gallery page: one card per chart, drawn by vega-embed from the inline specs. */
export function galleryHtml(charts: readonly GalleryChart[]): string {
  const specs = JSON.stringify(charts.map((c) => ({ id: `${c.id}-${c.locale}`, spec: c.spec }))).replace(/</g, '\\u003c');
  const cards = charts
    .map(
      (c) => `    <section class="card" lang="${c.locale}">
      <h2>${escapeHtml(c.id)} <small>(${c.locale})</small> <a href="${c.file}">SVG</a></h2>
      <div class="chart" id="chart-${c.id}-${c.locale}"></div>
    </section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>cpi-gap chart gallery</title>
  <link rel="icon" href="data:,">
  <style>
    body { font-family: Sarabun, "Noto Sans Thai", Loma, Garuda, Tahoma, sans-serif; margin: 24px; background: #f4f4f4; }
    .card { background: white; margin: 0 0 24px; padding: 12px; border-radius: 6px; overflow-x: auto; }
    h2 { font-size: 15px; margin: 0 0 8px; } small { color: #666; } a { font-size: 12px; margin-left: 8px; }
  </style>
  <script src="vendor/vega.min.js"></script>
  <script src="vendor/vega-lite.min.js"></script>
  <script src="vendor/vega-embed.min.js"></script>
</head>
<body>
  <h1>cpi-gap chart gallery</h1>
  <p>Thailand, CPI ${GALLERY_YEAR}, target ${GALLERY_TARGET}. Generated by <code>npm run gallery</code>; serve this folder locally (the page loads vega from <code>vendor/</code>).
  Data: Thailand FY2023 CPI action plan; Transparency International, Corruption Perceptions Index (CC BY-ND 4.0).</p>
${cards}
  <script id="specs" type="application/json">${specs}</script>
  <script>
    (async () => {
      const entries = JSON.parse(document.getElementById('specs').textContent);
      const results = [];
      for (const { id, spec } of entries) {
        try {
          const { view } = await vegaEmbed('#chart-' + id, spec, { renderer: 'svg', actions: false });
          results.push({ id, ok: true, width: view.width() });
        } catch (error) {
          console.error('gallery: ' + id + ': ' + error);
          results.push({ id, ok: false, error: String(error) });
        }
      }
      window.galleryResults = results;
    })();
  </script>
</body>
</html>
`;
}

/** Write the SVGs, index.html and vendor/ into `outDir`; returns the charts written. */
export async function buildGallery(outDir: string): Promise<GalleryChart[]> {
  const charts = galleryCharts();
  mkdirSync(join(outDir, 'vendor'), { recursive: true });
  for (const c of charts) {
    const svg = await toSvg(c.spec, { onWarning: (m) => { console.warn(`gallery: ${c.file}: ${m}`); } });
    writeFileSync(join(outDir, c.file), `${svg}\n`);
  }
  writeFileSync(join(outDir, 'index.html'), galleryHtml(charts));
  for (const file of VENDOR_FILES) copyFileSync(join(ROOT, 'node_modules', file), join(outDir, 'vendor', file.split('/').at(-1) ?? file));
  return charts;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--out');
  const outDir = resolve(at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : join(ROOT, 'docs', 'gallery'));
  const charts = await buildGallery(outDir);
  console.log(`gallery: wrote ${charts.length} SVGs, index.html and vendor/ to ${outDir}`);
}
