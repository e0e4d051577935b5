import * as z from 'zod';
import { SourceIdSchema } from '../dataset/schema.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { parseInput } from '../errors.js';
import type { DeepReadonly } from '../util/freeze.js';
import { panel, sourceChanges, type PanelRow } from './panel.js';

/**
 * Options of {@link feasibility}: each source's planned gain (points, total over `years`) and its
 * value now (for a stepped source's next level).
 *
 * @example
 * const o: FeasibilityOptions = { gains: [{ source: 'EIU', gain: 14.5, from: 34.49 }], years: 2 };
 * feasibility(o).sources[0]?.nextLevel; // => 50.61
 */
export const FeasibilityOptions = z.strictObject({
  gains: z.array(z.strictObject({ source: SourceIdSchema, gain: z.number().min(-100).max(100), from: z.number().min(0).max(100).optional() })).min(1),
  /** Years over which the gains happen (k). Default 1. */
  years: z.int().min(1).max(13).optional(),
});
export type FeasibilityOptions = z.input<typeof FeasibilityOptions>;

/**
 * A CPI gain in TI's record.
 *
 * @example
 * const g: RecordGain | undefined = feasibility({ gains: [{ source: 'PRS', gain: 5 }] }).largestCpiGains.oneYear[0];
 * [g?.iso3, g?.from, g?.to, g?.points]; // => ['MDV', 2019, 2020, 14]
 */
export interface RecordGain {
  readonly iso3: string;
  readonly from: number;
  readonly to: number;
  readonly points: number;
}

/**
 * What the record says about a planned gain.
 *
 * @example
 * const f: Feasibility = feasibility({ gains: [{ source: 'PRS', gain: 14.5 }] });
 * f.sources[0]?.unprecedented; // => false
 */
export interface Feasibility {
  readonly years: number;
  readonly sources: readonly {
    readonly source: SourceId;
    readonly gain: number;
    /** Share of the source's observed one-year changes (every country, 2012-2025, at one precision) at least gain / years. */
    readonly shareOneYear: number;
    /** Share of its observed `years`-year changes at least `gain` (equal to shareOneYear when years = 1). */
    readonly shareKYear: number;
    /** Largest observed one-year and `years`-year changes of the source. */
    readonly largestOneYear: number;
    readonly largestKYear: number;
    /** Beyond every observed change: gain / years above the largest one-year change and gain above the largest k-year change. */
    readonly unprecedented: boolean;
    /** A stepped source (at most 10 values in its latest edition: EIU, GI, SGI, WB CPIA): its levels, and the lowest level at least `from + gain` (null: above the top, or not stepped, or no `from`). */
    readonly levels: readonly number[] | null;
    readonly nextLevel: number | null;
  }[];
  /** The largest gains of a published CPI score in TI's record over one year and over `years` years. */
  readonly largestCpiGains: { readonly oneYear: readonly RecordGain[]; readonly kYear: readonly RecordGain[] };
}

/** The largest k-year gains of published scores. */
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

/** A stepped source's levels in its latest edition, or null. */
function levelsOf(rows: readonly PanelRow[], source: SourceId): number[] | null {
  const latest = Math.max(...rows.map((r) => r.year));
  const xs = rows.filter((r) => r.year === latest).flatMap((r) => (r.sourceScores[source] === undefined ? [] : [r.sourceScores[source]]));
  const values = [...new Set(xs.map((x) => Math.round(x * 100) / 100))].sort((a, b) => a - b);
  return values.length > 0 && values.length <= 10 && 2 * values.length <= xs.length ? values : null;
}

/**
 * Planned gains against TI's record 2012-2025: for each source, the share of its observed one-year
 * changes (every country, at one precision) as large as the gain a year, and of its k-year changes
 * as large as the gain; an allocation beyond every observed change is `unprecedented`; a stepped
 * source (EIU, whose five levels TI rescales) gets its next reachable level, not an impossible value;
 * and the largest CPI gains in TI's record, for scale. `solveTarget`, `solveWorkstreams` and
 * `scenario` give the gains (the command line prints this beside them).
 *
 * @throws {CpiGapError} naming `feasibility` for an invalid option.
 * @example
 * const f = feasibility({ gains: [{ source: 'EIU', gain: 14.5, from: 34.49 }, { source: 'WEF', gain: 14.5 }] });
 * f.sources.map((s) => s.nextLevel); // => [50.61, null]
 * f.largestCpiGains.oneYear[0]?.points; // => 14
 */
export function feasibility(options: DeepReadonly<FeasibilityOptions>): Feasibility {
  const o = parseInput('feasibility', FeasibilityOptions, options, ['options']);
  const k = o.years ?? 1;
  const p = panel();
  const sources = o.gains.map(({ source, gain, from }) => {
    const one = sourceChanges(source, 1);
    const many = k === 1 ? one : sourceChanges(source, k);
    const share = (xs: number[], x: number): number => (xs.length === 0 ? 0 : xs.filter((d) => d >= x - 1e-9).length / xs.length);
    const largestOneYear = Math.max(0, ...one);
    const largestKYear = Math.max(0, ...many);
    const levels = levelsOf(p.rows, source);
    const next = levels === null || from === undefined ? null : (levels.find((l) => l >= from + gain - 1e-9) ?? null);
    return { source, gain, shareOneYear: share(one, gain / k), shareKYear: share(many, gain), largestOneYear, largestKYear, unprecedented: gain / k > largestOneYear && gain > largestKYear, levels, nextLevel: next };
  });
  return { years: k, sources, largestCpiGains: { oneYear: cpiGains(p.byIso3, 1, 5), kYear: cpiGains(p.byIso3, k, 5) } };
}

