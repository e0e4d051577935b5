// The page's whole state, and its text in the URL's hash: a link reproduces the view (it works from
// file:// too, where a query string may be dropped). Unknown or bad values fall back to the default.
import { SOURCE_IDS, type SourceId } from '../../src/index.js';

export type PeerChoice = 'asean' | 'region' | 'custom';
export type Strategy = 'even' | 'cheapest' | 'bounded';
/** How the progress roll-up groups the projects (the library's PLAN_GROUPINGS). */
export const ROLLUPS = ['workstream', 'approach', 'measure', 'agency', 'source'] as const;
export type Rollup = (typeof ROLLUPS)[number];

export interface AppState {
  readonly country: string;
  /** The edition; null for the country's latest. */
  readonly year: number | null;
  readonly target: number;
  /** The target rank; null for the dataset's own (Thailand's plan: 53) or none. */
  readonly rank: number | null;
  readonly locale: 'th' | 'en';
  readonly era: 'be' | 'ce';
  readonly thaiDigits: boolean;
  readonly peers: PeerChoice;
  readonly custom: readonly string[];
  /** Planned change per source, points, delivered the year after the edition. */
  readonly uplifts: Readonly<Partial<Record<SourceId, number>>>;
  /** Planned uplift per workstream lever (Thailand), points to each source the workstream feeds. */
  readonly levers: Readonly<Record<number, number>>;
  /** The cap per source for the bounded strategy. */
  readonly bound: number;
  /** Years shown after the edition. */
  readonly horizon: number;
  /** The strategy that last filled the sliders, for its allocation table. */
  readonly solved: Strategy | null;
  /** The grouping of the progress roll-up. */
  readonly rollup: Rollup;
}

/** The most countries a custom peer list keeps (from a link or the field). */
export const MAX_CUSTOM_PEERS = 60;

export const DEFAULT_STATE: AppState = Object.freeze({
  country: 'THA',
  year: null,
  target: 51,
  rank: null,
  locale: 'th',
  era: 'be',
  thaiDigits: false,
  peers: 'asean',
  custom: Object.freeze(['THA', 'VNM', 'MYS', 'IDN', 'PHL']),
  uplifts: Object.freeze({}),
  levers: Object.freeze({}),
  bound: 10,
  horizon: 3,
  solved: null,
  rollup: 'workstream',
});

const int = (text: string | null, min: number, max: number): number | undefined => {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
};

const points = (text: string): number | undefined => {
  if (!/^-?\d+(\.\d+)?(e-?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return n >= -100 && n <= 100 ? n : undefined;
};

/** Pairs `KEY:value` separated by commas, each kept when both parts are valid. */
function pairs<K extends string | number>(text: string | null, key: (k: string) => K | undefined): [K, number][] {
  if (text === null || text === '') return [];
  // At most one pair per source or workstream of any dataset: a longer list in a link is cut.
  return text.split(',').slice(0, 40).flatMap((pair) => {
    const [k = '', v = ''] = pair.split(':');
    const id = key(k);
    const n = points(v);
    return id === undefined || n === undefined || n === 0 ? [] : [[id, n] as [K, number]];
  });
}

/** The state a hash (`#c=THA&y=2025...`) describes; anything missing or invalid keeps its default. */
export function parseState(hash: string): AppState {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const d = DEFAULT_STATE;
  const pick = <T extends string>(key: string, options: readonly T[], fallback: T): T => {
    const v = q.get(key);
    return options.includes(v as T) ? (v as T) : fallback;
  };
  const country = q.get('c');
  const locale = pick('lang', ['th', 'en'], d.locale);
  const custom = (q.get('peers') ?? '').split(',').slice(0, MAX_CUSTOM_PEERS).filter((c) => /^[A-Z]{3}$/.test(c));
  const solved = q.get('solved');
  return {
    country: country !== null && /^[A-Z]{3}$/.test(country) ? country : d.country,
    year: int(q.get('y'), 2012, 2100) ?? null,
    target: int(q.get('t'), 0, 100) ?? d.target,
    rank: int(q.get('r'), 1, 200) ?? null,
    locale,
    era: pick('era', ['be', 'ce'], locale === 'th' ? 'be' : 'ce'),
    thaiDigits: q.get('digits') === 'th',
    peers: pick('group', ['asean', 'region', 'custom'], d.peers),
    custom: custom.length >= 1 ? custom : d.custom,
    uplifts: Object.fromEntries(pairs(q.get('u'), (k) => (SOURCE_IDS as readonly string[]).includes(k) ? (k as SourceId) : undefined)),
    levers: Object.fromEntries(pairs(q.get('l'), (k) => int(k, 1, 20))),
    bound: int(q.get('b'), 1, 100) ?? d.bound,
    horizon: int(q.get('h'), 1, 10) ?? d.horizon,
    solved: solved === 'even' || solved === 'cheapest' || solved === 'bounded' ? solved : null,
    rollup: pick('by', ROLLUPS, d.rollup),
  };
}

/** The hash of a state: only what differs from the defaults, so links stay short. */
export function stateHash(s: AppState): string {
  const q = new URLSearchParams();
  const d = DEFAULT_STATE;
  if (s.country !== d.country) q.set('c', s.country);
  if (s.year !== null) q.set('y', String(s.year));
  if (s.target !== d.target) q.set('t', String(s.target));
  if (s.rank !== null) q.set('r', String(s.rank));
  if (s.locale !== d.locale) q.set('lang', s.locale);
  if (s.era !== (s.locale === 'th' ? 'be' : 'ce')) q.set('era', s.era);
  if (s.thaiDigits) q.set('digits', 'th');
  if (s.peers !== d.peers) q.set('group', s.peers);
  if (s.custom.join() !== d.custom.join()) q.set('peers', s.custom.join(','));
  const u = Object.entries(s.uplifts).filter(([, v]) => v !== 0);
  if (u.length > 0) q.set('u', u.map(([k, v]) => `${k}:${String(v)}`).join(','));
  const l = Object.entries(s.levers).filter(([, v]) => v !== 0);
  if (l.length > 0) q.set('l', l.map(([k, v]) => `${k}:${String(v)}`).join(','));
  if (s.bound !== d.bound) q.set('b', String(s.bound));
  if (s.horizon !== d.horizon) q.set('h', String(s.horizon));
  if (s.solved !== null) q.set('solved', s.solved);
  if (s.rollup !== d.rollup) q.set('by', s.rollup);
  const text = q.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
  return text === '' ? '' : `#${text}`;
}
