import type { Dataset } from '../dataset/createDataset.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { roundScore } from '../methodology/roundScore.js';
import { steppedSeries } from './steppedSeries.js';
import type { TrendWarning } from './trend.js';

/** One observation of a yearly series. */
export interface SeriesPoint {
  readonly year: number;
  readonly value: number;
}

/**
 * The CPI of each year: the dataset's published score, or where none is published, the sources'
 * mean rounded as TI rounds it. Years with either, ascending. (Internal: not exported by the layer.)
 */
export function cpiSeries(dataset: Dataset): SeriesPoint[] {
  const years = [...new Set([...dataset.years, ...dataset.cpi.map((c) => c.year)])].sort((a, b) => a - b);
  return years.map((year) => {
    const published = dataset.cpi.find((c) => c.year === year);
    if (published !== undefined) return { year, value: published.score };
    const values = dataset.scores.filter((s) => s.year === year).map((s) => s.value);
    return { year, value: roundScore(values.reduce((a, b) => a + b, 0) / values.length) };
  });
}

/** One source's scores by year, ascending. */
export function sourceSeries(dataset: Dataset, source: SourceId): SeriesPoint[] {
  return dataset.scores.filter((s) => s.source === source).map((s) => ({ year: s.year, value: s.value }));
}

/**
 * A workstream's series: the mean of its sources' scores in each year where all of them have a
 * score (so that a source entering or leaving does not move the mean). A stepped source (EIU) is
 * read by level on the scale of its last edition (`steppedSeries`), so TI's rescaling moves no
 * workstream; `notes` says so.
 */
export function workstreamSeries(dataset: Dataset, sources: readonly SourceId[]): { points: SeriesPoint[]; notes: TrendWarning[] } {
  const notes: TrendWarning[] = [];
  const bySource = sources.map((id) => {
    const raw = sourceSeries(dataset, id);
    const stepped = steppedSeries(id, raw);
    if (stepped !== null) notes.push(stepped.note);
    return new Map((stepped?.points ?? raw).map((p) => [p.year, p.value]));
  });
  const points = dataset.years.flatMap((year) => {
    const values = bySource.map((m) => m.get(year));
    if (values.some((v) => v === undefined)) return [];
    const present = values as number[];
    return [{ year, value: present.reduce((a, b) => a + b, 0) / present.length }];
  });
  return { points, notes };
}

/** Clip a score to 0..100. */
export function clipScore(value: number): number {
  return Math.min(100, Math.max(0, value));
}
