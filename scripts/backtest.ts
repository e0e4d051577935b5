/**
 * `npm run backtest`: how the forecasts of cpi-gap's models fare against TI's published scores.
 *
 * For every origin o (2015 <= o < the last edition) the model is fitted on the bundled panel up to o
 * only (`upTo`: nothing published after o reaches it) and forecasts every country scored at o for
 * h = 1..3 (years TI has published). Each forecast is scored against TI's published score of o + h:
 * the randomized PIT u = F(v - 1) + U (F(v) - F(v - 1)) (DESIGN.md, "Scoring a forecast of an integer
 * score"), the share of u inside the central 50/80/90% intervals, its histogram, and the ranked
 * probability score. Per source: every source present at o whose value TI published at o + h,
 * compared at integer precision when either edition stores integers, by randomized PIT and CRPS
 * (the first 1,000 paths of each forecast).
 * Models: `world` (the default), and two baselines scored the same way: persistence (the score of o
 * plus a draw of all countries' h-year score changes up to o) and each country's own random walk
 * (today's `random-walk`: every source N(mu, sigma) a year from the country's own changes).
 *
 * Writes the calibration chart (Vega-Lite, English and Thai) to docs/forecasting/calibration.{en,th}.vl.json.
 *
 *   npm run backtest [-- --paths 4000 --from 2015 --to 2024 --seed 1]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { worldRows } from '../src/world/worldPanel.js';
import { NS, roundHalfUp, sc, upTo, val, worldArrays, pairAtCommonPrecision, type WorldArrays } from '../src/simulation/world/arrays.js';
import { fitWorld } from '../src/simulation/world/fit.js';
import { runCountry } from '../src/simulation/world/paths.js';
import { panelStart } from '../src/simulation/world/start.js';
import { Stream } from '../src/simulation/random.js';
import { SOURCE_IDS } from '../src/dataset/sourceCatalog.js';
import { toBuddhistEra } from '../src/i18n/buddhistEra.js';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const PATHS = arg('paths', 4000);
const FROM = arg('from', 2015);
const TO = arg('to', 2024);
const SEED = arg('seed', 1);
/** Paths whose source values are scored (the first Q of each forecast). */
const Q = Math.min(PATHS, 1000);
const MAX_H = 3;
const LEVELS = [0.5, 0.8, 0.9] as const;

interface Pit {
  u: number;
  score: number;
}

/** The uniform of the randomized PIT for (o, h, country, slot): the same for every model. */
const pitUniform = (o: number, h: number, c: number, slot: number): number => new Stream(20_251_001, ((o - 2000) * 8 + h) * 100_000 + c * 20 + slot).uniform();

/** Randomized PIT and RPS of the integer outcome v under the CDF F (F[k] = P(score <= k)). */
function scoreInteger(F: Float64Array, v: number, U: number): Pit {
  const lo = v > 0 ? (F[v - 1]!) : 0;
  const hi = F[v]!;
  let rps = 0;
  for (let k = 0; k <= 100; k += 1) rps += ((F[k]!) - (v <= k ? 1 : 0)) ** 2;
  return { u: lo + U * (hi - lo), score: rps };
}

/** Randomized PIT and CRPS of a source value y under samples (NaN dropped; rounded when `integer`). */
function scoreSamples(samples: Float32Array, y: number, integer: boolean, U: number): Pit | null {
  const buf = new Float64Array(samples.length);
  let n = 0;
  for (const x of samples) if (!Number.isNaN(x)) buf[n++] = integer ? roundHalfUp(x) : x;
  const xs = buf.subarray(0, n).sort();
  const q = xs.length;
  if (q === 0) return null;
  const eps = integer ? 1e-9 : 1e-4;
  let below = 0;
  let equal = 0;
  let absDev = 0;
  let spread = 0;
  xs.forEach((x, i) => {
    if (x < y - eps) below += 1;
    else if (x <= y + eps) equal += 1;
    absDev += Math.abs(x - y);
    spread += (2 * (i + 1) - q - 1) * x;
  });
  return { u: (below + U * equal) / q, score: absDev / q - spread / (q * q) };
}

function cdfOf(scores: Uint8Array, from: number, P: number): Float64Array {
  const F = new Float64Array(101);
  for (let p = 0; p < P; p += 1) F[scores[from + p]!] = (F[scores[from + p]!]!) + 1;
  let acc = 0;
  for (let k = 0; k <= 100; k += 1) {
    acc += F[k]!;
    F[k] = acc / P;
  }
  return F;
}

