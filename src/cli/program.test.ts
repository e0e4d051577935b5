import { describe, expect, it } from 'vitest';
import { runCli } from './program.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('cpi-gap report', () => {
  it('prints the latest year against 51 in English by default', async () => {
    const r = await run('report');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Thailand: CPI 2025, gaps to a score of 51');
    expect(r.out).toMatch(/Total uplift needed across sources\s+156\.49/);
    expect(r.err).toBe('');
  });

  it('prints Thai with --lang th, in Buddhist-Era years unless --era ce', async () => {
    const r = await run('report', '--lang', 'th', '--year', '2022');
    expect(r.code).toBe(0);
    expect(r.out).toContain('ดัชนีการรับรู้การทุจริต ปี 2565');
    expect((await run('report', '--lang', 'th', '--year', '2022', '--era', 'ce')).out).toContain('ดัชนีการรับรู้การทุจริต ปี 2022');
    expect((await run('report', '--year', '2022')).out).toContain('CPI 2022');
    expect((await run('report', '--year', '2022', '--era', 'be')).out).toContain('CPI 2565');
  });

  it.each([
    [['report', '--year', '2030'], /options.year: expected a year present in the dataset \(2017..2025\) \(got 2030\)/],
    [['report', '--year', 'soon'], /--year must be a whole number, got "soon"/],
    [['report', '--lang', 'fr'], /Allowed choices are th, en/],
    [['report', '--target', '120'], /options.target/],
    [['nonsense'], /unknown command/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\s+at /);
  });

  it('shows help with examples', async () => {
    const r = await run('report', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('cpi-gap report --lang th');
  });
});
