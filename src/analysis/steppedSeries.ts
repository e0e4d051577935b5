import type { SourceId } from '../dataset/sourceCatalog.js';
import { levelOf, STEPPED_LEVELS } from '../methodology/steppedLevels.js';
import type { SeriesPoint } from './series.js';
import type { TrendWarning } from './trend.js';

/**
 * A stepped source's series (EIU: five levels that TI rescales between editions) read by level
 * (internal): each point becomes its level's value on the scale of the series' last edition, so a
 * country that stayed on its level shows no change, and a move to another level shows as one. With
 * a note (`stepped_levels`) saying so; null when the source is not stepped, a point stands on no
 * level of its edition (a value of one's own), or no point's value changes.
 */
export function steppedSeries(source: SourceId, points: readonly SeriesPoint[]): { points: SeriesPoint[]; note: TrendWarning } | null {
  const last = points[points.length - 1];
  const scale = last === undefined ? undefined : STEPPED_LEVELS[source]?.levels[last.year];
  if (last === undefined || scale === undefined) return null;
  // Each point's level (1 the lowest) and its value on the last edition's scale; a table whose
  // editions differ in their number of levels reads nothing.
  const read: (SeriesPoint & { level: number })[] = [];
  for (const p of points) {
    const level = levelOf(source, p.year, p.value);
    const value = level === null ? undefined : scale[level.index];
    if (level === null || value === undefined) return null;
    read.push({ year: p.year, value, level: level.index + 1 });
  }
  if (read.every((p, i) => p.value === points[i]?.value)) return null;
  const first = read[0]?.level;
  const from = points[0]?.year ?? last.year;
  const path = read.every((p) => p.level === first)
    ? `${source} stayed on level ${first} of ${scale.length} in ${from}-${last.year}: TI rescaled its levels, the country did not move`
    : `its level (1-${scale.length}) by year: ${read.map((p) => `${p.year} ${p.level}`).join(', ')}`;
  const message = `${source} takes ${scale.length} levels that TI rescales between editions: each year is read as its level on the ${last.year} scale (a rescaled level is no change); ${path}`;
  return { points: read.map((p) => ({ year: p.year, value: p.value })), note: { code: 'stepped_levels', message } };
}
