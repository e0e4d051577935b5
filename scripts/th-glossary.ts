/**
 * `npx tsx scripts/th-glossary.ts`: write docs/i18n/th-glossary.md, every Thai label cpi-gap prints
 * with its English, from the label tables themselves (reports, charts, the progress report, the
 * command line's tables, project states, sources and workstreams). tests/i18n/glossary.test.ts checks
 * that the file is the one this script writes, so a label added to a table cannot miss the glossary.
 *
 * A label that is a function (it takes a year, a target...) is listed as written for placeholders:
 * `{target}`, `{1}`..., and once for each of the choices that change its words (see CALLS).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHART_MESSAGES } from '../src/charts/messages.js';
import { TEXT as STATUS_CHART_TEXT } from '../src/charts/planStatus.js';
import { WORDS as COUNTRIES_WORDS } from '../src/cli/commands/countries.js';
import { WORDS as PEERS_WORDS } from '../src/cli/commands/peers.js';
import { WORDS as PLAN_WORDS } from '../src/cli/commands/plan.js';
import { WORDS as SCENARIO_WORDS } from '../src/cli/commands/scenario.js';
import { WORDS as SIMULATE_WORDS } from '../src/cli/commands/simulate.js';
import { WORDS as SOLVE_WORDS } from '../src/cli/commands/solve.js';
import { WORDS as TREND_WORDS } from '../src/cli/commands/trend.js';
import { thailand } from '../src/dataset/thailand.js';
import { MESSAGES, sourceLabel } from '../src/i18n/labels.js';
import { STATE_LABELS } from '../src/plan/progress/states.js';
import { PROGRESS_MESSAGES } from '../src/plan/progress/statusReport.js';
import { TI_REGIONS } from '../src/world/regions.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GLOSSARY_FILE = join(ROOT, 'docs', 'i18n', 'th-glossary.md');

/** One Thai label and its English. */
export interface GlossaryRow {
  readonly key: string;
  readonly th: string;
  readonly en: string;
}

/**
 * A stand-in for any argument: written as `{name}` in text, 51 as a number, and every field or call
 * of it another stand-in (but the fields `fixed` gives), so a label function shows where its values go.
 */
function placeholder(name: string, fixed: Readonly<Record<string, unknown>> = {}): unknown {
  const target = () => undefined;
  return new Proxy(target, {
    get: (_, prop) => (prop === Symbol.toPrimitive ? (hint: string) => (hint === 'number' ? 51 : `{${name}}`) : typeof prop === 'string' && prop in fixed ? fixed[prop] : placeholder(String(prop))),
    apply: () => placeholder(name),
  });
}

/** The choices that change a label function's words (by key, or by table and key): each is listed once per call here. */
const CALLS: Readonly<Record<string, readonly (readonly unknown[])[]>> = {
  year: [['ce'], ['be']],
  budgetTitle: [
    ['measure', 'deduplicated'],
    ['workstream', 'printed'],
    ['other', 'deduplicated'],
  ],
  budgetLabel: [
    ['{amount}', 2, 5, 1],
    [null, 2, 5, 0],
  ],
  budgetNone: [[1], [3]],
  scenarioSubtitle: [[true], [false]],
  'statusChart.title': [['2023-09-30']],
  peersSubtitle: [['{country}', 'welch', 0.05]],
  'peers.lagging': [['{sources}'], ['']],
  // The significance level is a share the label writes as a percent: 5%, as peersSubtitle's (a stand-in 51 read 5100%).
  'peers.summary': [[placeholder('1', { significance: { test: 'welch', alpha: 0.05 } }), '{2}']],
};

type Table = Readonly<Record<string, unknown>>;

/** A label function's value as text: a list of lines (a two-line subtitle) joined by " / ", not by commas. */
const shown = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(' / ') : String(v));

/** The rows of one table: strings as they are, lists item by item, functions called as above. */
function rowsOf(prefix: string, th: Table, en: Table): GlossaryRow[] {
  return Object.keys(th).flatMap((key): GlossaryRow[] => {
    const t = th[key];
    const e = en[key];
    const name = `${prefix}.${key}`;
    if (typeof t === 'string' && typeof e === 'string') return [{ key: name, th: t, en: e }];
    if (Array.isArray(t) && Array.isArray(e)) return t.map((item, i) => ({ key: `${name}[${i}]`, th: String(item), en: String(e[i]) }));
    if (typeof t === 'function' && typeof e === 'function') {
      const calls = CALLS[name] ?? CALLS[key] ?? [Array.from({ length: t.length }, (_, i) => placeholder(String(i + 1)))];
      return calls.map((args) => ({ key: name, th: shown((t as (...a: unknown[]) => unknown)(...args)), en: shown((e as (...a: unknown[]) => unknown)(...args)) }));
    }
    if (typeof t === 'object' && t !== null && typeof e === 'object' && e !== null) return rowsOf(name, t as Table, e as Table);
    throw new Error(`th-glossary: ${name} is not the same kind of value in Thai and English`);
  });
}

