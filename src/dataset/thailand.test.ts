import { describe, expect, it } from 'vitest';
import { TI_HISTORICAL, SEED, describeWithShared, readShared } from '../../tests/helpers/shared.js';
import { thailand } from './thailand.js';

// The seed's five-year table (ตารางภาพรวมคะแนนย้อนหลัง ๕ ปี), 2017..2022, typed here from the document.
const SEED_TABLE: Record<string, number[]> = {
  IMD: [43, 41, 45, 41, 39, 43],
  WEF: [42, 42, 43, 43, 42, 45],
  PERC: [41, 37, 38, 38, 36, 35],
  WJP: [40, 40, 38, 38, 35, 34],
  GI: [35, 35, 35, 35, 35, 35],
  PRS: [32, 32, 32, 32, 32, 32],
  EIU: [37, 37, 37, 37, 37, 37],
  VDEM: [23, 21, 20, 20, 26, 26],
  BTI: [37, 37, 37, 37, 37, 37],
};
// The table's last row: score / rank of 180.
const SEED_CPI = [
  [2017, 37, 96],
  [2018, 36, 99],
  [2019, 36, 101],
  [2020, 36, 104],
  [2021, 35, 110],
  [2022, 36, 101],
] as const;

describe('thailand (bundled dataset)', () => {
  it('has the nine sources with stable ids in the seed table order', () => {
    expect(thailand.sources.map((s) => s.id)).toEqual(['IMD', 'WEF', 'PERC', 'WJP', 'GI', 'PRS', 'EIU', 'VDEM', 'BTI']);
  });

  it('holds the seed table 2017-2022 as printed, each value marked as from the seed', () => {
    for (const [id, values] of Object.entries(SEED_TABLE)) {
      const rows = thailand.scores.filter((s) => s.source === id && s.year <= 2022);
      expect(rows.map((r) => r.value)).toEqual(values);
      for (const r of rows) expect(r.origin.kind).toBe('seed');
    }
  });

  it('holds 2023-2025 from TI with their edition', () => {
    const later = thailand.scores.filter((s) => s.year >= 2023);
    expect(later).toHaveLength(27);
    for (const r of later) expect(r.origin).toMatchObject({ kind: 'ti', edition: r.year });
  });

  it('holds the CPI 2017-2025: score, rank, countries assessed', () => {
    for (const [year, score, rank] of SEED_CPI) {
      expect(thailand.cpi.find((c) => c.year === year)).toMatchObject({ score, rank, countries: 180, origin: { kind: 'seed' } });
    }
    expect(thailand.cpi.filter((c) => c.year >= 2023).map((c) => [c.year, c.score, c.rank, c.countries])).toEqual([
      [2023, 35, 108, 180],
      [2024, 34, 107, 180],
      [2025, 33, 116, 182],
    ]);
  });

  it('holds the targets with their seed sentences, including the and/or wording', () => {
    const fy = thailand.targets.find((t) => t.id === 'fy2023');
    expect(fy).toMatchObject({ year: 2023, score: 51, rank: 53 });
    expect(fy?.statements.map((s) => s.wording)).toContain('and/or');
    expect(fy?.statements.find((s) => s.wording === 'and/or')?.text).toBe('อันดับ ๑ ใน ๕๓ และ/หรือ ได้คะแนนไม่ต่ำกว่า ๕๑ คะแนน');
    const master = thailand.targets.find((t) => t.id === 'masterplan-2023-2027');
    expect(master).toMatchObject({ year: 2027, fromYear: 2023, score: 57, rank: 43 });
  });

  it('maps the four workstreams to their sources as the seed does', () => {
    expect(thailand.workstreams.map((w) => [w.number, [...w.sources].sort()])).toEqual([
      [1, ['GI', 'IMD', 'PRS', 'WEF']],
      [2, ['BTI', 'EIU', 'PRS', 'WJP']],
      [3, ['EIU', 'WEF']],
      [4, ['BTI', 'PERC', 'VDEM']],
    ]);
    expect(thailand.sources.find((s) => s.id === 'PRS')?.workstreams).toEqual([1, 2]);
    expect(thailand.sources.find((s) => s.id === 'BTI')?.workstreams).toEqual([2, 4]);
  });

  it('the rounded mean of the seed source scores equals the published CPI each year 2017-2022', () => {
    for (const [year, score] of SEED_CPI) {
      const i = year - 2017;
      const values = Object.values(SEED_TABLE).map((v) => v[i] ?? Number.NaN);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(Math.floor(mean + 0.5)).toBe(score);
      expect(thailand.cpi.find((c) => c.year === year)?.score).toBe(score);
    }
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(thailand)).toBe(true);
    expect(Object.isFrozen(thailand.scores)).toBe(true);
    expect(Object.isFrozen(thailand.scores[0])).toBe(true);
    expect(Object.isFrozen(thailand.scores[0]?.origin)).toBe(true);
    expect(Object.isFrozen(thailand.sources[0]?.seed)).toBe(true);
    expect(Object.isFrozen(thailand.targets[0]?.statements[0])).toBe(true);
    expect(() => {
      (thailand.scores as unknown as { value: number }[])[0]!.value = 99;
    }).toThrow(TypeError);
  });
});

