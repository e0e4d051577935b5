/**
 * The example scripts print what the guide says they print: key lines checked against numbers
 * computed here from TI's CPI 2025 result file (columns 10..22 are the 13 source scores), not from
 * cpi-gap. `npm run examples` runs every script; this file checks a few of their numbers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithShared, ROOT, readShared, SHARED_DIR, TI_2025 } from '../helpers/shared.js';

function run(script: string, env: Record<string, string> = {}): { out: string; status: number | null } {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join('examples', script)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CPI_GAP_SHARED: SHARED_DIR, ...env },
    timeout: 60_000,
  });
  return { out: r.stdout, status: r.status };
}

/** A country's row of CPI2025_Results.csv: score, rank and its source scores (plain split: these rows hold no quoted commas). */
function tiRow(iso3: string): { score: number; rank: number; sources: number[]; countries: number } {
  const lines = readShared(TI_2025).split(/\r?\n/).filter((l) => l.trim() !== '');
  const cells = lines.find((l) => l.split(',')[1] === iso3)?.split(',');
  if (cells === undefined) throw new Error(`no ${iso3} row`);
  const sources = cells.slice(9, 22).filter((c) => c !== '').map(Number);
  return { score: Number(cells[3]), rank: Number(cells[4]), sources, countries: lines.length - 1 };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describeWithShared('example scripts against TI CPI 2025', [TI_2025], () => {
  it('gap-report.ts: the CPI line (mean, the 50.5 the rounding asks for, total and even uplift)', () => {
    const tha = tiRow('THA');
    const n = tha.sources.length;
    const total = n * 50.5 - sum(tha.sources);
    const { out, status } = run('gap-report.ts');
    expect(status).toBe(0);
    expect(out).toContain(`CPI ${tha.score}: mean ${(sum(tha.sources) / n).toFixed(2)}, needs 50.5; total uplift ${total.toFixed(2)}, ${(total / n).toFixed(2)} per source`);
  });

  it("asean-peers.ts: Thailand's place among the ASEAN members TI scored in 2025, the median and the best", () => {
    const scores = ['IDN', 'MYS', 'PHL', 'SGP', 'THA', 'BRN', 'VNM', 'LAO', 'MMR', 'KHM', 'TLS'].map((c) => tiRow(c).score).sort((a, b) => a - b);
    const tha = tiRow('THA');
    const place = 1 + scores.filter((x) => x > tha.score).length;
    const median = scores[(scores.length - 1) / 2] ?? 0;
    const best = Math.max(...scores);
    const { out, status } = run('asean-peers.ts');
    expect(status).toBe(0);
    expect(out).toContain(`CPI 2025: Thailand ${tha.score}, ${place} of ${scores.length} in ASEAN (world rank ${tha.rank} of ${tha.countries})`);
    expect(out).toContain(`group median ${median} (${tha.score - median}), best ${best} (Singapore, ${tha.score - best})`);
  });

  it('target-seeking.ts: a 10-point cap per source reaches only round(mean + 10)', () => {
    const tha = tiRow('THA');
    const capped = tha.sources.map((s) => Math.min(s + 10, 100));
    const best = Math.floor(sum(capped) / capped.length + 0.5);
    const { out, status } = run('target-seeking.ts');
    expect(status).toBe(0);
    expect(out).toContain(`the best reachable CPI is ${best}: the plan cannot reach 51`);
    expect(out).toContain(`so +${(tha.sources.length * 50.5 - sum(tha.sources)).toFixed(2)} points in all`);
  });

  it('another-country.ts: Indonesia and Malaysia as TI publishes them, and the uplift to their targets', () => {
    const { out, status } = run('another-country.ts');
    expect(status).toBe(0);
    for (const [iso3, name, target] of [['IDN', 'Indonesia', 51], ['MYS', 'Malaysia', 60]] as const) {
      const r = tiRow(iso3);
      const n = r.sources.length;
      expect(out).toContain(`${name} 2025: CPI ${r.score} (rank ${r.rank} of ${r.countries}), ${n} sources, mean ${(sum(r.sources) / n).toFixed(2)}`);
      expect(out).toContain(`the mean must reach ${target - 0.5}, +${(n * (target - 0.5) - sum(r.sources)).toFixed(2)} points in all`);
    }
  });

  it("what-if.ts: the base year ranks where TI ranked Thailand (its score against the other countries')", () => {
    const tha = tiRow('THA');
    const { out, status } = run('what-if.ts');
    expect(status).toBe(0);
    expect(out).toContain(`2025: mean ${(sum(tha.sources) / tha.sources.length).toFixed(2)}  CPI ${tha.score} (+0)`);
    expect(out).toContain(`rank ${tha.rank} of ${tha.countries - 1}`);
  });
});

it('another-country.ts without a TI file: a clear message, exit 0', () => {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true }); // tmp/ is git-ignored
  const empty = mkdtempSync(join(ROOT, 'tmp', 'no-shared-'));
  try {
    const { out, status } = run('another-country.ts', { CPI_GAP_SHARED: empty });
    expect(status).toBe(0);
    expect(out).toContain('No TI result file at');
    expect(out).toContain('transparency.org');
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

it('monte-carlo-briefing.ts writes two SVG fan charts', () => {
  const { out, status } = run('monte-carlo-briefing.ts');
  expect(status).toBe(0);
  for (const name of ['monte-carlo-no-change.en.svg', 'monte-carlo-ws1.th.svg']) {
    const file = join(ROOT, 'out', name);
    expect(out).toContain(file);
    expect(existsSync(file)).toBe(true);
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    // the probability labels above the years, explained in the subtitle
    expect(svg).toMatch(/>\d+%<\/text>/);
    expect(svg).toContain(name.endsWith('.th.svg') ? 'โอกาสที่จะได้คะแนน 51 ขึ้นไป' : 'the chance of a score of 51 or more');
  }
});

it('web-page.ts writes a page that loads nothing from the network: vega, vega-lite, vega-embed and Sarabun sit in out/vendor/', () => {
  const { status } = run('web-page.ts');
  expect(status).toBe(0);
  const html = readFileSync(join(ROOT, 'out', 'charts.html'), 'utf8');
  const loads = [...html.matchAll(/(?:src|href)="([^"]+)"|url\(([^)]+)\)/g)].map((m) => m[1] ?? m[2] ?? '');
  expect(loads.sort()).toEqual(['vendor/Sarabun-Bold.ttf', 'vendor/Sarabun-Regular.ttf', 'vendor/vega-embed.min.js', 'vendor/vega-lite.min.js', 'vendor/vega.min.js']);
  for (const file of loads) expect(existsSync(join(ROOT, 'out', file)), file).toBe(true);
});
