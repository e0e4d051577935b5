/**
 * The command line's cases, run twice: in-process through `runCli` (src/cli/cli.test.ts, for
 * coverage) and as the built bin in a child process (tests/cli/bin.test.ts). Expected numbers are
 * computed here from the bundled data files, TI's files or by hand, never taken from the CLI.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithShared, ROOT, sharedPath, TI_2025, TI_HISTORICAL } from '../helpers/shared.js';

/** What a run of the command line gave. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the command line with these arguments (from the project's root folder). */
export type Run = (argv: readonly string[]) => Promise<RunResult>;

interface Score {
  readonly source: string;
  readonly year: number;
  readonly value: number;
}

const scores = JSON.parse(readFileSync(join(ROOT, 'data/thailand/scores.json'), 'utf8')) as Score[];
const cpi = JSON.parse(readFileSync(join(ROOT, 'data/thailand/cpi.json'), 'utf8')) as { year: number; score: number }[];
const workstreams = JSON.parse(readFileSync(join(ROOT, 'data/thailand/workstreams.json'), 'utf8')) as { number: number; sources: string[] }[];

/** TI's rounding: half up. */
const round = (mean: number): number => Math.floor(mean + 0.5 + 1e-9);
const of = (year: number) => scores.filter((s) => s.year === year);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const scenarioFile = (name: string) => join(ROOT, 'examples', 'scenarios', name);

/** The world panel's rows, read here from data/world/panel.json (by column). */
function panelRows(): { iso3: string; year: number; region: string; score: number; rank: number; sources: number[] }[] {
  const panel = JSON.parse(readFileSync(join(ROOT, 'data/world/panel.json'), 'utf8')) as { columns: string[]; data: (string | number | null)[][] };
  const col = (name: string) => panel.data[panel.columns.indexOf(name)] ?? [];
  const first = panel.columns.indexOf('AFDB');
  return col('iso3').map((iso3, r) => ({
    iso3: iso3 as string,
    year: col('year')[r] as number,
    region: col('region')[r] as string,
    score: col('score')[r] as number,
    rank: col('rank')[r] as number,
    sources: panel.data.slice(first).flatMap((c) => (typeof c[r] === 'number' ? [c[r]] : [])),
  }));
}

/** One country-year of the panel with its sources' count and unrounded mean. */
function worldRow(iso3: string, year: number) {
  const row = panelRows().find((r) => r.iso3 === iso3 && r.year === year);
  if (row === undefined) throw new Error(`no ${iso3} ${year} in the panel`);
  return { ...row, n: row.sources.length, mean: sum(row.sources) / row.sources.length };
}

const round2 = (x: number) => String(Number(x.toFixed(2)));

/** Lines of a table whose first cell is `first`, split on runs of 2+ spaces. */
function row(text: string, first: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith(`${first} `) || l.startsWith(`${first},`));
  if (line === undefined) throw new Error(`no row ${first} in:\n${text}`);
  return line.includes(',') && !line.includes('  ') ? line.split(',') : line.trim().split(/\s{2,}/);
}

function expectOneLine(r: RunResult, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  expect(r.stdout).toBe('');
}

/** Scenario files with problems, written to a temporary folder. */
function badScenarioFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'cpi-gap-cli-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const withValue = (name: string, value: string) => file(name, `changes:\n  - kind: set\n    source: VDEM\n    year: 2027\n    value: ${JSON.stringify(value)}\n`);
  mkdirSync(join(dir, 'folder.yaml'));
  return {
    dir,
    malformed: file('malformed.yaml', 'name: x\nchanges: [ {kind: set\n'),
    malformedJson: file('malformed.json', '{"changes": [}'),
    notObject: file('list.yaml', '- 1\n- 2\n'),
    unknownSource: file('unknown-source.yaml', 'changes:\n  - { kind: set, source: NOPE, year: 2027, value: 30 }\n'),
    unknownWorkstream: file('unknown-ws.json', JSON.stringify({ changes: [{ kind: 'lever', workstream: 9, year: 2027, uplift: 1 }] })),
    beforeBase: file('before-base.yaml', 'baseYear: 2025\nchanges:\n  - { kind: delta, source: VDEM, year: 2027, delta: 1 }\n  - { kind: delta, source: VDEM, year: 2024, delta: 1 }\n'),
    baseOutOfRange: file('base-2030.yaml', 'baseYear: 2030\nchanges: []\n'),
    unknownKey: file('unknown-key.yaml', 'changes: []\nbudget: 3\n'),
    wrongType: file('wrong-type.yaml', 'changes:\n  - { kind: delta, source: VDEM, year: 2027, delta: [1] }\n'),
    txt: file('scenario.txt', 'changes: []\n'),
    notTi: file('not-ti.csv', 'Methodology,Sources,Contact\n1,2,3\n'),
    xls: file('CPI2025_Results.xls', 'Country,ISO3,CPI 2025 score\nThailand,THA,33\n'),
    xlsm: file('CPI2025_Results.xlsm', 'PK'),
    duplicateKeys: file('duplicate.json', '{"changes": [], "changes": [{"kind": "delta", "source": "VDEM", "year": 2026, "delta": 50}]}'),
    aliasBomb: file('bomb.yaml', ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `b${i + 1}: &b${i + 1} [${Array.from({ length: 9 }, () => (i === 0 ? '*a' : `*b${i}`)).join(', ')}]`), 'changes: []'].join('\n')),
    folder: join(dir, 'folder.yaml'),
    import: withValue('import.yaml', 'import({}, {override: true})'),
    createUnit: withValue('createUnit.yaml', "createUnit('foo')"),
    evaluate: withValue('evaluate.yaml', 'evaluate("1")'),
    parse: withValue('parse.yaml', 'parse("1")'),
    functionDef: withValue('function.yaml', 'f(x) = x'),
    assignment: withValue('assignment.yaml', 'a = 1'),
    matrix: withValue('matrix.yaml', '[1,2,3]'),
    ones: withValue('ones.yaml', 'ones(1e6, 1e6)'),
    property: withValue('property.yaml', '"abc".length'),
    constructor: withValue('constructor.yaml', 'cos.constructor("return process")()'),
    simplify: withValue('simplify.yaml', 'simplify("x")'),
    long: withValue('long.yaml', `${'1+'.repeat(4_999)}1`),
    infinite: withValue('infinite.yaml', '10 ^ 400'),
    outOfRange: withValue('out-of-range.yaml', 'baseline * 10'),
  };
}

