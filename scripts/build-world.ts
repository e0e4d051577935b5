/**
 * npm run world -- [TI's "CPI Historical" table] [--sheet <name>]
 *
 * Regenerates the world panel (data/world/panel.json and data/world/NOTICE.md) from Transparency
 * International's "CPI Historical" table: the flat CSV (default
 * ../shared/data/ti-cpi/cpi_historical_2012_2025.csv) or TI's workbook (.xlsx, sheet "CPI
 * Historical" unless --sheet names another). The file is read with cpi-gap's edition-tolerant TI
 * reader (readTiResults / readTiWorkbook: columns mapped by meaning), and every cell is written as
 * TI stores it: each number is the double its cell text parses to (float32 artefacts such as
 * 1.6000000238418579 kept; JSON writes the shortest text that parses back to the same double),
 * text as written, an empty cell as null. Nothing is computed or added: a change of format only.
 *
 * The script refuses a file with a rejected row or a column the reader does not know (the panel
 * would then not hold TI's table whole), and prints what changed against the panel it replaces.
 * Exit codes: 0 written, 1 usage, 2 the file is missing, unreadable or refused.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTiFile } from '../src/cli/tiFile.js';
import { CpiGapError } from '../src/errors.js';
import type { TiResults } from '../src/ti/readTiTable.js';
import { encodeColumns, PANEL_COLUMNS, PANEL_FORMAT, type PanelCell, type PanelFile } from '../src/world/panelFormat.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data', 'world');
const DEFAULT_FILE = join(ROOT, '..', 'shared', 'data', 'ti-cpi', 'cpi_historical_2012_2025.csv');
const ATTRIBUTION = 'Transparency International, Corruption Perceptions Index';
const LICENCE = 'CC BY-ND 4.0';

const USAGE = `usage: npm run world -- [TI's "CPI Historical" table (.csv, or .xlsx)] [--sheet <sheet name>]
  Writes data/world/panel.json and data/world/NOTICE.md from TI's file, values unchanged.
  Default file: ${DEFAULT_FILE}
  e.g. npm run world -- ~/Downloads/CPI2026_Results.xlsx`;

/** Refuse a file the panel could not hold whole: a rejected row, an unknown column, no Year column. */
function refusals(results: TiResults): string[] {
  const { report } = results;
  return [
    ...report.rejected.slice(0, 20).map((r) => `line ${r.line} rejected: ${r.reason}`),
    ...(report.rejected.length > 20 ? [`... and ${report.rejected.length - 20} more rejected lines`] : []),
    ...(report.ignored.length > 0 ? [`columns the reader does not know (extend TI_FIELD_ALIASES / TI_SOURCE_ALIASES in src/ti/headers.ts): ${report.ignored.join(', ')}`] : []),
    ...(report.yearFrom === 'column' ? [] : ['no Year column: this is not the "CPI Historical" layout (one row per country and year)']),
  ];
}

/** The panel file for TI's rows, columns in PANEL_COLUMNS order, rows in the file's order. */
function panelOf(results: TiResults, file: string, sheet: string | null): PanelFile {
  const headerOf = new Map(results.report.recognised.map((r) => [r.meaning, r.header]));
  const editions = [...new Set(results.rows.map((r) => r.year))].sort((a, b) => a - b);
  return {
    format: PANEL_FORMAT,
    attribution: ATTRIBUTION,
    licence: LICENCE,
    file,
    sheet,
    origin: sheet === null ? file : `${file}, sheet "${sheet}"`,
    editions,
    columns: PANEL_COLUMNS,
    headers: PANEL_COLUMNS.map((c) => headerOf.get(c) ?? ''),
    data: encodeColumns(results.rows),
  };
}

/** JSON with one column per line (columns compress better than rows: 52 KB gzipped, not 77). */
function panelJson(panel: PanelFile): string {
  const { data, ...head } = panel;
  const top = JSON.stringify(head).slice(0, -1);
  return `${top},\n"data": [\n${data.map((column) => JSON.stringify(column)).join(',\n')}\n]}\n`;
}

/** The panel's rows (cells in column order), for comparing two panels. */
function rowsOf(panel: PanelFile): PanelCell[][] {
  const n = panel.data[0]?.length ?? 0;
  return Array.from({ length: n }, (_, r) => panel.data.map((column) => column[r] ?? null));
}

