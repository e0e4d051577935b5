import * as z from 'zod/mini';
import type { ChangeRecord, RecordGain } from '../analysis/feasibility.js';
import { SourceIdSchema } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { parseInput } from '../errors.js';
import { panel, sourceChanges, type PanelRow } from './panel.js';

/**
 * How often a source moved as much as a planned change, in TI's record ({@link sourceChangeRecord}).
 *
 * @example
 * const r: SourceChangeRecord = sourceChangeRecord('WEF', 10);
 * r.share < 0.05; // => true
 */
export interface SourceChangeRecord {
  readonly source: SourceId;
  /** The change asked about (points over `years` editions). */
  readonly change: number;
  readonly years: number;
  /** Observed `years`-edition changes of the source across every country of the panel. */
  readonly observed: number;
  /** How many of them were at least `change` (at most, for a negative change). */
  readonly asLarge: number;
  /** `asLarge / observed` (0 when nothing was observed). */
  readonly share: number;
  /** The largest rise and the largest fall observed. */
  readonly largestRise: number;
  readonly largestFall: number;
  /** Whether the change is beyond every observed one. */
  readonly unprecedented: boolean;
}

const Options = z.strictObject({ source: SourceIdSchema, change: z.number().check(z.minimum(-100), z.maximum(100)), years: z.int().check(z.minimum(1), z.maximum(13)) });

/**
 * The historical record of a source's change: across every country of the bundled panel (TI's CPI
 * 2012-2025, the values TI published for each edition), the changes of `source` from an edition to
 * the edition `years` later where both scored the country, and how many were as large as `change`
 * (a rise of at least `change`, or for a negative `change` a fall of at least as much). The values
 * are TI's as published, rescaling included (EIU's 2024 values are on a new scale), read at one
 * precision: a change across an edition that stores integers compares both values rounded, as
 * `feasibility` counts them.
 *
 * @throws {CpiGapError} naming `sourceChangeRecord` for an unknown source or a change outside -100..100.
 * @example
 * const r = sourceChangeRecord('WEF', 10);
 * r.observed > 1000; // => true
 * r.unprecedented; // => false
 * sourceChangeRecord('WEF', 99).unprecedented; // => true
 */
export function sourceChangeRecord(source: SourceId, change: number, years = 1): SourceChangeRecord {
  const o = parseInput('sourceChangeRecord', Options, { source, change, years }, ['options']);
  const changes = sourceChanges(o.source, o.years);
  let asLarge = 0;
  let largestRise = 0;
  let largestFall = 0;
  for (const d of changes) {
    if (o.change >= 0 ? d >= o.change : d <= o.change) asLarge += 1;
    largestRise = Math.max(largestRise, d);
    largestFall = Math.min(largestFall, d);
  }
  const observed = changes.length;
  const unprecedented = o.change > largestRise || o.change < largestFall;
  return { source: o.source, change: o.change, years: o.years, observed, asLarge, share: observed === 0 ? 0 : asLarge / observed, largestRise, largestFall, unprecedented };
}

/** The largest k-year gains of published scores, largest first (ties: the earlier first). */
function cpiGains(rows: ReadonlyMap<string, readonly PanelRow[]>, k: number, top: number): RecordGain[] {
  const out: RecordGain[] = [];
  for (const [iso3, list] of rows) {
    const byYear = new Map(list.map((r) => [r.year, r.score]));
    for (const [year, b] of byYear) {
      const a = byYear.get(year - k);
      if (a !== undefined) out.push({ iso3, from: year - k, to: year, points: b - a });
    }
  }
  return out.sort((x, y) => y.points - x.points || x.to - y.to).slice(0, top);
}

/**
 * A stepped source's levels in an edition (the latest when the panel lacks it), to two decimals, or
 * null: stepped means at most 10 values in the latest edition, each held by two countries on average.
 */
function levelsOf(rows: ReadonlyMap<number, readonly PanelRow[]>, source: SourceId, edition: number): number[] | null {
  const latest = Math.max(...rows.keys());
  const values = (year: number): number[] => {
    const xs = (rows.get(year) ?? []).flatMap((r) => (r.sourceScores[source] === undefined ? [] : [r.sourceScores[source]]));
    return [...new Set(xs.map((x) => Math.round(x * 100) / 100))].sort((a, b) => a - b);
  };
  const count = (rows.get(latest) ?? []).filter((r) => r.sourceScores[source] !== undefined).length;
  const last = values(latest);
  if (last.length === 0 || last.length > 10 || 2 * last.length > count) return null;
  const own = rows.has(edition) ? values(edition) : last;
  return own.length > 0 ? own : last;
}

let record: ChangeRecord | undefined;

/**
 * TI's record of changes 2012-2025 (the bundled panel), as the `record` option of `solveTarget`,
 * `solveWorkstreams` and `scenario` takes it: each source's changes across every country at one
 * precision (as {@link sourceChangeRecord} counts them), a stepped source's levels per edition, and
 * the largest CPI gains. Built on first use, then the same frozen object (each answer memoized).
 *
 * @example
 * const r = changeRecord();
 * r.editions; // => { from: 2012, to: 2025 }
 * r.levels('EIU', 2022); // => [20, 37, 55, 72, 90]
 * solveTarget(thailand, { target: 51, year: 2022, record: r }).feasibility.assessed; // => true
 */
export function changeRecord(): ChangeRecord {
  if (record !== undefined) return record;
  const p = panel();
  const years = [...p.byYear.keys()];
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key) as T;
  };
  const editions = Object.freeze({ from: Math.min(...years), to: Math.max(...years) });
  record = Object.freeze({
    description: `TI's CPI ${editions.from}-${editions.to} (${p.file.file}), every country`,
    editions,
    changes: (source: SourceId, k: number) => once(`c ${source} ${k}`, () => Object.freeze(sourceChanges(source, k))),
    levels: (source: SourceId, edition: number) =>
      once(`l ${source} ${edition}`, () => {
        const levels = levelsOf(p.byYear, source, edition);
        return levels === null ? null : Object.freeze(levels);
      }),
    largestCpiGains: (k: number, top: number) => once(`g ${k} ${top}`, () => Object.freeze(cpiGains(p.byIso3, k, top).map((g) => Object.freeze(g)))),
  });
  return record;
}
