import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../tests/helpers/shared.js';
import { CpiGapError } from '../errors.js';
import { inFile, libraryIssues } from './common.js';
import { runCli, type CliIo } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'cpi-gap-extras-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(argv: readonly string[], extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...extra });
  return { code, stdout, stderr };
}

describe('simulate on a terminal', () => {
  it('draws a progress bar on stderr and clears it', async () => {
    const r = await run(['simulate', '--paths', '40000', '--horizon', '1'], { isTTY: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\r\[#+-*\] +\d+% \d+\/40000 paths/);
    expect(r.stderr).toMatch(/\[#{30}\] 100% 40000\/40000 paths/);
    expect(r.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('stops on abort with exit 130 and one line (English and Thai)', async () => {
    for (const [lang, message] of [
      ['en', /^cpi-gap: interrupted \(Ctrl-C\): the simulation stopped after \d+ of 100000000 paths; nothing was written\n$/],
      ['th', /^cpi-gap: หยุดตามคำสั่ง \(Ctrl-C\): การจำลองหยุดหลัง \d+ จาก 100000000 เส้นทาง/],
    ] as const) {
      const controller = new AbortController();
      setTimeout(() => {
        controller.abort();
      }, 300);
      const r = await run(['simulate', '--paths', '100000000', '--threads', '1', '--lang', lang], { signal: controller.signal });
      expect(r.code).toBe(130);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('usage', () => {
  it('prints the help on stderr and exits 2 without a command', async () => {
    for (const argv of [[], ['plan']]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^Usage: cpi-gap/);
    }
  });

  it('exits 0 for help asked for', async () => {
    const r = await run(['help', 'simulate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cpi-gap simulate/);
  });
});

describe('runtime failures', () => {
  it('exit 2 with one line when the output path cannot be a file: a file is in the way of its folder', async () => {
    const blocker = file('blocker', 'a file, not a folder');
    const r = await run(['report', '--out', join(blocker, 'report.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cpi-gap: ${join(blocker, 'report.txt')}: --out: cannot create folder '${blocker}': a file is in the way (${r.stderr.includes('EEXIST') ? 'EEXIST' : 'ENOTDIR'})\n`);
    const chart = await run(['chart', 'gap-bars', '--out', join(blocker, 'gaps.json')]);
    expect(chart.code).toBe(2);
    const folder = await run(['report', '--out', dir]);
    expect(folder.stderr).toMatch(/--out: cannot write the file: a folder, not a file \(EISDIR\)\n$/);
  });

  it('refuses a scenario file over 1 MB', async () => {
    const big = file('big.yaml', '');
    truncateSync(big, 1024 * 1024 + 1);
    const r = await run(['scenario', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big\.yaml: scenario-file: the file is larger than 1048576 bytes, the most cpi-gap reads for it\n$/);
  });

  it('leaves errors about other things as they are', () => {
    const plain = new Error('x');
    expect(inFile('f.yaml', plain, [])).toBe(plain);
    const elsewhere = new CpiGapError('scenario', [{ path: ['dataset'], message: 'm', code: 'c' }]);
    expect(inFile('f.yaml', elsewhere, ['spec'])).toBe(elsewhere);
  });

  it('takes the issues of a library error, and throws anything else on (a fault of cpi-gap, not of the input)', () => {
    const issue = { path: ['changes', 0, 'value'], message: 'm', code: 'c' };
    expect(libraryIssues(new CpiGapError('compileExpression', [issue]))).toEqual([issue]);
    const bug = new TypeError('x is undefined');
    expect(() => libraryIssues(bug)).toThrow(bug);
  });
});

describe("scenario and solve: each source's gain against TI's record, one formatter", () => {
  it('prints the record table after the scenario (as solve prints it), and carries feasibility in JSON', async () => {
    const f = file('record.yaml', ['name: record', 'baseYear: 2025', 'until: 2027', 'changes:', '  - { kind: gain, source: VDEM, from: 2026, gain: 3 }', '  - { kind: delta, source: EIU, year: 2026, delta: 10 }'].join('\n'));
    const r = await run(['scenario', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Against TI's record 2012-2025 (every country; gains over 2 years):");
    // EIU 34.49 + 10 = 44.49: its next reachable level on the 2025 scale is 50.61 (the third of five).
    expect(r.stdout).toMatch(/^EIU +10 +5 .* 50\.61 +within$/m);
    expect(r.stdout).toMatch(/^Largest one-year CPI gains in TI's record: MDV 2019-2020 \+14/m);
    const solve = await run(['solve', '--target', '51', '--by', '2027']);
    const header = (text: string): string | undefined => text.split('\n').find((l) => l.startsWith('Source  ') && l.includes('Share of 1-yr changes as large'));
    expect(header(solve.stdout)?.replace(/ +/g, ' ')).toBe(header(r.stdout)?.replace(/ +/g, ' '));
    const json = JSON.parse((await run(['scenario', f, '--format', 'json'])).stdout) as { feasibility: { assessed: boolean; years: number; sources: { source: string }[] } };
    expect(json.feasibility).toMatchObject({ assessed: true, years: 2 });
    expect(json.feasibility.sources.map((x) => x.source)).toEqual(['EIU', 'VDEM']);
  });
});

describe('scenario files: more shapes', () => {
  it('evaluates a lever expression from the mean of the workstream sources, and reports clipping in Thai', async () => {
    const f = file(
      'lever.yaml',
      ['baseYear: 2022', 'until: 2023', 'changes:', '  - { kind: lever, workstream: 3, year: 2023, uplift: "(60 - baseline) / 3" }', '  - { kind: delta, source: VDEM, year: 2023, delta: 100 }'].join('\n'),
    );
    const r = await run(['scenario', f, '--format', 'json']);
    expect(r.code).toBe(0);
    // WS3 is EIU and WEF: 37 and 45 in 2022 (the seed's table), mean 41.
    expect((JSON.parse(r.stdout) as { spec: { changes: { uplift: number }[] } }).spec.changes[0]?.uplift).toBeCloseTo((60 - 41) / 3, 12);
    const th = await run(['scenario', f, '--lang', 'th', '--era', 'be']);
    expect(th.stdout).toContain('ค่าตามแผน 1 ค่าอยู่นอกช่วง 0..100');
    expect(th.stdout).toMatch(/^2566 /m);
    const en = await run(['scenario', f]);
    expect(en.stdout).toContain('1 planned value(s) left 0..100 and were clipped.');
  });

  it('keeps an expression whose change is itself invalid, so the real problem is reported', async () => {
    const f = file('bad-year.yaml', ['changes:', '  - 7', '  - { kind: set, source: VDEM, year: soon, value: "baseline + 1" }', '  - { kind: lever, workstream: 8, year: 2027, uplift: "baseline" }'].join('\n'));
    const r = await run(['scenario', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-year\.yaml: changes\[0\]: Invalid input/);
    expect(r.stderr).toMatch(/changes\[1\]\.year/);
    expect(r.stderr).toMatch(/changes\[2\]\.uplift: cannot evaluate the expression: baseline is unknown/);
  });

  it('names the file whose base year differs when composing, and the unnamed scenario', async () => {
    const a = file('a.yaml', 'baseYear: 2024\nchanges: []\n');
    const b = file('b.json', '{"baseYear": 2025, "changes": []}');
    const r = await run(['scenario', a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.json: baseYear: expected the same base year as the other files \(2024\) \(got 2025\)/);
    const unnamed = await run(['scenario', a]);
    expect(unnamed.stdout).toContain('Scenario: (unnamed)');
    const th = await run(['scenario', a, '--lang', 'th']);
    expect(th.stdout).toContain('สถานการณ์: (ไม่มีชื่อ)');
  });

  it('reports a YAML problem without a position, and a change after until in a composed run', async () => {
    const dup = file('dup.yaml', 'changes: []\nchanges: []\n');
    const r = await run(['scenario', dup]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dup\.yaml: line 2, column 1: not valid YAML: Map keys must be unique/);
    const late = file('late.yaml', 'until: 2026\nchanges:\n  - { kind: delta, source: VDEM, year: 2027, delta: 1 }\n');
    const other = file('other.yaml', 'changes: []\n');
    const both = await run(['scenario', late, other]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/late\.yaml \+ .*other\.yaml: changes\[0\]\.year: expected a year after the base year 2025 and up to 2027|changes\[0\]/);
  });
});

describe('more inputs', () => {
  it('names the file without an extension, reads .yml, and reports a path too long to read', async () => {
    const noext = file('scenario', 'changes: []\n');
    expect((await run(['scenario', noext])).stderr).toMatch(/scenario-file: expected a \.yaml, \.yml or \.json file \(got ".*scenario"\)/);
    const yml = file('s.yml', 'name: yml\nchanges: []\n');
    expect((await run(['scenario', yml])).stdout).toContain('Scenario: yml');
    const long = await run(['scenario', join(dir, `${'x'.repeat(5000)}.yaml`)]);
    expect(long.stderr).toMatch(/scenario-file: cannot read the file: the name is too long \(ENAMETOOLONG\)/);
    expect((await run(['solve', '--save-scenario', join(dir, 'noext')])).stderr).toMatch(/--save-scenario: expected a \.yaml, \.yml or \.json file \(got ".*noext"\)/);
  });

  it('names a scenario file whose changes are missing or not a list', async () => {
    const none = file('none.yaml', 'name: empty\n');
    const r = await run(['scenario', none]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/none\.yaml: changes: /);
    const notList = file('notlist.json', '{"changes": {"kind": "set", "source": "VDEM", "year": 2027, "value": "baseline"}}');
    const s = await run(['scenario', notList]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/notlist\.json: changes: /);
    expect(s.stderr).not.toMatch(/cannot evaluate/);
  });

  it('reports a writer that throws something other than an Error as a failure, on one line', async () => {
    const r = await run(['gaps', '--year', '2022'], {
      stdout: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
        throw 'stdout closed';
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('cpi-gap: stdout closed\n');
  });

  it('leaves expressions of unknown subjects or years to the schema', async () => {
    const f = file('unknown.yaml', ['changes:', '  - { kind: set, source: NOPE, year: 2027, value: "baseline" }', '  - { kind: set, source: VDEM, year: 2027.5, value: "baseline" }'].join('\n'));
    const r = await run(['scenario', f]);
    expect(r.stderr).toMatch(/changes\[0\]\.source: Invalid option.*changes\[1\]\.year: .*changes\[0\]\.value: cannot evaluate the expression: baseline is unknown: no score in 2025 .*changes\[1\]\.value: cannot evaluate the expression: the change's year/);
    expect(r.stderr).not.toMatch(/expected number, received string/);
    const g = file('base.yaml', ['baseYear: 2031', 'changes:', '  - { kind: set, source: VDEM, year: 2032, value: "baseline" }'].join('\n'));
    expect((await run(['scenario', g])).stderr).toMatch(/base\.yaml: changes\[0\]\.value: cannot evaluate the expression: the base year 2031 has no scores \(2017\.\.2025\) \(got "baseline"\)\n$/);
  });

  it('redraws the progress bar only when the whole percent changes', async () => {
    const r = await run(['simulate', '--model', 'random-walk', '--paths', '5000000', '--horizon', '1', '--threads', '1'], { isTTY: true });
    const draws = r.stderr.split('\r').filter((d) => d.startsWith('['));
    expect(draws.length).toBeLessThanOrEqual(101);
    expect(new Set(draws).size).toBe(draws.length);
  });
});

describe('solve and trend: more branches', () => {
  it('prints the joint levers in Thai and the allocation as JSON, and fits a window', async () => {
    const th = await run(['solve', '--levers', '--lang', 'th']);
    expect(th.stdout).toContain('ทุกแผนงานยกคะแนนแหล่งข้อมูลละ');
    expect(th.stdout).toContain('BF (TI)');
    expect(th.stdout).not.toMatch(/\[BTI\]|BTI/);
    const json = JSON.parse((await run(['solve', '--year', '2022', '--format', 'json'])).stdout) as { totalUplift: number };
    expect(json.totalUplift).toBe(130.5);
    const window = JSON.parse((await run(['trend', 'cpi', '--from', '2017', '--to', '2022', '--format', 'json'])).stdout) as { n: number }[];
    expect(window[0]?.n).toBe(6);
  });

  it('reports an infeasible bounded allocation in Thai, and infeasible levers', async () => {
    const th = await run(['solve', '--strategy', 'bounded', '--bound', '5', '--lang', 'th', '--notes']);
    expect(th.stdout).toContain('การจัดสรรนี้ไม่ถึงค่าเป้าหมาย');
    expect(th.stdout).toMatch(/เป็นสมมติฐาน/);
    const levers = await run(['solve', '--levers', '--workstreams', '3', '--target', '90', '--format', 'csv']);
    expect(levers.stdout).toMatch(/,no$/m);
    const alone = await run(['solve', '--levers', '--mode', 'alone', '--target', '100']);
    expect(alone.stdout).toContain('not feasible within 0..100');
    const aloneTh = await run(['solve', '--levers', '--mode', 'alone', '--lang', 'th']);
    expect(aloneTh.stdout).toContain('ไม่');
  });

  it('refuses to save the scenarios of levers solved alone, and writes JSON scenarios', async () => {
    const r = await run(['solve', '--levers', '--mode', 'alone', '--save-scenario', join(dir, 'x.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/with --mode alone each workstream has its own scenario/);
    const json = join(dir, 'even.json');
    const ok = await run(['solve', '--year', '2022', '--by', '2024', '--save-scenario', json]);
    expect(ok.code).toBe(0);
    const spec = JSON.parse(readFileSync(json, 'utf8')) as { changes: { gain: number }[] };
    expect(spec.changes[0]?.gain).toBe(14.5 / 2);
  });

  it('writes trend notes in Thai and marks projections cut to 0..100', async () => {
    const r = await run(['trend', 'IMD', '--until', '2060', '--lang', 'th', '--notes', '--level', '99']);
    expect(r.code).toBe(0);
    // Thai output writes Buddhist-Era years by default: 2060 is 2603.
    expect(r.stdout).toMatch(/^IMD +2603 +0 .*ใช่$/m);
    expect(r.stdout).toContain('แนวโน้มเส้นตรง');
  });

  it('simulate: Thai notes name the model; json; decimal drift; no scenario path errors otherwise', async () => {
    const r = await run(['simulate', '--paths', '3000', '--horizon', '1', '--model', 'bootstrap', '--extra-drift', '0.5', '--lang', 'th', '--notes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/แบบจำลอง bootstrap, ปีฐาน 2025, seed 12345, 3000 เส้นทาง/);
    // The table's caption names the model, the base year (B.E.) and the backtest.
    expect(r.stdout).toMatch(/^แบบจำลอง bootstrap ปีฐาน 2568; ผลทดสอบย้อนหลัง: ไม่มีสำหรับแบบจำลองนี้/m);
    const bad = await run(['simulate', '--extra-drift', '1.2.3']);
    expect(bad.stderr).toMatch(/--extra-drift must be a number, got "1.2.3"/);
    const year = await run(['simulate', '--paths', '100', '--year', '2030']);
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/^cpi-gap: simulate: options\.baseYear/);
  });

  it("simulate: the backtest sentence writes its origins' years in the output's era", async () => {
    // The world model's backtest origins, 2015-2024 (WORLD_BACKTEST), are 2558-2567 in the Buddhist Era (CE + 543).
    const th = await run(['simulate', '--paths', '1000', '--horizon', '1', '--lang', 'th']);
    expect(th.code).toBe(0);
    expect(th.stdout).toMatch(/^แบบจำลอง world ปีฐาน 2568; ผลทดสอบย้อนหลัง: .* จุดเริ่ม 2558-2567$/m);
    const ce = await run(['simulate', '--paths', '1000', '--horizon', '1', '--lang', 'th', '--era', 'ce']);
    expect(ce.stdout).toMatch(/^แบบจำลอง world ปีฐาน 2025; ผลทดสอบย้อนหลัง: .* จุดเริ่ม 2015-2024$/m);
  });

  it('gaps prints the CPI table and workstreams in Thai', async () => {
    const cpi = await run(['gaps', '--by', 'cpi', '--year', '2022', '--format', 'csv']);
    // 2022: published 36, sum 324 over 9 sources, so a target of 51 needs 454.5 - 324 = 130.5.
    expect(cpi.stdout.split('\n')[1]).toBe('2022,36,36,51,50.5,130.5,14.5');
    const th = await run(['gaps', '--by', 'workstream', '--lang', 'th']);
    expect(th.stdout).toContain('แผนงานเรื่องที่ 1');
    const src = await run(['gaps', '--format', 'json']);
    expect((JSON.parse(src.stdout) as unknown[]).length).toBe(9);
  });
});

describe('more output shapes', () => {
  it('solves in Thai, levers alone that reach a low target, and the joint table in English', async () => {
    expect((await run(['solve', '--lang', 'th'])).stdout).toContain('การจัดสรรนี้ถึงค่าเป้าหมาย');
    const alone = await run(['solve', '--levers', '--mode', 'alone', '--target', '20']);
    expect(alone.stdout).toMatch(/^Target 20 from 2025 by 2026: 0 points of source sum needed; feasible\.$/m);
    const joint = await run(['solve', '--levers']);
    expect(joint.stdout).toMatch(/^BF \(TI\) +2, 4 +29\.94 /m);
    expect(joint.stdout).not.toMatch(/BTI|VDEM/);
  });

  it('simulate notes in English name the model, seed and window', async () => {
    const r = await run(['simulate', '--paths', '2000', '--horizon', '1', '--notes']);
    expect(r.stdout).toMatch(/Monte Carlo: model world, base year 2025, seed 12345, 2000 paths, learnt from every country's year-on-year changes 2012-2025; backtest: 80% intervals held 79% of 1-year outcomes \(90% intervals: 89%\), origins 2015-2024;/);
    expect(r.stdout).toMatch(/^Model world, base year 2025; backtest: 80% intervals held 79% of 1-year outcomes/m);
    const rw = await run(['simulate', '--model', 'random-walk', '--year', '2022', '--paths', '2000', '--horizon', '1', '--notes']);
    expect(rw.stdout).toMatch(/Monte Carlo: model random-walk, base year 2022, seed 12345, 2000 paths, parameters from the year-on-year changes 2017-2022; backtest: 80% intervals held 72% of 1-year outcomes/);
  });

  it('sizes a chart, and draws a PNG at the default scale', async () => {
    const out = join(dir, 'sized.json');
    await run(['chart', 'gap-bars', '--width', '300', '--height', '200', '--out', out]);
    const spec = JSON.parse(readFileSync(out, 'utf8')) as { width: number; height: number };
    expect([spec.width, spec.height]).toEqual([300, 200]);
    const png = join(dir, 'default.png');
    expect((await run(['chart', 'gap-bars', '--width', '100', '--height', '80', '--out', png])).code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('ti files without TI', () => {
  it('summarises ignored columns and rejected rows, and shows JSON', async () => {
    const csv = file(
      'mini.csv',
      [
        'Country,ISO3,Region,CPI 2025 score,Rank,Notes,Economist Intelligence Unit Country Ratings,Global Insights Country Risk Ratings,PRS International Country Risk Guide',
        'Aland,ALA,WE/EU,50,1,x,50,50,50',
        'Borduria,BOR,ECA,40,2,y,40,40,40',
        'Syldavia,SYL,ECA,abc,3,z,30,30,30',
      ].join('\n'),
    );
    const r = await run(['ti', csv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mini\.csv: 3 rows read, 2 accepted, 1 rejected; .* ignored \(Notes\)/);
    expect(r.stdout).toMatch(/^ {2}rejected line 4: /m);
    expect(r.stdout).toMatch(/^2025 +2 +2\/2 /m);
    const json = JSON.parse((await run(['ti', csv, '--format', 'json'])).stdout) as { edition: number; rows: number }[];
    expect(json).toEqual([expect.objectContaining({ edition: 2025, rows: 2 })]);
    const rank = await run(['chart', 'rank-position', '--ti', csv, '--year', '2022']);
    expect(rank.stderr).toMatch(/mini\.csv: year: no country has a score for 2022 in the file \(got 2022\)/);
    const country = await run(['ti', csv, '--country', 'BOR', '--year', '2025', '--target', '45', '--format', 'csv']);
    expect(country.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[3])).toEqual(['5', '5', '5']);
  });
});

describeWithShared('ti: an xlsx file', ['data/ti-cpi/CPI2025_Results.xlsx'], () => {
  it('reads the workbook through cpi-gap/xlsx, and names a missing sheet', async () => {
    const r = await run(['ti', sharedPath('data/ti-cpi/CPI2025_Results.xlsx'), '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2025,182,182\/182,/m);
    const bad = await run(['ti', sharedPath('data/ti-cpi/CPI2025_Results.xlsx'), '--sheet', 'Nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/CPI2025_Results\.xlsx: .*Nope/);
  });
});
