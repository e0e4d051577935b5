/**
 * The shapes of the analysis records the spec builders read, checked at each builder's door so
 * that a wrong or broken record is a CpiGapError naming the field, never a TypeError or NaN in a
 * spec. Loose objects: a record may carry more fields (records that went through JSON pass too).
 */
import { z } from 'zod';
import { Provenance, SourceIdSchema } from '../dataset/schema.js';
import { parseInput } from '../errors.js';

const score = z.number().min(0).max(100);
const year = z.int().min(1995).max(2200);

const SourceGapRecord = z.looseObject({ source: SourceIdSchema, year, score, target: z.number(), gap: z.number(), gapRank: z.int(), workstreams: z.array(z.int()), origin: Provenance });
const WorkstreamGapRecord = z.looseObject({
  workstream: z.int(),
  year,
  target: z.number(),
  sources: z.array(z.looseObject({ source: SourceIdSchema, score, gap: z.number(), alsoIn: z.array(z.int()) })),
  gapSum: z.number(),
  gapMean: z.number().nullable(),
  sharedSources: z.array(SourceIdSchema),
});
const CpiGapRecord = z.looseObject({ year, target: z.number(), n: z.int().min(1), sum: z.number(), mean: z.number(), neededMean: z.number(), totalUplift: z.number(), origin: Provenance.nullable() });
const ScoreRecord = z.looseObject({ source: SourceIdSchema, year, value: score, origin: Provenance.optional() });
const TrendInputRecord = z.looseObject({
  scores: z.array(ScoreRecord),
  cpi: z.array(z.looseObject({ year, score, origin: Provenance.optional(), ti: z.looseObject({ lower: z.number(), upper: z.number(), origin: Provenance.optional() }).optional() })).optional(),
  targets: z.array(z.looseObject({ year, score })).optional(),
});
const WaterfallRecord = z.looseObject({
  year,
  target: z.number(),
  n: z.int().min(1),
  mean: z.number(),
  neededMean: z.number(),
  totalUplift: z.number(),
  steps: z.array(
    z.looseObject({
      kind: z.enum(['start', 'workstream', 'unassigned', 'end']),
      workstream: z.int().nullable(),
      shares: z.array(z.looseObject({ source: SourceIdSchema, fraction: z.number(), points: z.number() })),
      points: z.number(),
      cpiPoints: z.number(),
      from: z.number(),
      to: z.number(),
    }),
  ),
  origins: z.array(Provenance.nullable()),
});
const RankPositionRecord = z.looseObject({
  year,
  countries: z.int().min(1),
  distribution: z.array(z.looseObject({ score, count: z.int().min(0) })),
  score,
  rank: z.int().min(1),
  targets: z.array(z.looseObject({ rank: z.int().min(1), score })),
  origin: Provenance.nullable(),
});
const SimulationYearRecord = z.looseObject({
  year,
  quantiles: z.looseObject({ q05: z.number(), q25: z.number(), q50: z.number(), q75: z.number(), q95: z.number() }),
  median: z.number(),
  pTarget: z.number().min(0).max(1),
});

const RECORDS = {
  sourceGaps: z.array(SourceGapRecord),
  workstreamGaps: z.array(WorkstreamGapRecord),
  cpiGap: CpiGapRecord,
  scores: z.array(ScoreRecord),
  trendInput: TrendInputRecord,
  waterfall: WaterfallRecord,
  rankPosition: RankPositionRecord,
  simulationYears: z.array(SimulationYearRecord),
};

/** Check a builder's record argument against its shape; returns it unchanged (the caller's object). */
export function checkRecords<T>(fn: string, kind: keyof typeof RECORDS, value: T, path: readonly (string | number)[]): T {
  parseInput(fn, RECORDS[kind], value, path);
  return value;
}
