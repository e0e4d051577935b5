import type { Dataset } from '../dataset/createDataset.js';
import type { ChangeRecord, RecordFeasibility } from '../analysis/feasibility.js';
import { sourceAbbreviation, type Locale } from '../i18n/labels.js';
import { fmt, textTable, type Column } from '../util/table.js';

/** The words of the record table, in English and Thai. */
const WORDS = {
  en: {
    title: (k: number) => `Against TI's record 2012-2025 (every country; gains over ${k} year${k === 1 ? '' : 's'}):`,
    source: 'Source', gain: 'Gain', perYear: 'Per year', one: 'Share of 1-yr changes as large', many: (k: number) => `Share of ${k}-yr changes as large`, largest: 'Largest 1-yr', level: 'Next level', flag: 'Record',
    unprecedented: 'UNPRECEDENTED', within: 'within', none: '-',
    cpi: (gains: string) => `Largest one-year CPI gains in TI's record: ${gains}.`,
  },
  th: {
    title: (k: number) => `เทียบกับสถิติของ TI 2012-2025 (ทุกประเทศ; เพิ่มใน ${k} ปี):`,
    source: 'แหล่งข้อมูล', gain: 'เพิ่ม', perYear: 'ต่อปี', one: 'สัดส่วนการเปลี่ยนแปลง 1 ปีที่มากเท่านี้', many: (k: number) => `สัดส่วนการเปลี่ยนแปลง ${k} ปีที่มากเท่านี้`, largest: 'สูงสุดใน 1 ปี', level: 'ระดับถัดไป', flag: 'สถิติ',
    unprecedented: 'ไม่เคยเกิดขึ้น', within: 'อยู่ในสถิติ', none: '-',
    cpi: (gains: string) => `คะแนน CPI ที่เพิ่มขึ้นมากที่สุดใน 1 ปีตามสถิติของ TI: ${gains}`,
  },
} as const;

/** TI's record (the world panel's `changeRecord()`), loaded through `await import()` when a command assesses its gains. */
export async function tiRecord(): Promise<ChangeRecord> {
  const { changeRecord } = await import('../world/changeRecord.js');
  return changeRecord();
}

/**
 * The record table of a result's `feasibility` (`cpi-gap solve`, `cpi-gap scenario`): each source's
 * gain against the share of observed changes as large, the unprecedented flag, a stepped source's
 * next reachable level, and the largest CPI gains; empty when nothing was assessed or gained.
 */
export function recordText(dataset: Dataset, f: RecordFeasibility, lang: Locale): string {
  if (!f.assessed || f.sources.length === 0) return '';
  const w = WORDS[lang];
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  type Row = (typeof f.sources)[number];
  const columns: Column<Row>[] = [
    { header: w.source, value: (r) => sourceAbbreviation(dataset, r.source) },
    { header: w.gain, value: (r) => fmt(r.gain), align: 'right' },
    { header: w.perYear, value: (r) => fmt(r.perYear), align: 'right' },
    { header: w.one, value: (r) => pct(r.shareOneYear), align: 'right' },
    ...(f.years > 1 ? [{ header: w.many(f.years), value: (r: Row) => pct(r.shareKYear), align: 'right' as const }] : []),
    { header: w.largest, value: (r) => fmt(r.largestOneYear), align: 'right' },
    { header: w.level, value: (r) => (r.nextLevel === null ? (r.levels === null ? w.none : '> top') : fmt(r.nextLevel)), align: 'right' },
    { header: w.flag, value: (r) => (r.unprecedented ? w.unprecedented : w.within) },
  ];
  const cpi = f.largestCpiGains.oneYear.slice(0, 3).map((g) => `${g.iso3} ${g.from}-${g.to} +${g.points}`).join(', ');
  return [w.title(f.years), textTable(columns, f.sources), w.cpi(cpi)].join('\n');
}

/** A table's text with the record table after it (a blank line between), or unchanged when there is none. */
export function withRecord(text: string, record: string): string {
  return record === '' ? text : `${text}\n\n${record}`;
}
