import { describe, expect, it } from 'vitest';
import { thailand } from '../../dataset/thailand.js';
import { worldRows } from '../../world/worldPanel.js';
import { Stream } from '../random.js';
import { rankTable, summarizeYear } from '../summarize.js';
import { simulate } from '../simulate.js';
import { modelParameters } from '../modelParameters.js';
import { NS, upTo, worldArrays, type WorldArrays } from './arrays.js';
import { fitWorld } from './fit.js';
import { runCountry } from './paths.js';
import { movingRanks } from './movingRanks.js';
import { simulateWorld } from './simulateWorld.js';
import { INTEGER_EDITIONS } from '../../methodology/editions.js';
import { panelStart } from './start.js';

const all = worldArrays(worldRows());
const THA = all.countries.indexOf('THA');
const EIU = 3;

/** A copy of the panel whose years after `o` are noise (scores, source values, which sources are present). */
function scrambleAfter(p: WorldArrays, o: number): WorldArrays {
  let st = 12345;
  const rnd = (): number => {
    st = (st * 1103515245 + 12345) % 2 ** 31;
    return st / 2 ** 31;
  };
  const value = p.value.slice();
  const score = p.score.slice();
  const t0 = o - p.y0 + 1;
  for (let c = 0; c < p.countries.length; c += 1) {
    for (let t = t0; t < p.ny; t += 1) {
      score[c * p.ny + t] = Math.floor(rnd() * 101);
      for (let s = 0; s < NS; s += 1) value[(c * p.ny + t) * NS + s] = rnd() < 0.4 ? NaN : rnd() * 100;
    }
  }
  return { ...p, value, score, intEdition: p.intEdition.map((b, t) => (t >= t0 ? !b : b)) };
}

function forecast(view: WorldArrays, c: number, P: number, H: number): { scores: Uint8Array; sources: Float32Array[] } {
  const fit = fitWorld(view);
  const rng = new Stream(7, c);
  const years = new Int32Array(P * H);
  for (let i = 0; i < years.length; i += 1) years[i] = rng.index(fit.years);
  const scores = new Uint8Array(P * H);
  const sources = Array.from({ length: NS }, () => new Float32Array(P * H).fill(NaN));
  runCountry(fit, panelStart(view, c), rng, { P, H }, years, null, { scores, sources });
  return { scores, sources };
}

describe('the world model', () => {
  it('knows which editions store integers: INTEGER_EDITIONS is what the panel shows (more than 95% integer values)', () => {
    expect(INTEGER_EDITIONS).toEqual(all.intEdition.flatMap((b, t) => (b ? [all.y0 + t] : [])));
  });

  it('has no look-ahead: changing every year after the origin does not change the forecast made at the origin', () => {
    const scrambled = scrambleAfter(all, 2018);
    // The data the forecast is scored against did change.
    expect(scrambled.score.some((v, i) => !Object.is(v, all.score[i]))).toBe(true);
    for (const c of [THA, all.countries.indexOf('DNK')]) {
      const a = forecast(upTo(all, 2018), c, 300, 3);
      const b = forecast(upTo(scrambled, 2018), c, 300, 3);
      expect(Array.from(b.scores)).toEqual(Array.from(a.scores));
    }
    // And the fit itself differs when the data up to the origin differ (the check can fail).
    const c = forecast(upTo(scrambleAfter(all, 2016), 2018), THA, 300, 3);
    expect(Array.from(c.scores)).not.toEqual(Array.from(forecast(upTo(all, 2018), THA, 300, 3).scores));
  });

  it("keeps EIU on the levels of its latest edition (Thailand from 2025; the levels read from TI's rows here)", () => {
    const levels = [...new Set(worldRows().filter((r) => r.year === 2025 && r.sourceScores.EIU !== undefined).map((r) => r.sourceScores.EIU as number))];
    expect(levels.length).toBe(5);
    const { sources } = forecast(all, THA, 2000, 8);
    const eiu = Array.from(sources[EIU] as Float32Array).filter((v) => !Number.isNaN(v));
    expect(eiu.length).toBeGreaterThan(15_000);
    expect(eiu.every((v) => levels.some((l) => Math.abs(l - v) < 1e-4))).toBe(true);
    // It does move between levels.
    expect(new Set(eiu.map((v) => v.toFixed(2))).size).toBeGreaterThan(1);
  });

  it("simulate(thailand) starts from the latest year, with TI's stored values", async () => {
    const latest = Math.max(...thailand.years);
    const r = await simulate(thailand, { paths: 1000, horizon: 2 });
    expect([r.model, r.baseYear, r.years[0]?.year]).toEqual(['world', latest, latest + 1]);
    const row = worldRows().find((x) => x.iso3 === 'THA' && x.year === latest);
    for (const s of r.parameters.sources) expect(s.base).toBe(row?.sourceScores[s.source]);
    expect(r.calibration).toMatch(/^backtest: 80% intervals held 79% of 1-year outcomes/);
  });

  it('reads each series at one precision: no change invented between the seed\'s integers and TI\'s unrounded values', async () => {
    // TI stores PRS for Thailand as an integer in 2022 and unrounded in 2023: both rounded half up.
    const tha = worldRows().filter((x) => x.iso3 === 'THA');
    const v = (y: number): number => tha.find((x) => x.year === y)?.sourceScores.PRS as number;
    const p = (await modelParameters(thailand, { model: 'random-walk', window: { from: 2021, to: 2025 } })).sources.find((s) => s.source === 'PRS');
    const i = p?.changeYears.indexOf(2023) ?? -1;
    expect(p?.changes[i]).toBe(Math.floor(v(2023) + 0.5) - Math.floor(v(2022) + 0.5));
    expect(p?.changes[i]).toBe(0);
  });

  it("with every other country's spread set to 0, ranks equal the frozen-list ranking against their base scores", async () => {
    const params = await modelParameters(thailand);
    const others = worldRows().filter((r) => r.year === 2025 && r.iso3 !== 'THA').map((r) => r.score);
    const ranks = [43, 53, 110, 116, 120];
    const paths = 3000;
    const between = (): Promise<void> => Promise.resolve();
    const moving = await simulateWorld('test', thailand, params, { paths, horizon: 3, seed: 5, ranks, levels: null, spread: 0, between });
    const frozen = await simulateWorld('test', thailand, params, { paths, horizon: 3, seed: 5, ranks: [], levels: null, between });
    expect(Array.from(frozen.hist)).toEqual(Array.from(moving.hist));
    const table = rankTable(others);
    for (let y = 0; y < 3; y += 1) {
      const a = movingRanks(moving, ranks, y, paths);
      const b = summarizeYear(frozen.hist, y, 2026 + y, paths, 51, ranks, table).ranks;
      expect(a.map((k) => k.p)).toEqual(b.map((k) => k.p));
      // The score each rank needs is the k-th highest of the others' scores, in every path.
      const kth = ranks.map((k) => [...others].sort((u, v) => v - u)[k - 1]);
      expect(a.map((k) => [k.needed?.q05, k.needed?.q95])).toEqual(kth.map((s) => [s, s]));
    }
    expect(movingRanks(moving, ranks, 2, paths).some((k) => k.p > 0 && k.p < 1)).toBe(true);
  });
});
