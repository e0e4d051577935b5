import * as z from 'zod/mini';
import type { SourceId } from '../dataset/sourceCatalog.js';

/**
 * A CPI gain in TI's record: a country's published score from one edition to a later one.
 *
 * @example
 * const g: RecordGain = { iso3: 'MDV', from: 2019, to: 2020, points: 14 };
 * g.points; // => 14
 */
export interface RecordGain {
  readonly iso3: string;
  readonly from: number;
  readonly to: number;
  readonly points: number;
}

/**
 * The record planned gains are set against: every country's changes, per source and of the CPI.
 * `changeRecord()` of cpi-gap/world gives TI's CPI 2012-2025 (memoized and frozen); the core only
 * reads this interface, so it never loads the panel. Pass it as the `record` option of
 * {@link solveTarget}, {@link solveWorkstreams} and {@link scenario}.
 *
 * @example
 * const record: ChangeRecord = { description: 'two changes', editions: { from: 2020, to: 2021 }, changes: () => [1, 3], levels: () => null, largestCpiGains: () => [] };
 * solveTarget(thailand, { target: 34, record }).feasibility.assessed; // => true
 */
export interface ChangeRecord {
  /** What the record holds and where it comes from (printed with every assessment). */
  readonly description: string;
  /** The editions it spans. */
  readonly editions: { readonly from: number; readonly to: number };
  /** A source's changes from each edition to the edition `k` later, across every country, at one precision. */
  changes(source: SourceId, k: number): readonly number[];
  /** A stepped source's levels in an edition (the record's latest when it lacks the edition), ascending; null when the source is not stepped. */
  levels(source: SourceId, edition: number): readonly number[] | null;
  /** The `top` largest `k`-year gains of a published CPI score, largest first. */
  largestCpiGains(k: number, top: number): readonly RecordGain[];
}

/**
 * The `record` option's check: an object with the fields and methods of {@link ChangeRecord}.
 * Internal. (A plain `z.check` on `z.unknown()` rather than `z.custom`, whose schema class would add
 * 0.2 kB to the core's browser bundle; the cast only names the type the check has established.)
 */
export const ChangeRecordSchema = z.unknown().check(
  z.check((ctx) => {
    const v = ctx.value;
    const r = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
    const ok = r !== undefined && typeof r['description'] === 'string' && typeof r['editions'] === 'object' && ['changes', 'levels', 'largestCpiGains'].every((m) => typeof r[m] === 'function');
    if (!ok) ctx.issues.push({ code: 'custom', input: v, message: 'expected a change record (changeRecord() of cpi-gap/world)' });
  }),
) as unknown as z.ZodMiniType<ChangeRecord, ChangeRecord>;

/**
 * One source's planned gain against the record.
 *
 * @example
 * const s: SourceFeasibility | undefined = feasibility({ gains: [{ source: 'PRS', gain: 5 }] }).sources[0];
 * s?.unprecedented; // => false
 */
export interface SourceFeasibility {
  readonly source: SourceId;
  /** The planned gain (points over `years`). */
  readonly gain: number;
  /** `gain / years`. */
  readonly perYear: number;
  /** Share of the source's observed one-year changes (every country, at one precision) at least `perYear`. */
  readonly shareOneYear: number;
  /** Share of its observed `years`-year changes at least `gain` (equal to shareOneYear when years = 1). */
  readonly shareKYear: number;
  /** Largest observed one-year and `years`-year changes of the source. */
  readonly largestOneYear: number;
  readonly largestKYear: number;
  /** Beyond every observed change: `perYear` above the largest one-year change and `gain` above the largest k-year change. */
  readonly unprecedented: boolean;
  /** A stepped source (EIU, GI, SGI, WB CPIA): its levels in the edition the gain starts from (the record's latest when it lacks it); null otherwise. */
  readonly levels: readonly number[] | null;
  /** The lowest level at least `from + gain`, the value the source can actually take (null: above the top, not stepped, or no `from`). */
  readonly nextLevel: number | null;
}

