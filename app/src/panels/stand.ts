// Where we stand: country, edition and target; the CPI with its 90% interval and rank; each source's
// score and gap; trends since 2012; the peers.
import { sourceLabel } from '../../../src/index.js';
import { chartContext, gapBarsSpec, peerComparisonSpec, sourceTrendsSpec } from '../../../src/charts/index.js';
import { countries, worldDataset, type PeerRow } from '../../../src/world/index.js';
import type { SourceGap } from '../../../src/index.js';
import { drawChart } from '../chart.js';
import type { Stand } from '../model.js';
import { MAX_CUSTOM_PEERS, type AppState } from '../state.js';
import { el, type Format } from '../ui.js';
import { chartLabels, chartLook, type Update } from './common.js';

/** The ISO3 codes of the panel, for the custom peer list. */
const known = new Set(countries().map((c) => c.iso3));

/** The country picker: Thailand first, then every country of the panel by name. */
function countryPicker(state: AppState, f: Format, update: Update): HTMLElement {
  const all = [...countries()].sort((a, b) => (a.iso3 === 'THA' ? -1 : b.iso3 === 'THA' ? 1 : a.name[f.locale].localeCompare(b.name[f.locale], f.locale)));
  const select = el('select', { id: 'country' }, ...all.map((c) => el('option', { value: c.iso3, selected: c.iso3 === state.country }, c.name[f.locale])));
  select.addEventListener('change', () => {
    update({ country: select.value, year: null, uplifts: {}, levers: {}, solved: null });
  });
  return el('div', { class: 'field' }, el('label', { for: 'country' }, f.L('country')), select);
}

function controls(state: AppState, s: Stand, f: Format, update: Update): HTMLElement {
  const year = el('select', { id: 'edition' }, ...s.editions.map((y) => el('option', { value: String(y), selected: y === s.year }, f.year(y))));
  year.addEventListener('change', () => {
    update({ year: Number(year.value), uplifts: {}, levers: {}, solved: null });
  });
  const target = el('input', { id: 'target', type: 'number', min: '0', max: '100', step: '1', value: String(state.target) });
  target.addEventListener('change', () => {
    if (target.validity.valid && target.value !== '') update({ target: Number(target.value), solved: null });
  });
  const rank = el('input', { id: 'target-rank', type: 'number', min: '1', max: String(s.countries), step: '1', value: s.targetRank === null ? '' : String(s.targetRank) });
  rank.addEventListener('change', () => {
    if (rank.validity.valid && rank.value !== '') update({ rank: Number(rank.value) });
  });
  return el(
    'div',
    { class: 'controls' },
    countryPicker(state, f, update),
    el('div', { class: 'field' }, el('label', { for: 'edition' }, f.L('edition')), year),
    el('div', { class: 'field' }, el('label', { for: 'target' }, f.L('targetScore')), target),
    el('div', { class: 'field' }, el('label', { for: 'target-rank' }, f.L('targetRank')), rank),
  );
}

/** The headline figures: TI's published score, its 90% interval and rank. */
function headline(s: Stand, f: Format): HTMLElement {
  const card = (key: Parameters<Format['L']>[0], value: string, id: string): HTMLElement => el('div', { class: 'card' }, el('div', { class: 'card-label' }, f.L(key)), el('div', { class: 'card-value', id }, value));
  return el(
    'div',
    { class: 'cards' },
    card('cpi', f.num(s.row.score), 'cpi-score'),
    card('interval', `${f.num(s.row.lower, 2)} – ${f.num(s.row.upper, 2)}`, 'cpi-interval'),
    card('rank', `${f.num(s.row.rank)} ${f.t('of')} ${f.num(s.countries)}`, 'cpi-rank'),
    card('gapToTarget', f.signed(s.gap.evenUplift, 2), 'even-uplift'),
    s.scoreForRank === null ? null : card('scoreForRank', f.num(s.scoreForRank), 'score-for-rank'),
  );
}

