import { InvalidArgumentError, Option, type Command } from 'commander';
import { sourceAbbreviation, sourceLabel, yearLabel, type Era, type Locale } from '../../i18n/labels.js';
import { provenanceLine } from '../../report/gapReport.js';
import { fmt, renderRows, textTable, type Column } from '../../util/table.js';
import { DEFAULT_PEER_GROUP, Iso3List, NamedPeerGroup, type PeerComparison, type PeerGroup, type PeerRow, type PeerSourceGap } from '../../world/records.js';
import { RegionCode, regionCodeOf } from '../../world/regions.js';
import { emit, withCommonFlags, type CliIo, type CommonFlags } from '../common.js';
import { countryDataset, withCountryFlag, type CountryFlag } from '../country.js';

/** What `--group` takes, from the library's lists. */
const GROUP_CHOICES = `${NamedPeerGroup.options.join(', ')}, a TI region (${RegionCode.options.join(', ')}) or ISO3 codes separated by commas`;

/** Parse `--group`: a named group (asean, region), a TI region (AP, WE/EU...; any case), or ISO3 codes separated by commas. */
function groupFlag(value: string): PeerGroup {
  const named = NamedPeerGroup.safeParse(value.trim().toLowerCase());
  if (named.success) return named.data;
  const region = regionCodeOf(value);
  if (region !== undefined) return region;
  const codes = Iso3List.safeParse(value.split(',').map((c) => c.trim()));
  if (codes.success) return codes.data.map((c) => c.toUpperCase());
  throw new InvalidArgumentError(`--group must be ${GROUP_CHOICES}, got "${value}"`);
}

/** The `--group` flag of `cpi-gap peers` and `cpi-gap chart peers` (default: the library's, the country's TI region). */
export function groupOption(command: string): Option {
  return new Option('--group <group>', `${command}: ${GROUP_CHOICES} (region: the country's TI region)`).argParser(groupFlag).default(DEFAULT_PEER_GROUP);
}

/** The words of this command's tables and text, in English and Thai (listed in docs/i18n/th-glossary.md). */
export const WORDS = {
  en: {
    rank: 'Rank', country: 'Country', score: 'Score', ci: '90% CI', world: 'World rank', difference: 'Difference', p: 'p value', tied: 'Tied', yes: 'yes', no: 'no',
    source: 'Source', peers: 'Peers', peerMedian: "Peers' median", peerBest: "Peers' best", gap: 'Gap', above: 'Peers above',
    title: (c: PeerComparison, name: string, group: string, year: string) => `${name} among ${group}, CPI ${year}: ${c.groupRank} of ${c.groupSize} (world rank ${c.rank} of ${c.countries})`,
    summary: (c: PeerComparison, best: string) =>
      `Score ${c.score}; group median ${fmt(c.median)} (${fmt(c.toMedian)}); best ${c.best.score}, ${best} (${c.toBest}); statistically tied with ${c.tied} of ${c.groupSize - 1} peers (${c.significance.test === 'welch' ? 'Welch' : c.significance.test} test, ${c.significance.alpha * 100}% level).`,
    lagging: (ids: string) => (ids === '' ? 'It lags its peers on no source.' : `It lags its peers most on: ${ids}.`),
    unscored: (ids: string) => `Not scored this edition: ${ids}.`,
  },
  th: {
    rank: 'อันดับ', country: 'ประเทศ', score: 'คะแนน', ci: 'ช่วงความเชื่อมั่น 90%', world: 'อันดับโลก', difference: 'ผลต่าง', p: 'ค่า p', tied: 'ไม่แตกต่างอย่างมีนัยสำคัญ', yes: 'ใช่', no: 'ไม่',
    source: 'แหล่งข้อมูล', peers: 'จำนวนประเทศเทียบ', peerMedian: 'ค่ามัธยฐานของกลุ่ม', peerBest: 'ค่าสูงสุดของกลุ่ม', gap: 'ช่องว่าง', above: 'ประเทศที่สูงกว่า',
    title: (c: PeerComparison, name: string, group: string, year: string) => `${name} ในกลุ่ม${group} CPI ปี ${year}: อันดับ ${c.groupRank} จาก ${c.groupSize} (อันดับโลก ${c.rank} จาก ${c.countries})`,
    summary: (c: PeerComparison, best: string) =>
      `คะแนน ${c.score} ค่ามัธยฐานของกลุ่ม ${fmt(c.median)} (${fmt(c.toMedian)}) สูงสุด ${c.best.score} คือ ${best} (${c.toBest}) ไม่แตกต่างอย่างมีนัยสำคัญทางสถิติกับ ${c.tied} จาก ${c.groupSize - 1} ประเทศ (การทดสอบ ${c.significance.test === 'welch' ? 'Welch' : c.significance.test} ระดับ ${c.significance.alpha * 100}%)`,
    lagging: (ids: string) => (ids === '' ? 'ไม่มีแหล่งข้อมูลที่ต่ำกว่ากลุ่ม' : `แหล่งข้อมูลที่ต่ำกว่ากลุ่มมากที่สุด: ${ids}`),
    unscored: (ids: string) => `ไม่ได้รับการประเมินในปีนี้: ${ids}`,
  },
} as const;