/** Define the whole suite over one way of running the command line. */
export function defineCliSuite(label: string, run: Run): void {
  const bad = badScenarioFiles();
  const out = (name: string) => join(bad.dir, name);

  describe(`${label}: report and gaps`, () => {
    it('prints the 2022 report in English with the even uplift of the README (324 -> 454.5)', async () => {
      const r = await run(['report', '--year', '2022']);
      expect(r.code).toBe(0);
      const total = 9 * 50.5 - sum(of(2022).map((s) => s.value));
      expect(r.stdout).toMatch(new RegExp(`Total uplift needed across sources\\s+${total}`));
      expect(r.stdout).toMatch(new RegExp(`Even uplift per source\\s+${total / 9}`));
    });

    it('prints Thai headers and Buddhist-Era years', async () => {
      const r = await run(['report', '--lang', 'th', '--era', 'be', '--year', '2022']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('ดัชนีการรับรู้การทุจริต ปี 2565');
      expect(r.stdout).toContain('แหล่งข้อมูล');
    });

    it('writes CSV and JSON', async () => {
      const csv = await run(['report', '--format', 'csv']);
      expect(csv.stdout.split('\n')[0]).toBe('Source,Score,Target,Gap,Gap rank,Workstreams');
      expect(csv.stdout.trim().split('\n')).toHaveLength(1 + of(2025).length);
      const json = JSON.parse((await run(['report', '--format', 'json'])).stdout) as { year: number; cpi: { mean: number } };
      expect(json.year).toBe(2025);
      expect(json.cpi.mean).toBeCloseTo(sum(of(2025).map((s) => s.value)) / 9, 10);
    });

    it('adds the methods-and-caveats paragraph with --notes, in English and Thai', async () => {
      const en = await run(['report', '--year', '2022', '--notes']);
      expect(en.stdout).toMatch(/Methods and caveats: .*FY2023 CPI action plan.*not statistically significant/);
      const th = await run(['report', '--lang', 'th', '--notes']);
      expect(th.stdout).toMatch(/หมายเหตุด้านวิธีการและข้อควรระวัง: .*Corruption Perceptions Index 2025.*ไม่มีนัยสำคัญทางสถิติ/);
    });

    it('writes to --out and says so on stderr', async () => {
      const file = out('report/gaps.csv');
      const r = await run(['gaps', '--by', 'workstream', '--format', 'csv', '--out', file]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`wrote ${file}\n`);
      expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('Workstream,Sources,Gap sum,Mean gap');
    });
  });

  describe(`${label}: trend`, () => {
    it("fits the CPI's least-squares slope (computed here from cpi.json)", async () => {
      const points = cpi.filter((c) => c.year <= 2025);
      const mx = sum(points.map((p) => p.year)) / points.length;
      const my = sum(points.map((p) => p.score)) / points.length;
      const slope = sum(points.map((p) => (p.year - mx) * (p.score - my))) / sum(points.map((p) => (p.year - mx) ** 2));
      const r = await run(['trend', 'cpi', '--format', 'json']);
      expect(r.code).toBe(0);
      const [fit] = JSON.parse(r.stdout) as { slope: number; n: number }[];
      expect(fit?.slope).toBeCloseTo(slope, 10);
      expect(fit?.n).toBe(points.length);
    });

    it('fits every source by default and projects with --until, in Thai and CSV', async () => {
      const all = await run(['trend', '--lang', 'th']);
      expect(all.stdout.split('\n')[0]).toMatch(/^ชุดข้อมูล/);
      expect(all.stdout).toContain('V-DEM');
      expect(all.stdout).not.toContain('VDEM');
      const csv = await run(['trend', 'cpi', 'VDEM', '--until', '2027', '--format', 'csv', '--notes']);
      expect(csv.stdout.split('\n')[0]).toBe('Series,Year,Projected,Lower,Upper,Cut to 0..100');
      expect(csv.stdout).toMatch(/^Varieties of Democracy,2027,/m);
      expect(csv.stdout).toMatch(/it does not forecast/);
    });
  });

  describe(`${label}: scenario`, () => {
    it('runs a YAML scenario: WS1 sources +1.5 a year, V-Dem set to 26 in 2028', async () => {
      const r = await run(['scenario', scenarioFile('ws1-steady.yaml')]);
      expect(r.code).toBe(0);
      const base = of(2025);
      const ws1 = workstreams.find((w) => w.number === 1)?.sources ?? [];
      const meanIn = (year: number) => {
        const k = year - 2025;
        return sum(base.map((s) => (s.source === 'VDEM' && year >= 2028 ? 26 : s.value + (ws1.includes(s.source) ? 1.5 * k : 0)))) / base.length;
      };
      for (const year of [2026, 2028, 2030]) {
        const cells = row(r.stdout, String(year));
        expect(Number(cells[2])).toBeCloseTo(meanIn(year), 2);
        expect(Number(cells[3])).toBe(round(meanIn(year)));
      }
      expect(r.stdout).toContain('Scenario: WS1 steady');
    });

    it('evaluates expressions (V-Dem: baseline + 1.5 t; WEF gains min(2, (51 - baseline) / 4))', async () => {
      const r = await run(['scenario', scenarioFile('vdem-expression.yaml'), '--format', 'json']);
      expect(r.code).toBe(0);
      const result = JSON.parse(r.stdout) as { spec: { changes: { value?: number; gain?: number }[] }; paths: { source: string; points: { year: number; value: number }[] }[] };
      const vdem = of(2025).find((s) => s.source === 'VDEM')?.value ?? Number.NaN;
      const wef = of(2025).find((s) => s.source === 'WEF')?.value ?? Number.NaN;
      expect(result.spec.changes[0]?.value).toBeCloseTo(vdem + 1.5 * 4, 10);
      expect(result.spec.changes[1]?.gain).toBeCloseTo(Math.min(2, (51 - wef) / 4), 10);
      expect(result.paths.find((p) => p.source === 'VDEM')?.points.at(-1)?.value).toBeCloseTo(vdem + 6, 10);
    });

    it('runs a JSON scenario as CSV: four levers of 1 add 13 source points a year (13 links)', async () => {
      const links = sum(workstreams.map((w) => w.sources.length));
      expect(links).toBe(13);
      const r = await run(['scenario', scenarioFile('levers.json'), '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('Year,Sources,Mean (unrounded),CPI score,Change,90% CI lower,90% CI upper');
      const base = sum(of(2025).map((s) => s.value));
      expect(Number(row(r.stdout, '2027')[3])).toBe(round((base + 2 * links) / 9));
    });

    it('composes several files, prints Thai, and adds notes', async () => {
      const r = await run(['scenario', scenarioFile('ws1-steady.yaml'), scenarioFile('levers.json'), '--lang', 'th', '--notes']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('สถานการณ์: WS1 steady + All workstreams, one point a year');
      expect(r.stdout).toMatch(/เป็นสมมติฐาน ไม่ใช่การพยากรณ์/);
    });
  });

  describe(`${label}: solve`, () => {
    it('gives the even uplift of 2022: 14.5 per source', async () => {
      const r = await run(['solve', '--year', '2022', '--format', 'csv']);
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n').slice(1);
      expect(lines).toHaveLength(9);
      for (const l of lines) expect(l.split(',')[4]).toBe(String((9 * 50.5 - sum(of(2022).map((s) => s.value))) / 9));
    });

    it('solves workstream levers (needed sum / 13 links), saves the scenario, and the scenario reaches 51', async () => {
      const file = out('levers.yaml');
      const needed = 9 * 50.5 - sum(of(2025).map((s) => s.value));
      const r = await run(['solve', '--levers', '--by', '2027', '--lang', 'th', '--save-scenario', file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`ทุกแผนงานยกคะแนนแหล่งข้อมูลละ ${(needed / 13).toFixed(2)} คะแนน`);
      expect(r.stderr).toBe(`wrote ${file}\n`);
      const s = await run(['scenario', file, '--format', 'csv']);
      expect(Number(row(s.stdout, '2027')[3])).toBe(51);
    });

    it('solves per-workstream levers alone as JSON, and a bounded allocation as a table', async () => {
      const alone = JSON.parse((await run(['solve', '--levers', '--mode', 'alone', '--workstreams', '1,3', '--format', 'json'])).stdout) as { workstreams: { workstream: number }[] };
      expect(alone.workstreams.map((w) => w.workstream)).toEqual([1, 3]);
      const bounded = await run(['solve', '--strategy', 'bounded', '--bound', '10', '--notes']);
      expect(bounded.code).toBe(0);
      expect(bounded.stdout).toMatch(/does not reach it/);
      expect(bounded.stdout).toMatch(/Scenarios and allocations are assumptions/);
    });
  });

  describe(`${label}: simulate`, () => {
    it('prints per-year quantiles and P(score >= target), consistent with the histogram', async () => {
      const json = await run(['simulate', '--paths', '20000', '--horizon', '3', '--seed', '7', '--format', 'json']);
      expect(json.code).toBe(0);
      const r = JSON.parse(json.stdout) as { seed: number; paths: number; years: { year: number; histogram: number[]; pTarget: number; quantiles: Record<string, number> }[] };
      expect(r.seed).toBe(7);
      expect(r.years.map((y) => y.year)).toEqual([2026, 2027, 2028]);
      for (const y of r.years) {
        expect(sum(y.histogram)).toBe(20000);
        expect(y.pTarget).toBeCloseTo(sum(y.histogram.slice(51)) / 20000, 12);
        const q = [y.quantiles['q05'], y.quantiles['q25'], y.quantiles['q50'], y.quantiles['q75'], y.quantiles['q95']] as number[];
        expect([...q].sort((a, b) => a - b)).toEqual(q);
      }
      const csv = await run(['simulate', '--paths', '20000', '--horizon', '3', '--seed', '7', '--format', 'csv']);
      expect(csv.stdout.split('\n')[0]).toBe('Year,Mean,SD,5%,25%,50%,75%,95%,P(score >= 51),MC SE');
      expect(row(csv.stdout, '2028')[5]).toBe(String(r.years[2]?.quantiles['q50']));
      expect(csv.stderr).toBe('');
    });

    it('adds a scenario, prints Thai, and names the model and seed in the notes', async () => {
      const r = await run(['simulate', '--paths', '5000', '--horizon', '2', '--scenario', scenarioFile('ws1-steady.yaml'), '--lang', 'th', '--notes']);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toMatch(/^ปี\s+ค่าเฉลี่ย/);
      // Thai output writes Buddhist-Era years by default: 2026 is 2569.
      expect(r.stdout).toMatch(/^2569 /m);
      expect(r.stdout).toMatch(/แบบจำลอง world, ปีฐาน 2025, seed 12345, 5000 เส้นทาง/);
    });
  });

  describe(`${label}: chart`, () => {
    it('writes the spec, an SVG and a PNG by the extension', async () => {
      const json = await run(['chart', 'gap-bars', '--year', '2022', '--out', out('charts/gaps.json')]);
      expect(json.code).toBe(0);
      const spec = JSON.parse(readFileSync(out('charts/gaps.json'), 'utf8')) as { $schema: string; data: { values: { source: string; gap: number }[] } };
      expect(spec.$schema).toMatch(/vega-lite/);
      expect(spec.data.values.find((v) => v.source === 'Varieties of Democracy')?.gap).toBe(51 - (of(2022).find((x) => x.source === 'VDEM')?.value ?? Number.NaN));
      const svg = await run(['chart', 'source-trends', '--lang', 'th', '--out', out('charts/trends.svg')]);
      expect(svg.code).toBe(0);
      expect(readFileSync(out('charts/trends.svg'), 'utf8')).toMatch(/^<svg/);
      const png = await run(['chart', 'workstream-matrix', '--out', out('charts/matrix.png'), '--scale', '1']);
      expect(png.code).toBe(0);
      expect([...readFileSync(out('charts/matrix.png')).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    });

    it('prints the spec on stdout without --out, and draws the Monte Carlo fan', async () => {
      const r = await run(['chart', 'gap-waterfall']);
      expect((JSON.parse(r.stdout) as { $schema: string }).$schema).toMatch(/vega-lite/);
      const fan = await run(['chart', 'fan', '--paths', '2000', '--horizon', '2', '--out', out('charts/fan.json')]);
      expect(fan.code).toBe(0);
      const values = (JSON.parse(readFileSync(out('charts/fan.json'), 'utf8')) as { data: { values: { year: number }[] } }).data.values;
      expect(values.map((v) => v.year)).toEqual([2026, 2027]);
      // The fan names its sources under the title, as the other charts do (TI, for the base year 2025),
      // and its model, base year and backtest coverage.
      const fanSpec = JSON.parse(readFileSync(out('charts/fan.json'), 'utf8')) as { title: { subtitle: string[] } };
      expect(fanSpec.title.subtitle.join(' ')).toMatch(/Transparency International/);
      expect(fanSpec.title.subtitle.join(' ')).toMatch(/Model world, base year 2025; backtest: 80% intervals held 79% of 1-year outcomes/);
    });

    it('embeds the shipped font in an SVG on request, and warns on stderr of a font without the Thai glyphs', async () => {
      const svg = await run(['chart', 'gap-bars', '--lang', 'th', '--embed-fonts', '--out', out('charts/gaps.th.svg')]);
      expect(svg.code).toBe(0);
      expect(svg.stderr).not.toMatch(/warning/);
      expect(readFileSync(out('charts/gaps.th.svg'), 'utf8')).toContain('@font-face{font-family:"Sarabun";font-weight:400');
      const latin = '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf';
      if (!existsSync(latin)) return;
      const png = await run(['chart', 'gap-bars', '--lang', 'th', '--font', 'Liberation Sans', '--font-file', latin, '--scale', '1', '--out', out('charts/gaps.latin.png')]);
      expect(png.stderr).toContain('wrote');
      expect(png.code).toBe(0);
      expect(png.stderr).toMatch(/^cpi-gap chart: warning: font "Liberation Sans" has no glyph for \d+ characters of the text \(ก .*\): they are drawn with Sarabun$/m);
    });
  });

  describeWithShared(`${label}: ti and rank-position with TI's files`, [TI_2025, TI_HISTORICAL], () => {
    it('prints the conformance table: 2025 in full agreement (182 rows)', async () => {
      const r = await run(['ti', sharedPath(TI_2025)]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^2025 +182 +182\/182 +182\/182 +182\/182 +182\/182 +182\/182 /m);
      const csv = await run(['ti', sharedPath(TI_HISTORICAL), '--format', 'csv']);
      expect(csv.stdout).toMatch(/^all,2494,/m);
    });

    it("prints a country's gap report from the file (Malaysia, TI's score 52)", async () => {
      const line = readFileSync(sharedPath(TI_2025), 'utf8').split('\n').find((l) => l.startsWith('Malaysia,'));
      const tiScore = Number(line?.split(',')[3]);
      const r = await run(['ti', sharedPath(TI_2025), '--country', 'MYS', '--format', 'json']);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { cpi: { published: number } }).cpi.published).toBe(tiScore);
      const th = await run(['ti', sharedPath(TI_2025), '--country', 'mys', '--lang', 'th']);
      expect(th.stdout).toContain('Malaysia: ดัชนีการรับรู้การทุจริต ปี 2568');
    });

    it("draws Thailand's rank position among TI's 2025 scores", async () => {
      const r = await run(['chart', 'rank-position', '--ti', sharedPath(TI_2025), '--out', out('charts/rank.json')]);
      expect(r.code).toBe(0);
      expect(readFileSync(out('charts/rank.json'), 'utf8')).toContain('CPI2025_Results.csv');
    });

    it('rejects an unknown country with one line', async () => {
      const r = await run(['ti', sharedPath(TI_2025), '--country', 'XXX']);
      expect(r.code).toBe(2);
      expectOneLine(r, /CPI2025_Results\.csv: iso3: no row for this country/);
    });
  });

  describe(`${label}: any country (the bundled world panel)`, () => {
    it("reports Indonesia's gaps from TI's 2025 values (no workstream column), and Thailand stays the default", async () => {
      const idn = worldRow('IDN', 2025);
      const r = await run(['report', '--country', 'IDN']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Indonesia: CPI 2025, gaps to a score of 51');
      expect(r.stdout).toMatch(new RegExp(`Published score\\s+${String(idn.score)} \\(Rank ${String(idn.rank)}\\)`));
      expect(r.stdout).toMatch(new RegExp(`Mean of sources \\(unrounded\\)\\s+${round2(idn.mean)} \\(n = ${idn.n}\\)`));
      expect(r.stdout).not.toMatch(/Workstream/);
      const csv = await run(['report', '--country', 'indonesia', '--format', 'csv']);
      expect(csv.stdout.split('\n')[0]).toBe('Source,Score,Target,Gap,Gap rank');
      expect((await run(['report', '--country', 'THA', '--format', 'csv'])).stdout).toBe((await run(['report', '--format', 'csv'])).stdout);
    });

    it("compares Thailand with ASEAN 2025: each member's TI score, best first, Thailand marked", async () => {
      const r = await run(['peers', '--country', 'THA', '--group', 'asean']);
      expect(r.code).toBe(0);
      const members = ['IDN', 'MYS', 'PHL', 'SGP', 'THA', 'BRN', 'VNM', 'LAO', 'MMR', 'KHM', 'TLS'].map((c) => ({ c, score: worldRow(c, 2025).score })).sort((a, b) => b.score - a.score);
      const lines = r.stdout.split('\n').filter((l) => / [A-Z]{3} +\d+ /.test(l));
      expect(lines.map((l) => /([A-Z]{3}) +(\d+) /.exec(l)?.slice(1))).toEqual(members.map((m) => [m.c, String(m.score)]));
      expect(lines.find((l) => l.includes(' THA '))).toMatch(/\*/);
      expect(r.stdout).toMatch(/^Thailand among ASEAN, CPI 2025: 8 of 11 \(world rank 116 of 182\)$/m);
      const csv = await run(['peers', '--country', 'THA', '--group', 'THA,VNM', '--format', 'csv']);
      expect(csv.stdout.trim().split('\n')).toHaveLength(3);
      const th = await run(['peers', '--group', 'ap', '--lang', 'th', '--era', 'be']);
      expect(th.stdout).toContain('ในกลุ่มเอเชียแปซิฟิก CPI ปี 2568');
      // An edition before the bundled Thailand dataset's first year: Thailand's values come from the panel too.
      const y2014 = await run(['peers', '--group', 'asean', '--year', '2014', '--format', 'json']);
      const p2014 = JSON.parse(y2014.stdout) as { score: number; rank: number; group: { unscored: string[] } };
      expect([p2014.score, p2014.rank, p2014.group.unscored]).toEqual([worldRow('THA', 2014).score, worldRow('THA', 2014).rank, ['BRN']]);
    });

    it("lists the panel's 183 countries, by region and year", async () => {
      const all = await run(['countries', '--format', 'csv']);
      expect(all.stdout.trim().split('\n')).toHaveLength(1 + 183);
      expect(all.stdout).toMatch(/^THA,Thailand,AP Asia Pacific,2012,2025,14,Thailand$/m);
      const ap2025 = await run(['countries', '--region', 'AP', '--year', '2025', '--format', 'json']);
      expect((JSON.parse(ap2025.stdout) as unknown[]).length).toBe(panelRows().filter((row) => row.year === 2025 && row.region === 'AP').length);
    });

    it('fits trends, solves and simulates another country; a source with too few scores is named on stderr', async () => {
      const trend = await run(['trend', '--country', 'IDN']);
      expect(trend.code).toBe(0);
      expect(trend.stderr).toBe('cpi-gap trend: left out, fewer than 3 scores in the window: TI_BPS\n');
      const solve = await run(['solve', '--country', 'PHL', '--target', '40', '--format', 'json']);
      const phl = worldRow('PHL', 2025);
      expect((JSON.parse(solve.stdout) as { neededTotal: number }).neededTotal).toBeCloseTo(phl.n * 39.5 - phl.mean * phl.n, 9);
      const sim = await run(['simulate', '--country', 'KOR', '--paths', '2000', '--horizon', '2', '--format', 'csv']);
      expect(sim.code).toBe(0);
      expect(sim.stdout.trim().split('\n')).toHaveLength(3);
    });

    it('draws the peer chart and the rank position from the panel', async () => {
      const peers = await run(['chart', 'peers', '--group', 'asean', '--out', out('charts/peers.json')]);
      expect(peers.code).toBe(0);
      const spec = JSON.parse(readFileSync(out('charts/peers.json'), 'utf8')) as { description: string; data: { values: unknown[] } };
      expect(spec.description).toBe('Thailand among ASEAN, CPI 2025: 8 of 11');
      expect(spec.data.values).toHaveLength(11);
      const rank = await run(['chart', 'rank-position', '--country', 'IDN', '--year', '2024']);
      const meta = (JSON.parse(rank.stdout) as { usermeta: { cpiGap: { rank: number; countries: number } } }).usermeta.cpiGap;
      expect([meta.rank, meta.countries]).toEqual([worldRow('IDN', 2024).rank, panelRows().filter((row) => row.year === 2024).length]);
    });
  });

  describe(`${label}: help`, () => {
    it.each(['report', 'gaps', 'trend', 'scenario', 'solve', 'simulate', 'chart', 'plan', 'ti', 'countries', 'peers'])('%s --help shows examples', async (command) => {
      const r = await run([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Examples:\\n  cpi-gap ${command}`));
    });

    it('--help lists every command and the exit codes', async () => {
      const r = await run(['--help']);
      expect(r.code).toBe(0);
      for (const c of ['report', 'gaps', 'trend', 'scenario', 'solve', 'simulate', 'chart', 'plan', 'ti']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
      expect(r.stdout).toContain('130 stopped by Ctrl-C');
    });

    it('--version and -V print the version of package.json', async () => {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      for (const flag of ['--version', '-V']) expect(await run([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('no help names a file of examples/, which the package does not ship (but for the notebook)', async () => {
      const { files } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
      expect(files.filter((f) => f.startsWith('examples'))).toEqual(['examples/cpi-gap.ipynb']);
      for (const command of [[], ['scenario'], ['simulate'], ['solve'], ['chart'], ['ti'], ['plan']]) expect((await run([...command, '--help'])).stdout).not.toContain('examples/');
    });
  });

  describe(`${label}: Buddhist-Era years (from 2400: B.E. - 543)`, () => {
    it('--year 2565 is 2022, in report and gaps', async () => {
      for (const command of ['report', 'gaps']) {
        const be = await run([command, '--year', '2565']);
        expect(be.code).toBe(0);
        expect(be.stdout).toBe((await run([command, '--year', '2022'])).stdout);
      }
    });

    it('trend --from/--to/--until and solve --by read B.E. years too', async () => {
      expect((await run(['trend', 'cpi', '--from', '2560', '--to', '2568', '--until', '2573'])).stdout).toBe((await run(['trend', 'cpi', '--from', '2017', '--to', '2025', '--until', '2030'])).stdout);
      expect((await run(['solve', '--by', '2571'])).stdout).toBe((await run(['solve', '--by', '2028'])).stdout);
    });

    it('a year below 2400 that the data lacks is refused, with exit 2', async () => {
      const r = await run(['report', '--year', '2399']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('2399');
    });
  });

  describe(`${label}: bad input gives exit 2 and one line`, () => {
    const cases: [string, () => string[], RegExp][] = [
      ['malformed YAML', () => ['scenario', bad.malformed], /malformed\.yaml: line 3, column 1: not valid YAML/],
      ['malformed JSON', () => ['scenario', bad.malformedJson], /malformed\.json: document: not valid JSON/],
      ['a YAML list instead of a scenario', () => ['scenario', bad.notObject], /list\.yaml: document: expected a scenario/],
      ['unknown source', () => ['scenario', bad.unknownSource], /unknown-source\.yaml: changes\[0\]\.source: Invalid option/],
      ['unknown workstream', () => ['scenario', bad.unknownWorkstream], /unknown-ws\.json: changes\[0\]\.workstream: expected a workstream of the dataset \(1, 2, 3, 4\) \(got 9\)/],
      ['a change before the base year', () => ['scenario', bad.beforeBase], /before-base\.yaml: changes\[1\]\.year: expected a year after the base year 2025/],
      ['base year out of range', () => ['scenario', bad.baseOutOfRange], /base-2030\.yaml: baseYear: expected a year present in the dataset \(2017\.\.2025\) \(got 2030\)/],
      ['an unknown key', () => ['scenario', bad.unknownKey], /unknown-key\.yaml: \(input\): Unrecognized key: "budget"/],
      ['a list where a number belongs', () => ['scenario', bad.wrongType], /wrong-type\.yaml: changes\[0\]\.delta: Invalid input: expected number/],
      ['a .txt scenario file', () => ['scenario', bad.txt], /scenario\.txt: scenario-file: expected a \.yaml, \.yml or \.json file/],
      ['a missing file', () => ['scenario', join(bad.dir, 'missing.yaml')], /missing\.yaml: scenario-file: cannot read the file: no such file or folder \(ENOENT\)/],
      ['a folder', () => ['scenario', bad.folder], /folder\.yaml: scenario-file: cannot read the file: a folder, not a file \(EISDIR\)/],
      ['expression: import', () => ['scenario', bad.import], /import\.yaml: changes\[0\]\.value: function "import" is not allowed/],
      ['expression: createUnit', () => ['scenario', bad.createUnit], /changes\[0\]\.value: function "createUnit" is not allowed/],
      ['expression: evaluate', () => ['scenario', bad.evaluate], /changes\[0\]\.value: function "evaluate" is not allowed/],
      ['expression: parse', () => ['scenario', bad.parse], /changes\[0\]\.value: function "parse" is not allowed/],
      ['expression: function definition', () => ['scenario', bad.functionDef], /changes\[0\]\.value: a function definition is not allowed/],
      ['expression: assignment', () => ['scenario', bad.assignment], /changes\[0\]\.value: an assignment is not allowed/],
      ['expression: matrix', () => ['scenario', bad.matrix], /changes\[0\]\.value: a matrix or array is not allowed/],
      ['expression: ones(1e6, 1e6)', () => ['scenario', bad.ones], /changes\[0\]\.value: function "ones" is not allowed/],
      ['expression: property access', () => ['scenario', bad.property], /changes\[0\]\.value: property or index access is not allowed/],
      ['expression: constructor', () => ['scenario', bad.constructor], /changes\[0\]\.value: (not a valid expression|.*not allowed)/],
      ['expression: simplify', () => ['scenario', bad.simplify], /changes\[0\]\.value: function "simplify" is not allowed/],
      ['expression: 10,000 characters', () => ['scenario', bad.long], /changes\[0\]\.value: expected at most 500 characters/],
      ['expression: an infinite result', () => ['scenario', bad.infinite], /changes\[0\]\.value: expected a finite number as the result, got Infinity/],
      ['expression: a value out of 0..100', () => ['scenario', bad.outOfRange], /changes\[0\]\.value: Too big: expected number to be <=100/],
      ['simulate with a bad scenario', () => ['simulate', '--paths', '1000', '--scenario', bad.unknownWorkstream], /unknown-ws\.json: changes\[0\]\.workstream: expected a workstream/],
      ['negative paths', () => ['simulate', '--paths', '-5'], /--paths must be at least 1, got -5/],
      ['paths not a number', () => ['simulate', '--paths', 'many'], /--paths must be a whole number, got "many"/],
      ['unknown model', () => ['simulate', '--model', 'magic'], /Allowed choices are world, random-walk, bootstrap, correlated/],
      ['extra drift out of range', () => ['simulate', '--extra-drift', '500'], /--extra-drift must be between -100 and 100, got 500/],
      ['simulate year out of range', () => ['simulate', '--year', '1990', '--paths', '10'], /baseYear/],
      ['report year out of range', () => ['report', '--year', '2031'], /expected a year present in the dataset \(2017\.\.2025\) \(got 2031\)/],
      ['target out of range', () => ['solve', '--target', '101'], /options\.target: Too big/],
      ['bounded without a bound', () => ['solve', '--strategy', 'bounded'], /strategy 'bounded' requires bounds/],
      ['a bad workstream list', () => ['solve', '--levers', '--workstreams', '1,x'], /--workstreams must be whole numbers separated by commas/],
      ['an unknown workstream to solve', () => ['solve', '--levers', '--workstreams', '7'], /options\.workstreams\[0\]: expected a workstream of the dataset/],
      ['a scenario file with an unknown extension to save', () => ['solve', '--save-scenario', join(bad.dir, 'levers.txt')], /levers\.txt: --save-scenario: expected a \.yaml, \.yml or \.json file/],
      ['an unknown trend series', () => ['trend', 'NOPE'], /trend: series: expected 'cpi' or a source of the dataset .* \(got "NOPE"\)/],
      ['a trend window of two points', () => ['trend', 'cpi', '--from', '2024'], /has 2 point\(s\) in the window/],
      ['unknown chart kind', () => ['chart', 'pie'], /'pie' is invalid for argument 'kind'/],
      ['unknown chart extension', () => ['chart', 'gap-bars', '--out', join(bad.dir, 'gaps.gif')], /chart: --out: expected a file ending in \.json, \.svg, \.png/],
      ['a rank chart for a year the panel lacks', () => ['chart', 'rank-position', '--year', '2011'], /^cpi-gap: edition: year: expected an edition of the panel \(2012\.\.2025\) \(got 2011\)/],
      ['an unknown country', () => ['report', '--country', 'Atlantis'], /^cpi-gap: report: --country: no country or territory of TI's CPI is called this; closest: .* \(got "Atlantis"\)$/m],
      ['workstream gaps of a country without a plan', () => ['gaps', '--country', 'IDN', '--by', 'workstream'], /^cpi-gap: gaps: --by: gaps by workstream needs the workstreams of an action plan, and only Thailand's dataset has them \(Indonesia has none\)/],
      ['levers of a country without a plan', () => ['solve', '--country', 'MYS', '--levers'], /^cpi-gap: solve: --levers: solving for workstream levers needs the workstreams/],
      ['the workstream matrix of a country without a plan', () => ['chart', 'workstream-matrix', '--country', 'VNM'], /^cpi-gap: chart: kind: the workstream-matrix chart needs the workstreams/],
      ['a lever scenario for a country without a plan', () => ['scenario', scenarioFile('ws1-steady.yaml'), '--country', 'PHL'], /changes\[0\]\.workstream: expected a workstream, and the dataset has none/],
      ['an unknown peer group', () => ['peers', '--group', 'G20'], /--group must be asean, region, a TI region \(AME, AP, ECA, MENA, SSA, WE\/EU\) or ISO3 codes separated by commas, got "G20"/],
      ['a peer list with an unknown code', () => ['peers', '--group', 'VNM,XXX'], /^cpi-gap: peerComparison: options\.group\[1\]: no country or territory of TI's CPI is called this; closest: .* \(got "XXX"\)$/m],
      ['an unknown region', () => ['countries', '--region', 'EU'], /--region must be a TI region/],
      ['a missing TI file', () => ['ti', join(bad.dir, 'none.csv')], /none\.csv: ti-file: cannot read the file: no such file or folder \(ENOENT\)/],
      ['a TI file that is not TI', () => ['ti', bad.notTi], /not-ti\.csv: text: unknown layout/],
      ['a JSON file as a TI file', () => ['ti', bad.malformedJson], /malformed\.json: ti-file: expected a \.csv or \.xlsx file \(got "\.json"\)/],
      ['an .xls workbook (a CSV renamed), refused before reading', () => ['ti', bad.xls], /CPI2025_Results\.xls: ti-file: expected a \.csv or \.xlsx file; this is an Excel 97-2003 workbook: save it as \.csv or \.xlsx first \(got "\.xls"\)/],
      ['an .xlsm workbook', () => ['ti', bad.xlsm], /CPI2025_Results\.xlsm: ti-file: expected a \.csv or \.xlsx file; this is a macro-enabled Excel workbook/],
      ['a JSON scenario with a key twice', () => ['scenario', bad.duplicateKeys], /duplicate\.json: document: the key "changes" appears twice in one object \(got "changes"\)/],
      ['a YAML alias bomb', () => ['scenario', bad.aliasBomb], /bomb\.yaml: document: YAML aliases expand too far or point nowhere \(Excessive alias count/],
      ['an unknown option', () => ['report', '--colour', 'red'], /unknown option '--colour'/],
      ['an unknown language', () => ['trend', '--lang', 'fr'], /Allowed choices are th, en/],
    ];

    it('has at least 20 cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(20);
    });

    it.each(cases)('%s', async (_name, argv, message) => {
      const r = await run(argv());
      expectOneLine(r, message);
      expect(r.code).toBe(2);
    });
  });
}