describeWithShared('thailand against the seed text', [SEED], () => {
  const seed = readShared(SEED);
  it('every Thai string of the sources appears verbatim in the seed', () => {
    for (const s of thailand.sources) {
      expect(seed).toContain(s.seed?.name);
      expect(seed).toContain(s.seed?.question);
      expect(seed).toContain(s.seed?.respondents);
    }
  });
  it('every target statement and workstream name appears verbatim in the seed', () => {
    for (const t of thailand.targets) for (const st of t.statements) expect(seed).toContain(st.text);
    for (const w of thailand.workstreams) expect(seed).toContain(`แผนงานเรื่องที่ ${'๐๑๒๓๔'[w.number]} ${w.name.th}`);
  });
  it('the five-year table rows carry the scores the dataset holds (Thai digits)', () => {
    const thai = (n: number) => String(n).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)] ?? d);
    for (const s of thailand.sources) {
      const row = seed.split('\n').find((l) => s.seed && l.startsWith(s.seed.name));
      const cells = row?.split('\t').slice(1, 7);
      expect(cells).toEqual(thailand.scores.filter((x) => x.source === s.id && x.year <= 2022).map((x) => thai(x.value)));
    }
  });
});

describeWithShared('thailand against TI\'s historical file', [TI_HISTORICAL], () => {
  const lines = readShared(TI_HISTORICAL).replace(/^\uFEFF/, '').trim().split('\n');
  const header = lines[0]?.split(',') ?? [];
  const columns: Record<string, string> = {
    BTI: 'Bertelsmann Foundation Transformation Index',
    EIU: 'Economist Intelligence Unit Country Ratings',
    GI: 'Global Insights Country Risk Ratings',
    IMD: 'IMD World Competitiveness Yearbook',
    PERC: 'PERC Asia Risk Guide',
    PRS: 'PRS International Country Risk Guide',
    VDEM: 'Varieties of Democracy Project',
    WEF: 'World Economic Forum EOS',
    WJP: 'World Justice Project Rule of Law Index',
  };
  const rows = lines.map((l) => l.split(',')).filter((r) => r[1] === 'THA');
  it.each([2023, 2024, 2025])('the %i source scores are TI\'s, unrounded', (year) => {
    const row = rows.find((r) => r[2] === String(year)) ?? [];
    for (const [id, name] of Object.entries(columns)) {
      const ti = Number(row[header.indexOf(name)]);
      expect(thailand.scores.find((s) => s.source === id && s.year === year)?.value).toBe(ti);
    }
  });
  it('the 2017-2022 seed scores agree with TI\'s to the integer', () => {
    for (const year of [2017, 2018, 2019, 2020, 2021, 2022]) {
      const row = rows.find((r) => r[2] === String(year)) ?? [];
      for (const [id, name] of Object.entries(columns)) {
        const ti = Number(row[header.indexOf(name)]);
        const seedValue = thailand.scores.find((s) => s.source === id && s.year === year)?.value ?? Number.NaN;
        expect(Math.abs(seedValue - ti)).toBeLessThanOrEqual(0.5);
      }
    }
  });
});