function name(n: { readonly en: string; readonly th: string }, lang: Locale): string {
  return lang === 'th' ? n.th : n.en;
}

function peerColumns(lang: Locale): Column<PeerRow>[] {
  const w = WORDS[lang];
  return [
    { header: w.rank, value: (r) => String(r.groupRank), align: 'right' },
    { header: w.country, value: (r) => `${name(r.name, lang)}${r.self ? ' *' : ''}` },
    { header: 'ISO3', value: (r) => r.iso3 },
    { header: w.score, value: (r) => String(r.score), align: 'right' },
    { header: w.ci, value: (r) => `${fmt(r.lower, 1)}-${fmt(r.upper, 1)}`, align: 'right' },
    { header: w.world, value: (r) => String(r.rank), align: 'right' },
    { header: w.difference, value: (r) => (r.self ? '' : String(r.difference)), align: 'right' },
    { header: w.p, value: (r) => (r.pValue === null ? '' : r.pValue.toFixed(3)), align: 'right' },
    { header: w.tied, value: (r) => (r.tied === null ? '' : r.tied ? w.yes : w.no) },
  ];
}

function sourceColumns(lang: Locale): Column<PeerSourceGap>[] {
  const w = WORDS[lang];
  return [
    { header: w.source, value: (s) => sourceLabel(null, s.source, lang) },
    { header: w.score, value: (s) => fmt(s.score), align: 'right' },
    { header: w.peers, value: (s) => String(s.peers), align: 'right' },
    { header: w.peerMedian, value: (s) => fmt(s.peerMedian), align: 'right' },
    { header: w.peerBest, value: (s) => fmt(s.peerBest), align: 'right' },
    { header: w.gap, value: (s) => fmt(s.gap), align: 'right' },
    { header: w.above, value: (s) => String(s.above), align: 'right' },
  ];
}

/** The comparison as text: title, summary, the members, the sources, the provenance. */
function peersText(c: PeerComparison, lang: Locale, era: Era): string {
  const w = WORDS[lang];
  const bestNames = c.peers.filter((p) => c.best.iso3.includes(p.iso3)).map((p) => name(p.name, lang)).join(', ');
  return [
    w.title(c, name(c.name, lang), name(c.group.name, lang), yearLabel(c.year, era)),
    w.summary(c, bestNames),
    '',
    textTable(peerColumns(lang), c.peers),
    ...(c.group.unscored.length > 0 ? [w.unscored(c.group.unscored.join(', '))] : []),
    '',
    textTable(sourceColumns(lang), c.sources),
    w.lagging(c.lagging.map((id) => sourceAbbreviation(null, id)).join(', ')),
    '',
    provenanceLine(c.origins, lang),
  ].join('\n');
}

/** `cpi-gap peers`: a country among its peers (ASEAN, its TI region, or a list), one edition. */
export function peersCommand(program: Command, io: CliIo): void {
  withCountryFlag(withCommonFlags(program.command('peers'), { target: false }))
    .description("a country among its peers in one CPI edition: rank and score in the group, distance to the median and the best, the sources it lags on, the peers it is statistically tied with")
    .addOption(groupOption('the peer group'))
    .addHelpText(
      'after',
      [
        '',
        'ASEAN counts Timor-Leste from CPI 2025 (it joined in October 2025).',
        "Every member's values, the country's too, are TI's published results from the bundled world panel",
        "(for Thailand 2017-2022: TI's values, not the seed's integers), in any edition 2012-2025.",
        '',
        'Examples:',
        '  cpi-gap peers --country THA --group asean',
        '  cpi-gap peers --group asean --year 2015',
        '  cpi-gap peers --group region --year 2022 --lang th --era be',
        '  cpi-gap peers --country IDN --group THA,MYS,VNM,PHL --format csv',
        '  cpi-gap peers --country "South Korea" --group AP --format json --out kor-peers.json',
      ].join('\n'),
    )
    .action(async (flags: Omit<CommonFlags, 'target'> & CountryFlag & { group: PeerGroup }) => {
      // Every member's values, the country's too, are TI's from the world panel (Thailand included:
      // TI's values, not the seed's integers), so that all are measured alike in every edition.
      const iso3 = (await countryDataset('peers', flags.country)).country.iso3;
      const { peerComparison } = await import('../../world/peerComparison.js');
      const c = peerComparison(iso3, { group: flags.group, ...(flags.year === undefined ? {} : { year: flags.year }) });
      const text = flags.format === 'table' ? peersText(c, flags.lang, flags.era) : flags.format === 'json' ? JSON.stringify(c, null, 2) : renderRows(peerColumns(flags.lang), c.peers, 'csv');
      await emit(io, text, flags.out);
    });
}