/** A model's forecast for one country at an origin: P paths of H years (scores[h * P + p]) and source samples. */
type Forecast = (view: WorldArrays, c: number, H: number, seed: number) => { scores: Uint8Array; sources: (Float32Array | null)[] | null; cdf?: (h: number) => Float64Array };
type Fitter = (view: WorldArrays) => Forecast;

const world: Fitter = (view) => {
  const fit = fitWorld(view);
  return (v, c, H, seed) => {
    const rng = new Stream(seed, c);
    const years = new Int32Array(PATHS * H);
    const yr = new Stream(seed, 1_000_000);
    for (let i = 0; i < years.length; i += 1) years[i] = yr.index(fit.years);
    const scores = new Uint8Array(PATHS * H);
    const sources = Array.from({ length: NS }, () => new Float32Array(PATHS * H).fill(NaN));
    runCountry(fit, panelStart(v, c), rng, { P: PATHS, H }, years, null, { scores, sources });
    return { scores, sources };
  };
};

const persistence: Fitter = (view) => {
  const T = view.ny - 1;
  const pools = [1, 2, 3].map((h) => {
    const d: number[] = [];
    for (let c = 0; c < view.countries.length; c += 1) for (let t = h; t <= T; t += 1) if (!Number.isNaN(sc(view, c, t - h)) && !Number.isNaN(sc(view, c, t))) d.push(sc(view, c, t) - sc(view, c, t - h));
    return d;
  });
  return (v, c) => ({
    scores: new Uint8Array(0),
    sources: null,
    cdf: (h) => {
      const pool = pools[h - 1]!;
      const F = new Float64Array(101);
      for (const d of pool) { const k = Math.min(100, Math.max(0, sc(v, c, T) + d)); F[k] = (F[k]!) + 1; }
      let acc = 0;
      return F.map((x) => (acc += x) / pool.length);
    },
  });
};

const randomWalk: Fitter = () => (view, c, H, seed) => {
  const T = view.ny - 1;
  const ids: number[] = [];
  const base: number[] = [];
  const mu: number[] = [];
  const sd: number[] = [];
  for (let s = 0; s < NS; s += 1) {
    if (Number.isNaN(val(view, c, T, s))) continue;
    const ch: number[] = [];
    for (let t = 1; t <= T; t += 1) {
      if (Number.isNaN(val(view, c, t - 1, s)) || Number.isNaN(val(view, c, t, s))) continue;
      const [a, b] = pairAtCommonPrecision(view, c, t - 1, t, s);
      ch.push(b - a);
    }
    const m = ch.length > 0 ? ch.reduce((a, b) => a + b, 0) / ch.length : 0;
    ids.push(s);
    base.push(val(view, c, T, s));
    mu.push(m);
    sd.push(ch.length > 1 ? Math.sqrt(ch.reduce((a, b) => a + (b - m) ** 2, 0) / (ch.length - 1)) : 0);
  }
  const rng = new Stream(seed, c);
  const scores = new Uint8Array(PATHS * H);
  const sources: (Float32Array | null)[] = Array.from({ length: NS }, (_, s) => (ids.includes(s) ? new Float32Array(PATHS * H) : null));
  const x = new Float64Array(ids.length);
  const z = new Float64Array(ids.length);
  for (let p = 0; p < PATHS; p += 1) {
    ids.forEach((_, i) => (x[i] = base[i]!));
    for (let h = 0; h < H; h += 1) {
      rng.fillNormal(z, ids.length);
      let sum = 0;
      ids.forEach((s, i) => {
        const v = Math.min(100, Math.max(0, (x[i]!) + (mu[i]!) + (sd[i]!) * (z[i]!)));
        x[i] = v;
        sum += v;
        (sources[s]!)[h * PATHS + p] = v;
      });
      scores[h * PATHS + p] = roundHalfUp(sum / ids.length);
    }
  }
  return { scores, sources };
};

interface Result {
  cpi: Pit[][];
  src: Map<string, Pit[]>;
  seconds: number;
}

