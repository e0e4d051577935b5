import * as z from 'zod/mini';
import { thailand } from '../dataset/thailand.js';
import { THAILAND_SOURCE_IDS, type SourceId } from '../dataset/sourceCatalog.js';
import { parseInput } from '../errors.js';
import { plan } from './plan.js';

/**
 * One of the nine sources that assess Thailand (IMD, WEF, PERC, WJP, GI, PRS, EIU, VDEM, BTI).
 *
 * @example
 * ThaiSourceId.options.length; // => 9
 * ThaiSourceId.safeParse('BF_SGI').success; // => false (a CPI source, but not one of Thailand's)
 */
export const ThaiSourceId = z.enum(THAILAND_SOURCE_IDS);

/** Workstreams that answer a source, from the bundled `thailand` dataset. */
function workstreamsOf(fn: string, source: unknown): number[] {
  const id: SourceId = parseInput(fn, ThaiSourceId, source, ['source']);
  return thailand.workstreams.filter((w) => w.sources.includes(id)).map((w) => w.number);
}

/**
 * The projects aimed at a source: those of the workstreams the seed maps to it (WS1 <- GI, IMD,
 * PRS, WEF; WS2 <- BTI, EIU, PRS, WJP; WS3 <- EIU, WEF; WS4 <- BTI, PERC, VDEM), in the seed's
 * order. Repeat listings (`sameAs`) are included; filter them out to count each project once.
 *
 * @throws {CpiGapError} when `source` is not one of the nine.
 * @example
 * projectsForSource('PERC').length; // => 17 (workstream 4)
 * projectsForSource('WEF').length; // => 66 (workstreams 1 and 3)
 */
export function projectsForSource(source: SourceId): (typeof plan.projects)[number][] {
  const ws = workstreamsOf('projectsForSource', source);
  return plan.projects.filter((p) => ws.includes(p.workstream));
}

/**
 * The measures aimed at a source, through the same workstream mapping as {@link projectsForSource}.
 *
 * @throws {CpiGapError} when `source` is not one of the nine.
 * @example
 * measuresForSource('PRS').length; // => 21 (16 + 5)
 */
export function measuresForSource(source: SourceId): (typeof plan.measures)[number][] {
  const ws = workstreamsOf('measuresForSource', source);
  return plan.measures.filter((m) => ws.includes(m.workstream));
}
