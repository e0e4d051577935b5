import { requiredMean, roundScore } from '../methodology/roundScore.js';

/** Tolerance on totals of points: sums of a dozen scores carry errors far below this. */
export const POINT_TOLERANCE = 1e-9;

/** What {@link levelFill} fills: a source's weight and the most it can take (both >= 0). Internal. */
export interface FillItem {
  readonly weight: number;
  readonly cap: number;
}

/**
 * Water-filling: allocate `total` points as min(weight_i x t, cap_i) with the level t chosen so
 * the allocations add up to `total` (or every weighted source sits at its cap when they cannot).
 * Weights and caps are >= 0. Exact: the level is found on the piecewise-linear sum's breakpoints.
 * Internal.
 *
 * @returns each item with its allocation `alloc`, the level t, and what is left unallocated (0 when `total` fits under the caps).
 */
export function levelFill<T extends FillItem>(items: readonly T[], total: number): { items: (T & { alloc: number })[]; left: number; level: number } {
  if (total <= 0) return { items: items.map((it) => ({ ...it, alloc: 0 })), left: 0, level: 0 };
  const active = (it: FillItem): boolean => it.weight > 0 && it.cap > 0;
  // Breakpoint of an item: the level at which it reaches its cap.
  const breaks = items.filter(active).map((it) => ({ weight: it.weight, at: it.cap / it.weight })).sort((a, b) => a.at - b.at);
  let level = 0;
  let filled = 0; // sum at `level`
  let slope = breaks.reduce((a, b) => a + b.weight, 0);
  for (const b of breaks) {
    const atBreak = filled + slope * (b.at - level);
    if (atBreak >= total) break;
    filled = atBreak;
    level = b.at;
    slope -= b.weight;
  }
  if (slope > 0) level += (total - filled) / slope;
  const out = items.map((it) => ({ ...it, alloc: active(it) ? Math.min(it.weight * level, it.cap) : 0 }));
  const left = total - out.reduce((a, it) => a + it.alloc, 0);
  return { items: out, left: left > POINT_TOLERANCE ? left : 0, level };
}

/**
 * How far an allocation that moved the sources' sum by `delivered` falls short of `target`.
 *
 * @example
 * const s: Shortfall = solveTarget(thailand, { target: 51, year: 2025, strategy: 'bounded', bounds: 10 }).shortfall;
 * s.score; // => 8
 * s.mean.toFixed(2); // => '7.39'
 */
export interface Shortfall {
  /** Points of source sum still missing. */
  readonly points: number;
  /** Points of unrounded mean still missing (`points / n`). */
  readonly mean: number;
  /** Target score minus the rounded score the allocation reaches (0 when it reaches it). */
  readonly score: number;
}

/** The shortfall of a mean against an integer target, respecting TI's rounding. Internal. */
export function shortfallOf(target: number, n: number, newMean: number): Shortfall {
  const gap = requiredMean(target) - newMean;
  const mean = gap > POINT_TOLERANCE ? gap : 0;
  return { points: mean * n, mean, score: Math.max(0, target - roundScore(newMean)) };
}
