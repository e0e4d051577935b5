import planWorkstreams from '../../data/thailand/workstreams.json';
import type { SourceId } from '../dataset/sourceCatalog.js';
import type { WorkstreamName } from './options.js';

/**
 * The names of the FY2023 plan's workstreams (the seed's, as the bundled Thailand dataset holds them)
 * when the records map their sources to workstreams exactly as that plan does, so a chart drawn
 * without `chartContext` still names them; none for records of another plan.
 */
export function planWorkstreamNames(records: readonly { readonly source: SourceId; readonly workstreams: readonly number[] }[]): WorkstreamName[] {
  const sameAsPlan = records.every((r) => {
    const planned = planWorkstreams.filter((w) => (w.sources as readonly string[]).includes(r.source)).map((w) => w.number);
    return planned.length === r.workstreams.length && planned.every((n) => r.workstreams.includes(n));
  });
  return sameAsPlan ? planWorkstreams.map((w) => ({ number: w.number, name: { en: w.name.en, th: w.name.th } })) : [];
}
