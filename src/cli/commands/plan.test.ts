import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import projectsJson from '../../../data/plan/projects.json';
import { CpiGapError } from '../../errors.js';
import { parseCsv } from '../../util/csv.js';
import { planCommand } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'cpi-gap-plan-'));

/** Run `argv` on a fresh program holding only `plan`; returns output, or the error thrown. */
async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
  const program = new Command('cpi-gap').exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  planCommand(program, io);
  let error: unknown;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    error = e;
  }
  return { out, err, error };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const CSV = [
  'Project ID,Reporting date,Status,Percent complete,Budget spent (baht),Problems and obstacles',
  'ws1-m1.1-p1,2023-01-15,in-progress,40,20000,',
  'ws1-m1.1-p1,15/03/2566,ล่าช้า,70,65000,ขาดแคลนบุคลากร',
  'ws3-m2.2-p2,2023-04-01,done,100,16000000,',
  'ws4-m1.1-p1,2023-04-10,cancelled,,,No budget allocated',
].join('\n');

describe('cpi-gap plan summary', () => {
  it('prints budget by workstream as printed and deduplicated, with the whole plan', async () => {
    const r = await run('plan', 'summary', '--format', 'csv');
    const rows = parseCsv(r.out);
    const sum = (ps: typeof projectsJson) => ps.reduce((s, p) => s + (p.budget ?? 0), 0);
    const ws3 = projectsJson.filter((p) => p.workstream === 3);
    expect(rows[3]?.slice(1)).toEqual(['19', '17', String(ws3.filter((p) => p.budget === null).length), String(sum(ws3)), String(sum(ws3.filter((p) => !('sameAs' in p))))]);
    expect(rows[5]?.[0]).toBe('Whole plan');
    expect(rows[5]?.slice(1)).toEqual(['95', '93', '52', '579260300', '546886700']);
  });

  it('prints a Thai text table', async () => {
    const r = await run('plan', 'summary', '--lang', 'th');
    expect(r.out).toMatch(/^แผนงานเรื่องที่ 4 ประสิทธิภาพในการแก้ไขปัญหาการทุจริต\s+17\s+17\s+5\s+380,226,400\s+380,226,400$/m);
    expect(r.out).toContain('ทั้งแผน');
  });
});

describe('cpi-gap plan projects', () => {
  it('lists the projects aimed at a source', async () => {
    const r = await run('plan', 'projects', '--source', 'WEF', '--format', 'json');
    const rows = JSON.parse(r.out) as { id: string }[];
    expect(rows.map((p) => p.id)).toEqual(projectsJson.filter((p) => p.workstream === 1 || p.workstream === 3).map((p) => p.id));
    const unique = await run('plan', 'projects', '--source', 'WEF', '--unique', '--format', 'csv');
    expect(parseCsv(unique.out)).toHaveLength(1 + 64);
  });

  it('prints a text table, cutting names wider than 60 terminal columns to 59 and an ellipsis, between Thai letters and their marks', async () => {
    const r = await run('plan', 'projects', '--source', 'WEF');
    expect(r.error).toBeUndefined();
    // Terminal columns, counted independently: a column per code point but nonspacing marks.
    const columns = (text: string) => Array.from(text).filter((c) => !/\p{Mn}/u.test(c)).length;
    const wef = projectsJson.filter((p) => p.workstream === 1 || p.workstream === 3);
    const long = wef.find((p) => columns(p.name) > 60);
    const short = wef.find((p) => columns(p.name) <= 60);
    expect(long).toBeDefined();
    expect(short).toBeDefined();
    // The longest start of the name that is 59 columns wide, with the marks of its last letter.
    const name = long?.name ?? '';
    let cut = 0;
    while (cut < name.length && columns(name.slice(0, cut + 1)) <= 59) cut += 1;
    expect(r.out).toContain(`${name.slice(0, cut)}…`);
    expect(columns(name.slice(0, cut))).toBe(59);
    expect(r.out).not.toContain(long?.name);
    expect(r.out).toContain(short?.name);
  });

  it('requires a known source', async () => {
    expect((await run('plan', 'projects')).error).toBeInstanceOf(CommanderError);
    const r = await run('plan', 'projects', '--source', 'XYZ');
    expect(r.error).toBeInstanceOf(CommanderError);
    expect(r.err).toMatch(/Allowed choices are IMD, WEF/);
  });
});

describe('cpi-gap plan template', () => {
  it('writes the Thai CSV form to a file, or JSON by extension', async () => {
    const out = join(dir, 'form.csv');
    const r = await run('plan', 'template', '--lang', 'th', '--out', out);
    expect(r.err).toBe(`wrote ${out}\n`);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]?.[0]).toBe('รหัสโครงการ');
    expect(rows).toHaveLength(96);
    const json = join(dir, 'form.json');
    await run('plan', 'template', '--lang', 'en', '--out', json);
    expect((JSON.parse(readFileSync(json, 'utf8')) as { updates: unknown[] }).updates).toHaveLength(95);
  });
});