function notice(panel: PanelFile, rows: number, countries: number): string {
  const first = panel.editions[0] ?? 0;
  const last = panel.editions.at(-1) ?? 0;
  return `# The CPI world panel: notice

\`panel.json\` holds Transparency International's Corruption Perceptions Index for every country
and territory TI scored, editions ${first}-${last} (${rows} country-years, ${countries} countries and
territories): score, rank, standard error, number of sources, 90% confidence interval bounds,
region and each source's rescaled score, from TI's "CPI Historical" table (file
\`${panel.origin}\`).

**Attribution:** ${ATTRIBUTION} (https://www.transparency.org/en/cpi).

**Licence:** third parties that redistribute TI's CPI data state that TI publishes it under the
Creative Commons Attribution-NoDerivatives 4.0 International licence (${LICENCE},
https://creativecommons.org/licenses/by-nd/4.0/). Attribute "${ATTRIBUTION}"
wherever you show these figures.

**Values unchanged; only the format changed.** TI's table is stored by column: \`data[c][r]\` is
the cell of row r in column \`columns[c]\` (\`headers[c]\` is TI's name for that column; rows in
TI's order). Every number is the number TI's cell holds (float artefacts such as
1.6000000238418579 included: JSON writes the shortest text that reads back as the same double),
text is as TI wrote it, and an empty cell is \`null\`. Nothing derived is stored: country names in
other languages, the number of countries per edition and every statistic are computed by cpi-gap
when asked, never written here.

**Regenerate** (for example when TI publishes a new edition):

\`\`\`sh
npm run world -- path/to/CPI20XX_Results.xlsx   # TI's workbook: sheet "CPI Historical" (or --sheet <name>)
npm run world -- path/to/cpi_historical.csv     # or that sheet saved as CSV
npm test -- tests/world                         # with TI's file in ../shared: what changed, cell by cell
\`\`\`
`;
}

/** What changed against the panel being replaced, by country-year. */
function changes(before: PanelFile | null, after: PanelFile): string[] {
  if (before === null) return ['new panel'];
  const key = (r: readonly PanelCell[]): string => `${String(r[1])} ${String(r[2])}`;
  const old = new Map(rowsOf(before).map((r) => [key(r), JSON.stringify(r)]));
  const now = new Map(rowsOf(after).map((r) => [key(r), JSON.stringify(r)]));
  const added = [...now.keys()].filter((k) => !old.has(k));
  const removed = [...old.keys()].filter((k) => !now.has(k));
  const changed = [...now.keys()].filter((k) => old.has(k) && old.get(k) !== now.get(k));
  const list = (xs: string[]): string => (xs.length > 12 ? `${xs.slice(0, 12).join(', ')} ...` : xs.join(', '));
  return [
    `rows: ${old.size} -> ${now.size}; editions ${before.editions.join(',')} -> ${after.editions.join(',')}`,
    `added ${added.length}${added.length > 0 ? `: ${list(added)}` : ''}`,
    `removed ${removed.length}${removed.length > 0 ? `: ${list(removed)}` : ''}`,
    `changed ${changed.length}${changed.length > 0 ? `: ${list(changed)}` : ''}`,
  ];
}

async function main(argv: readonly string[]): Promise<number> {
  const args = [...argv];
  const at = args.indexOf('--sheet');
  const sheetArg = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0) args.splice(at, 2);
  if (args[0] === '--help' || args[0] === '-h' || args.length > 1 || (at >= 0 && sheetArg === undefined)) {
    console.log(USAGE);
    return args[0] === '--help' || args[0] === '-h' ? 0 : 1;
  }
  const path = resolve(args[0] ?? DEFAULT_FILE);
  if (!existsSync(path)) {
    console.error(`world: no such file: ${path}\n${USAGE}`);
    return 2;
  }
  const sheet = /\.xlsx$/i.test(path) ? (sheetArg ?? 'CPI Historical') : null;
  let results: TiResults;
  try {
    results = await readTiFile(path, sheet ?? undefined);
  } catch (error) {
    console.error(`world: cannot read ${path}: ${error instanceof CpiGapError ? error.message : String(error)}`);
    return 2;
  }
  const refused = refusals(results);
  if (refused.length > 0) {
    console.error(`world: ${basename(path)} cannot become the panel as it is:\n  ${refused.join('\n  ')}`);
    return 2;
  }
  const panel = panelOf(results, basename(path), sheet);
  const target = join(OUT, 'panel.json');
  const before = existsSync(target) ? (JSON.parse(readFileSync(target, 'utf8')) as PanelFile) : null;
  const countries = new Set(results.rows.map((r) => r.iso3)).size;
  writeFileSync(target, panelJson(panel));
  writeFileSync(join(OUT, 'NOTICE.md'), notice(panel, results.rows.length, countries));
  console.log(`world: wrote data/world/panel.json (${results.rows.length} rows, ${countries} countries, editions ${panel.editions[0]}-${panel.editions.at(-1)}) and data/world/NOTICE.md from ${panel.origin}`);
  for (const line of changes(before, panel)) console.log(`  ${line}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`world: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
