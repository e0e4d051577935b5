/**
 * The groups of each grouping of the plan ({@link PLAN_GROUPINGS}), in the seed's order, each with
 * the listings it holds, and the listings that count when each project counts once in the whole
 * plan. The budget roll-ups and the progress roll-ups both take their groups from here.
 */
import { thailand } from '../dataset/thailand.js';
import { PLAN_TITLE } from '../i18n/labels.js';
import { countOnce, projectOf, type PlanGrouping } from './grouping.js';
import { plan } from './plan.js';

type Listing = (typeof plan.projects)[number];
type Source = (typeof thailand.sources)[number];
type SeedNamedSource = Source & { readonly seed: NonNullable<Source['seed']> };
type Workstream = (typeof thailand.workstreams)[number];
type ThaiNamedWorkstream = Workstream & { readonly name: { readonly th: string } };

/** A group's key and names, as every roll-up row of it (budget or progress) begins. Internal. */
export interface GroupName {
  /** Workstream number, approach id, measure id, agency name or source id, as text; `'all'` for the whole plan. */
  readonly key: string;
  /** Thai name of the group. */
  readonly name: string;
  /** English name where known. */
  readonly nameEn?: string;
  readonly workstream?: number;
}

/** One group of a grouping: its names, and the ids of the listings it holds. Internal. */
export interface PlanGroup {
  readonly names: GroupName;
  /** Ids of the listings in the group (a project printed under several measures has one per listing). */
  readonly listings: ReadonlySet<string>;
}

/** The whole plan as one group (the roll-ups' totals). Internal. */
export const WHOLE_PLAN: GroupName = Object.freeze({ key: 'all', name: PLAN_TITLE.th, nameEn: PLAN_TITLE.en });

function group(key: string, name: string, members: (p: Listing) => boolean, extra: { nameEn?: string | undefined; workstream?: number | undefined } = {}): PlanGroup {
  return {
    names: {
      key,
      name,
      ...(extra.nameEn === undefined ? {} : { nameEn: extra.nameEn }),
      ...(extra.workstream === undefined ? {} : { workstream: extra.workstream }),
    },
    listings: new Set(plan.projects.filter(members).map((p) => p.id)),
  };
}

/** Workstreams that answer a source, in the bundled `thailand` dataset. */
function workstreamsOf(source: Source['id']): number[] {
  return thailand.workstreams.filter((w) => w.sources.includes(source)).map((w) => w.number);
}

/**
 * The groups of a grouping, in the seed's order: the four workstreams (named as the bundled
 * `thailand` dataset names them, in Thai and English), the 13 approaches, the 36
 * measures (those without a project too), the agencies that some project names (in the order of
 * `plan.agencies`), and Thailand's nine sources (each holding the projects of the workstreams that
 * answer it). Internal.
 */
export function planGroups(by: PlanGrouping): PlanGroup[] {
  switch (by) {
    case 'workstream':
      return thailand.workstreams
        .filter((w): w is ThaiNamedWorkstream => w.name.th !== undefined)
        .map((w) => group(String(w.number), w.name.th, (p) => p.workstream === w.number, { nameEn: w.name.en, workstream: w.number }));
    case 'approach':
      return plan.approaches.map((a) => group(a.id, a.name, (p) => p.workstream === a.workstream && p.approach === a.number, { workstream: a.workstream }));
    case 'measure':
      return plan.measures.map((m) => group(m.id, m.name, (p) => p.measureId === m.id, { workstream: m.workstream }));
    case 'agency':
      return plan.agencies
        .map((a) => group(a.name, a.name, (p) => p.agencies.some((x) => x.name === a.name), { nameEn: a.en }))
        .filter((g) => g.listings.size > 0);
    case 'source':
      return thailand.sources
        .filter((s): s is SeedNamedSource => s.seed !== undefined)
        .map((s) => {
          const ws = workstreamsOf(s.id);
          return group(s.id, s.seed.name, (p) => ws.includes(p.workstream), { nameEn: s.name.en });
        });
  }
}

/**
 * The listings that count when each project counts once in the whole plan: {@link countOnce} over
 * the seed's listings, so every listing but the two repeats of the open-data project. Internal.
 */
export const FIRST_LISTINGS: ReadonlySet<string> = new Set(countOnce(plan.projects, projectOf).map((p) => p.id));