export async function standPanel(state: AppState, s: Stand, f: Format, update: Update): Promise<HTMLElement> {
  const look = chartLook(state);
  const labels = chartLabels(f);
  const sourceName = (id: SourceGap['source']): string => sourceLabel(s.dataset, id, state.locale);
  const gapTable = {
    id: 'source-gaps',
    caption: f.t('sourcesTitle'),
    columns: [
      { header: f.t('source'), value: (g: SourceGap) => sourceName(g.source) },
      { header: f.t('score'), value: (g: SourceGap) => f.num(g.score, 2), align: 'right' as const },
      { header: f.t('gap'), value: (g: SourceGap) => f.num(g.gap, 2), align: 'right' as const },
    ],
    rows: s.gaps,
  };
  const world = worldDataset(s.row.iso3);
  const trendRows = world.scores.map((p) => ({ ...p }));
  const trendTable = {
    id: 'source-trends',
    caption: f.t('trendsTitle', { from: f.year(world.years[0] ?? s.year) }),
    columns: [
      { header: f.t('year'), value: (p: (typeof trendRows)[number]) => f.year(p.year) },
      { header: f.t('source'), value: (p: (typeof trendRows)[number]) => sourceLabel(world, p.source, state.locale) },
      { header: f.t('score'), value: (p: (typeof trendRows)[number]) => f.num(p.value, 2), align: 'right' as const },
    ],
    rows: trendRows,
  };
  const peerTable = {
    id: 'peers',
    caption: f.t('peersTitle'),
    columns: [
      { header: f.t('groupRank'), value: (p: PeerRow) => f.num(p.groupRank), align: 'right' as const },
      { header: f.t('country'), value: (p: PeerRow) => p.name[state.locale] },
      { header: f.t('cpi'), value: (p: PeerRow) => f.num(p.score), align: 'right' as const },
      { header: f.t('rank'), value: (p: PeerRow) => f.num(p.rank), align: 'right' as const },
      { header: f.t('difference'), value: (p: PeerRow) => f.signed(p.difference), align: 'right' as const },
    ],
    rows: typeof s.peers === 'string' ? [] : s.peers.peers,
  };
  const [gapChart, trendChart, peerChart] = await Promise.all([
    drawChart('gap-bars', gapBarsSpec(s.gaps, { ...chartContext(s.dataset, { year: s.year }), ...look }), gapTable, labels, true),
    drawChart('source-trends', sourceTrendsSpec(world, { ...chartContext(world), ...look }), trendTable, labels),
    typeof s.peers === 'string' ? el('p', { class: 'error', role: 'alert', id: 'peers-error' }, s.peers) : drawChart('peers', peerComparisonSpec(s.peers, look), peerTable, labels),
  ]);
  const group = el('select', { id: 'peer-group' }, ...(['asean', 'region', 'custom'] as const).map((g) => el('option', { value: g, selected: g === state.peers }, f.t(g))));
  group.addEventListener('change', () => {
    update({ peers: group.value as AppState['peers'] });
  });
  const custom = el('input', { id: 'peer-list', type: 'text', value: state.custom.join(','), autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'peer-list-note' });
  const note = el('span', { id: 'peer-list-note', class: 'note', 'aria-live': 'polite' });
  custom.addEventListener('change', () => {
    const codes = custom.value.toUpperCase().split(/[\s,]+/).filter((c) => c !== '').slice(0, MAX_CUSTOM_PEERS);
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      note.textContent = `${f.t('unknownCodes')}: ${unknown.join(', ')}`;
      return;
    }
    if (codes.length >= 1) update({ custom: codes, peers: 'custom' });
  });
  return el(
    'section',
    { id: 'stand', 'aria-labelledby': 'stand-title' },
    el('h2', { id: 'stand-title' }, f.L('standTitle')),
    controls(state, s, f, update),
    headline(s, f),
    el('h3', {}, f.L('sourcesTitle')),
    gapChart,
    el('div', { class: 'print-skip' }, el('h3', {}, f.L('trendsTitle', { from: f.year(world.years[0] ?? s.year) })), trendChart),
    el('h3', {}, f.L('peersTitle')),
    el(
      'div',
      { class: 'controls' },
      el('div', { class: 'field' }, el('label', { for: 'peer-group' }, f.L('peerGroup')), group),
      el('div', { class: 'field wide' }, el('label', { for: 'peer-list' }, f.L('customList')), custom, note),
    ),
    peerChart,
  );
}