/**
 * Planned gains against a {@link ChangeRecord}: `assessed: true`, the record's description, the
 * years, each source's {@link SourceFeasibility}, and the largest CPI gains in the record.
 *
 * @example
 * const f = feasibility({ gains: [{ source: 'PRS', gain: 14.5 }] });
 * f.assessed; // => true
 * f.largestCpiGains.oneYear[0]?.points; // => 14
 */
export interface Feasibility {
  readonly assessed: true;
  /** The record's description. */
  readonly record: string;
  readonly years: number;
  /** Sources with a positive planned gain, in the order given. */
  readonly sources: readonly SourceFeasibility[];
  /** The largest gains of a published CPI score in the record over one year and over `years` years. */
  readonly largestCpiGains: { readonly oneYear: readonly RecordGain[]; readonly kYear: readonly RecordGain[] };
}

/**
 * The `feasibility` of a result computed without a record: `assessed: false` and why (never a
 * silent guess). Pass `record: changeRecord()` (cpi-gap/world) to assess.
 *
 * @example
 * const f: RecordFeasibility = solveTarget(thailand, { target: 51 }).feasibility;
 * f.assessed; // => false
 */
export interface NotAssessed {
  readonly assessed: false;
  readonly note: string;
}

/**
 * What a solver or scenario result says of its gains against the record: {@link Feasibility}
 * when a `record` was given, else {@link NotAssessed}.
 *
 * @example
 * const f: RecordFeasibility = scenario(thailand, { baseYear: 2025, until: 2026, changes: [] }).feasibility;
 * f.assessed ? f.sources.length : f.note; // => 'not assessed: no change record was given (pass { record: changeRecord() } from cpi-gap/world to compare each gain with TI\'s record)'
 */
export type RecordFeasibility = Feasibility | NotAssessed;

/** The note of a result computed without a record. Internal. */
export const NOT_ASSESSED: NotAssessed = Object.freeze({
  assessed: false,
  note: "not assessed: no change record was given (pass { record: changeRecord() } from cpi-gap/world to compare each gain with TI's record)",
});

/** Tolerance for a gain equal to an observed change or a level (floating-point noise). */
const EPS = 1e-9;

/**
 * Planned gains against a record (internal: `feasibility` of cpi-gap/world and the solvers call
 * it). Sources with no positive gain are left out. `edition` is the edition the gains start from
 * (for a stepped source's levels).
 */
export function feasibilityOf(record: ChangeRecord, gains: readonly { readonly source: SourceId; readonly gain: number; readonly from?: number | undefined }[], years: number, edition: number): Feasibility {
  const k = Math.max(1, years);
  const share = (xs: readonly number[], x: number): number => (xs.length === 0 ? 0 : xs.filter((d) => d >= x - EPS).length / xs.length);
  const sources = gains
    .filter((g) => g.gain > 0)
    .map(({ source, gain, from }): SourceFeasibility => {
      const one = record.changes(source, 1);
      const many = k === 1 ? one : record.changes(source, k);
      const largestOneYear = Math.max(0, ...one);
      const largestKYear = Math.max(0, ...many);
      const levels = record.levels(source, edition);
      const nextLevel = levels === null || from === undefined ? null : (levels.find((l) => l >= from + gain - EPS) ?? null);
      const perYear = gain / k;
      return { source, gain, perYear, shareOneYear: share(one, perYear), shareKYear: share(many, gain), largestOneYear, largestKYear, unprecedented: perYear > largestOneYear && gain > largestKYear, levels, nextLevel };
    });
  return { assessed: true, record: record.description, years: k, sources, largestCpiGains: { oneYear: record.largestCpiGains(1, 5), kYear: record.largestCpiGains(k, 5) } };
}

/** The result's `feasibility`: assessed against `record`, or {@link NOT_ASSESSED}. Internal. */
export function assess(record: ChangeRecord | undefined, gains: Parameters<typeof feasibilityOf>[1], years: number, edition: number): RecordFeasibility {
  return record === undefined ? NOT_ASSESSED : feasibilityOf(record, gains, years, edition);
}