function backtest(all: WorldArrays, fitter: Fitter, perSource: boolean): Result {
  const t0 = performance.now();
  const last = all.y0 + all.ny - 1;
  const cpi: Pit[][] = [[], [], []];
  const src = new Map<string, Pit[]>();
  for (let o = FROM; o <= TO && o < last; o += 1) {
    const view = upTo(all, o); // the model sees the years up to o only
    const T = o - all.y0;
    const forecast = fitter(view);
    const H = Math.min(MAX_H, last - o);
    for (let c = 0; c < all.countries.length; c += 1) {
      if (Number.isNaN(sc(view, c, T))) continue;
      const f = forecast(view, c, H, SEED + o);
      for (let h = 1; h <= H; h += 1) {
        const v = sc(all, c, T + h);
        if (Number.isNaN(v)) continue;
        const F = f.cdf?.(h) ?? cdfOf(f.scores, (h - 1) * PATHS, PATHS);
        (cpi[h - 1]!).push(scoreInteger(F, v, pitUniform(o, h, c, 0)));
        if (!perSource || f.sources === null) continue;
        for (let s = 0; s < NS; s += 1) {
          const y = val(all, c, T + h, s);
          const col = f.sources[s];
          if (Number.isNaN(y) || Number.isNaN(val(all, c, T, s)) || col === null || col === undefined) continue;
          const intPair = all.intEdition[T] === true || all.intEdition[T + h] === true;
          const r = scoreSamples(col.subarray((h - 1) * PATHS, (h - 1) * PATHS + Q), intPair ? roundHalfUp(y) : y, intPair, pitUniform(o, h, c, 1 + s));
          if (r === null) continue;
          const key = `${SOURCE_IDS[s]}|${h}`;
          const list = src.get(key) ?? [];
          list.push(r);
          src.set(key, list);
        }
      }
    }
  }
  return { cpi, src, seconds: (performance.now() - t0) / 1000 };
}

function summary(recs: readonly Pit[]): { n: number; cov: number[]; score: number; hist: number[] } {
  const n = recs.length;
  const cov = LEVELS.map((l) => recs.filter((r) => r.u >= 0.5 - l / 2 && r.u <= 0.5 + l / 2).length / n);
  const hist = new Array<number>(10).fill(0);
  for (const r of recs) { const b = Math.min(9, Math.floor(r.u * 10)); hist[b] = (hist[b]!) + 1; }
  return { n, cov, score: recs.reduce((a, r) => a + r.score, 0) / n, hist: hist.map((x) => x / n) };
}

const f3 = (x: number): string => x.toFixed(3);
const line = (name: string, h: number, s: ReturnType<typeof summary>): string =>
  `${name.padEnd(22)} ${h}  ${String(s.n).padStart(5)}  ${s.cov.map(f3).join('  ')} | ${f3(s.score)} | ${s.hist.map((x) => String(Math.round(x * 100)).padStart(2)).join(' ')}`;