describe('cpi-gap plan status', () => {
  it('reports as of the latest date in the file by default', async () => {
    const r = await run('plan', 'status', file('u.csv', CSV), '--lang', 'en');
    expect(r.error).toBeUndefined();
    expect(r.out.split('\n')[0]).toBe('FY2023 CPI action plan: progress as of 2023-04-10');
    expect(r.out).toContain('- ws1-m1.1-p1 ');
    expect(r.out).toContain('Spending above budget (1)');
  });

  it('takes --as-of (also as a B.E. date), CSV tables and a chart file', async () => {
    const chart = join(dir, 'chart.vl.json');
    const r = await run('plan', 'status', file('u2.csv', CSV), '--as-of', '30/06/2566', '--format', 'csv', '--table', 'overdue', '--chart', chart);
    const rows = parseCsv(r.out);
    expect(rows[0]).toEqual(['Workstream', 'Project', 'Name', 'Agency', 'Due', 'Status']);
    expect(rows.map((x) => x[1])).toEqual(['Project', 'ws1-m2.3-p1', 'ws1-m3.1-p3', 'ws1-m3.1-p4', 'ws1-m3.3-p5', 'ws1-m3.3-p6']);
    const spec = JSON.parse(readFileSync(chart, 'utf8')) as { usermeta: { provenance: { asOf: string } } };
    expect(spec.usermeta.provenance.asOf).toBe('2023-06-30');
  });

  it('takes the latest date wherever it is in the file, and the fiscal year end for a file with no updates', async () => {
    const unordered = file('u4.csv', ['Project ID,Reporting date,Status', 'ws1-m1.1-p1,2023-04-10,in-progress', 'ws1-m1.1-p2,2023-01-15,done', 'ws2-m1.1-p1,2023-02-01,delayed'].join('\n'));
    expect((await run('plan', 'status', unordered, '--lang', 'en')).out.split('\n')[0]).toBe('FY2023 CPI action plan: progress as of 2023-04-10');
    const empty = file('u5.csv', 'Project ID,Reporting date,Status\n');
    expect((await run('plan', 'status', empty, '--lang', 'en')).out.split('\n')[0]).toBe('FY2023 CPI action plan: progress as of 2023-09-30');
  });

  it('reads JSON files', async () => {
    const json = file('u.json', JSON.stringify({ updates: [{ projectId: 'ws2-m1.1-p1', date: '2023-02-01', status: 'not-started', problems: 'Awaiting budget approval' }] }));
    const r = await run('plan', 'status', json, '--format', 'json');
    expect((JSON.parse(r.out) as { obstacles: { projectId: string }[] }).obstacles.map((o) => o.projectId)).toEqual(['ws2-m1.1-p1']);
  });

  it('names the file, the row and the problem in one line', async () => {
    const bad = file('bad.csv', `${CSV}\nws9-m1.1-p1,2023-01-15,done,,,\nws1-m1.1-p2,2023-10-15,done,,-5,\n`);
    const r = await run('plan', 'status', bad);
    expect(r.error).toBeInstanceOf(CpiGapError);
    const message = (r.error as CpiGapError).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`${bad}: row 6.Project ID: expected a project id of the plan`);
    expect(message).toContain('row 7.Reporting date: expected a date within fiscal year 2023');
    expect(message).toContain('row 7.Budget spent (baht): Too small: expected number to be >=0 (got -5)');
    const json = file('bad.json', '[{"projectId":"ws1-m1.1-p1","date":"2023-01-15","status":"maybe"}]');
    expect(((await run('plan', 'status', json)).error as CpiGapError).message).toMatch(/bad\.json: \[0\]\.status: expected a status/);
  });

  it('rejects a missing file, an unknown extension and a bad --as-of', async () => {
    expect(((await run('plan', 'status', join(dir, 'none.csv'))).error as CpiGapError).message).toMatch(/none\.csv: updates-file: cannot read the file: no such file or folder \(ENOENT\)/);
    expect(((await run('plan', 'status', file('u.txt', CSV))).error as CpiGapError).message).toMatch(/u\.txt: updates-file: expected a \.csv or \.json file \(got "\.txt"\)/);
    const bare = file('updates', CSV);
    expect(((await run('plan', 'status', bare)).error as CpiGapError).message).toBe(`${bare}: updates-file: expected a .csv or .json file (got ${JSON.stringify(bare)})`);
    const folder = join(dir, 'folder.csv');
    mkdirSync(folder);
    expect(((await run('plan', 'status', folder)).error as CpiGapError).message).toBe(`${folder}: updates-file: cannot read the file: a folder, not a file (EISDIR)`);
    const r = await run('plan', 'status', file('u3.csv', CSV), '--as-of', 'soon');
    expect(r.error).toBeInstanceOf(CommanderError);
    expect(r.err).toMatch(/--as-of must be a date such as 2023-06-30 or 30\/06\/2566, got "soon"/);
  });
});