/** Every section of the glossary with its rows. */
export function glossary(): { readonly title: string; readonly rows: readonly GlossaryRow[] }[] {
  return [
    { title: 'Reports (`MESSAGES`)', rows: rowsOf('MESSAGES', MESSAGES.th, MESSAGES.en) },
    { title: 'Charts (`CHART_MESSAGES`)', rows: rowsOf('CHART_MESSAGES', CHART_MESSAGES.th, CHART_MESSAGES.en) },
    { title: 'Plan-status chart', rows: rowsOf('statusChart', STATUS_CHART_TEXT.th, STATUS_CHART_TEXT.en) },
    { title: 'Progress report (`PROGRESS_MESSAGES`)', rows: rowsOf('PROGRESS_MESSAGES', PROGRESS_MESSAGES.th, PROGRESS_MESSAGES.en) },
    { title: 'Project states', rows: rowsOf('STATE_LABELS', STATE_LABELS.th, STATE_LABELS.en) },
    {
      title: 'Command line tables',
      rows: [
        ...rowsOf('trend', TREND_WORDS.th, TREND_WORDS.en),
        ...rowsOf('solve', SOLVE_WORDS.th, SOLVE_WORDS.en),
        ...rowsOf('scenario', SCENARIO_WORDS.th, SCENARIO_WORDS.en),
        ...rowsOf('simulate', SIMULATE_WORDS.th, SIMULATE_WORDS.en),
        ...rowsOf('plan', PLAN_WORDS.th, PLAN_WORDS.en),
        ...rowsOf('countries', COUNTRIES_WORDS.th, COUNTRIES_WORDS.en),
        ...rowsOf('peers', PEERS_WORDS.th, PEERS_WORDS.en),
      ],
    },
    { title: "TI's regions (cpi-gap/world; the Thai names are cpi-gap's)", rows: Object.entries(TI_REGIONS).map(([code, n]) => ({ key: code, th: n.th, en: n.en })) },
    { title: 'Sources (as the seed writes them in Thai; English names)', rows: thailand.sources.map((s) => ({ key: s.id, th: sourceLabel(thailand, s.id, 'th'), en: sourceLabel(thailand, s.id, 'en') })) },
    { title: 'Workstreams (the seed)', rows: thailand.workstreams.map((w) => ({ key: `WS${w.number}`, th: w.name.th ?? '', en: w.name.en })) },
  ];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The glossary as Markdown. */
export function glossaryMarkdown(): string {
  const sections = glossary().map(
    (s) => `## ${s.title}\n\n| key | ไทย | English |\n| --- | --- | --- |\n${s.rows.map((r) => `| \`${r.key}\` | ${cell(r.th)} | ${cell(r.en)} |`).join('\n')}\n`,
  );
  return `# Thai labels and their English

Every Thai label cpi-gap prints, with its English, written by \`npx tsx scripts/th-glossary.ts\` from the
label tables (a test checks that this file is up to date). Labels that take values show them as
placeholders (\`{1}\`, \`{target}\`; a number the label formats itself shows as 51); a label whose words
change with a choice is listed once per choice.

Review notes (issue 17): terms follow the seed where it has one (แผนงาน, มาตรการ, แนวทาง, แหล่งข้อมูล,
ค่าเป้าหมาย, ดัชนีการรับรู้การทุจริต, BF (TI), V-DEM); "gap" is ช่องว่าง, as in การวิเคราะห์ช่องว่าง (gap
analysis); "gap rank" is อันดับช่องว่าง (was ลำดับช่องว่าง, which reads as "the order of the gaps"); the gap-bars
subtitle names the figures at the bars' ends (ตัวเลขท้ายแท่ง, was the vaguer ป้ายกำกับ); "share" is สัดส่วน (was
ส่วนแบ่ง, "a portion handed out"); years are
Buddhist Era in Thai output, dates as Thai documents write them (30 ก.ย. 2566). A native reader's review of
the whole list is still welcome: corrections go in the tables, then rerun the script.

${sections.join('\n')}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync(GLOSSARY_FILE, glossaryMarkdown());
  console.log(`th-glossary: wrote ${glossary().reduce((n, s) => n + s.rows.length, 0)} labels to ${GLOSSARY_FILE}`);
}