/** The calibration chart (Vega-Lite), in English and Thai: observed against nominal coverage of the central intervals, per horizon and model. */
function writeCalibrationCharts(models: readonly { name: string; cpi: Pit[][] }[]): void {
  const values = models.flatMap(({ name, cpi }) =>
    cpi.flatMap((recs, i) => {
      const s = summary(recs);
      return LEVELS.map((l, j) => ({ model: name, h: i + 1, nominal: 100 * l, observed: Math.round(1000 * (s.cov[j]!)) / 10, n: s.n }));
    }),
  );
  const words = {
    en: { title: 'Do the forecasts hold? Central intervals against the published scores', subtitle: [`Every country, origins ${FROM}-${TO}, fitted on the data up to each origin only (npm run backtest). On the diagonal: as often as promised.`, "Source: Transparency International, Corruption Perceptions Index 2012-2025 (CC BY-ND 4.0)."], nominal: 'Interval (%)', observed: 'Outcomes inside (%)', h: (h: number) => `${h} year${h === 1 ? '' : 's'} ahead`, model: 'Model', horizon: 'Horizon' },
    th: { title: 'การพยากรณ์แม่นเพียงใด: ช่วงกลางเทียบกับคะแนนที่ประกาศจริง', subtitle: [`ทุกประเทศ จุดเริ่ม ${toBuddhistEra(FROM)}-${toBuddhistEra(TO)} ประมาณค่าจากข้อมูลถึงจุดเริ่มเท่านั้น (npm run backtest) บนเส้นทแยง: ครอบคลุมตามที่ระบุ`, 'ที่มา: Transparency International, Corruption Perceptions Index 2012-2025 (CC BY-ND 4.0)'], nominal: 'ช่วง (%)', observed: 'ผลจริงที่อยู่ในช่วง (%)', h: (h: number) => `ล่วงหน้า ${h} ปี`, model: 'แบบจำลอง', horizon: 'ระยะ' },
  } as const;
  for (const lang of ['en', 'th'] as const) {
    const w = words[lang];
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.title, subtitle: w.subtitle },
      data: { values: values.map((v) => ({ ...v, horizon: w.h(v.h) })) },
      facet: { column: { field: 'horizon', type: 'ordinal', title: w.horizon } },
      spec: {
        width: 180,
        height: 180,
        layer: [
          { data: { values: [{ a: 40, b: 40 }, { a: 100, b: 100 }] }, mark: { type: 'line', color: '#999', strokeDash: [4, 4] }, encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } } },
          {
            mark: { type: 'line', point: true },
            encoding: {
              x: { field: 'nominal', type: 'quantitative', title: w.nominal, scale: { domain: [40, 100] } },
              y: { field: 'observed', type: 'quantitative', title: w.observed, scale: { domain: [40, 100] } },
              color: { field: 'model', type: 'nominal', title: w.model },
              tooltip: [{ field: 'model' }, { field: 'horizon' }, { field: 'nominal' }, { field: 'observed' }, { field: 'n' }],
            },
          },
        ],
      },
    };
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'forecasting', `calibration.${lang}.vl.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(spec, null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}

const all = worldArrays(worldRows());
console.log(`npm run backtest: TI's CPI panel ${all.y0}-${all.y0 + all.ny - 1} (${all.countries.length} countries), origins ${FROM}-${TO}, horizons 1-${MAX_H}, ${PATHS} paths per country and origin, seed ${SEED}`);
console.log('Each model is fitted on the panel up to the origin only; outcome: TI\'s published integer score of origin + h.\n');
const models: [string, Fitter, boolean][] = [
  ['world (default)', world, true],
  ['persistence+bootstrap', persistence, false],
  ['country random walk', randomWalk, true],
];
const results = models.map(([name, fitter, perSource]) => ({ name, r: backtest(all, fitter, perSource) }));
console.log('CPI score: randomized-PIT coverage of the central intervals, ranked probability score (lower is better), PIT histogram (10 bins, %)');
console.log(`${'model'.padEnd(22)} h      n  PIT50  PIT80  PIT90 |  RPS  | PIT histogram`);
for (const { name, r } of results) for (let h = 1; h <= MAX_H; h += 1) console.log(line(name, h, summary(r.cpi[h - 1]!)));
for (const { name, r } of results) {
  if (r.src.size === 0) continue;
  console.log(`\nPer source, ${name}: randomized-PIT coverage and CRPS of each source's value (integer precision when either edition stores integers)`);
  console.log(`${'source'.padEnd(22)} h      n  PIT50  PIT80  PIT90 |  CRPS | PIT histogram`);
  for (const id of SOURCE_IDS) for (let h = 1; h <= MAX_H; h += 1) {
    const recs = r.src.get(`${id}|${h}`);
    if (recs !== undefined) console.log(line(id, h, summary(recs)));
  }
}
console.log('\nGoals (issue 16): the default model\'s 80% and 90% intervals cover 77-83% and 87-93% of outcomes at every horizon; its RPS beats both baselines.');
const w = results[0]!.r;
for (let h = 1; h <= MAX_H; h += 1) {
  const s = summary(w.cpi[h - 1]!);
  const beats = results.slice(1).every(({ r }) => summary(r.cpi[h - 1]!).score > s.score);
  console.log(`h = ${h}: PIT80 ${f3(s.cov[1]!)} ${(s.cov[1]!) >= 0.77 && (s.cov[1]!) <= 0.83 ? 'holds' : 'MISSED'}, PIT90 ${f3(s.cov[2]!)} ${(s.cov[2]!) >= 0.87 && (s.cov[2]!) <= 0.93 ? 'holds' : 'MISSED'}, RPS beats both baselines: ${beats ? 'holds' : 'MISSED'}`);
}
writeCalibrationCharts(results.map(({ name, r }) => ({ name, cpi: r.cpi })));
console.log(`\nseconds: ${results.map(({ name, r }) => `${name} ${r.seconds.toFixed(1)}`).join(', ')}`);
