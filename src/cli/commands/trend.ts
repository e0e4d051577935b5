import { Option, type Command } from 'commander';
import { DEFAULT_LEVEL, projectTrend, type TrendProjection } from '../../analysis/projectTrend.js';
import { inWindow, MIN_FIT_POINTS, trend, type TrendFit } from '../../analysis/trend.js';
import type { SourceId } from '../../dataset/sourceCatalog.js';
import { fail } from '../../errors.js';
import { sourceLabel, yearLabel, type Era, type Locale } from '../../i18n/labels.js';
import { fmt, renderRows, type Column } from '../../util/table.js';
import type { Dataset } from '../../dataset/createDataset.js';
import { emit, integer, withCommonFlags, year, type CliIo, type CommonFlags } from '../common.js';
import { countryDataset, withCountryFlag, type CountryFlag } from '../country.js';
import { methodsNote } from '../notes.js';

/** The words of this command's tables and notes, in English and Thai (listed in docs/i18n/th-glossary.md). */
export const WORDS = {
  en: { series: 'Series', from: 'From', to: 'To', n: 'Points', slope: 'Slope per year', r2: 'R squared', sd: 'Residual SD', warnings: 'Warnings', year: 'Year', value: 'Projected', lower: 'Lower', upper: 'Upper', bounded: 'Cut to 0..100', yes: 'yes', cpi: 'CPI score' },
  th: { series: 'ชุดข้อมูล', from: 'ตั้งแต่ปี', to: 'ถึงปี', n: 'จำนวนจุด', slope: 'ความชันต่อปี', r2: 'R กำลังสอง', sd: 'SD ของส่วนเหลือ', warnings: 'คำเตือน', year: 'ปี', value: 'ค่าคาดการณ์', lower: 'ขอบล่าง', upper: 'ขอบบน', bounded: 'ถูกตัดที่ 0..100', yes: 'ใช่', cpi: 'คะแนน CPI' },
} as const;

type TrendFlags = CommonFlags & CountryFlag & { from?: number; to?: number; until?: number; level: number; notes?: boolean };

function seriesLabel(dataset: Dataset, series: string, lang: Locale): string {
  if (series === 'cpi') return WORDS[lang].cpi;
  return sourceLabel(dataset, series as SourceId, lang);
}

function fitColumns(dataset: Dataset, lang: Locale, era: Era): Column<TrendFit>[] {
  const w = WORDS[lang];
  return [
    { header: w.series, value: (f) => seriesLabel(dataset, f.series, lang) },
    { header: w.from, value: (f) => yearLabel(f.from, era), align: 'right' },
    { header: w.to, value: (f) => yearLabel(f.to, era), align: 'right' },
    { header: w.n, value: (f) => String(f.n), align: 'right' },
    { header: w.slope, value: (f) => fmt(f.slope), align: 'right' },
    { header: w.r2, value: (f) => fmt(f.rSquared), align: 'right' },
    { header: w.sd, value: (f) => fmt(f.residualSd), align: 'right' },
    { header: w.warnings, value: (f) => f.warnings.map((x) => x.code).join(' ') },
  ];
}

function projectionColumns(dataset: Dataset, lang: Locale, era: Era): Column<TrendProjection>[] {
  const w = WORDS[lang];
  return [
    { header: w.series, value: (p) => seriesLabel(dataset, p.series, lang) },
    { header: w.year, value: (p) => yearLabel(p.year, era), align: 'right' },
    { header: w.value, value: (p) => fmt(p.value), align: 'right' },
    { header: w.lower, value: (p) => fmt(p.lower), align: 'right' },
    { header: w.upper, value: (p) => fmt(p.upper), align: 'right' },
    { header: w.bounded, value: (p) => (p.bounded ? w.yes : '') },
  ];
}

/**
 * The series fitted when none are named: the CPI and every source with at least `MIN_FIT_POINTS`
 * scores in the window (TI's Bribe Payers Survey, 2012-2013 only, and sources that start or stop are
 * left out, named in one line on stderr).
 */
function defaultSeries(io: CliIo, dataset: Dataset, window: { from?: number; to?: number }): string[] {
  const within = inWindow(window.from, window.to);
  const count = (id: SourceId) => dataset.scores.filter((s) => s.source === id && within(s.year)).length;
  const ids = dataset.sources.map((s) => s.id);
  const few = ids.filter((id) => count(id) < MIN_FIT_POINTS);
  if (few.length > 0) io.stderr(`cpi-gap trend: left out, fewer than ${MIN_FIT_POINTS} scores in the window: ${few.join(', ')}\n`);
  return ['cpi', ...ids.filter((id) => !few.includes(id))];
}

/** `cpi-gap trend [series...]`: least-squares trends of the CPI and the sources, and projections. */
export function trendCommand(program: Command, io: CliIo): void {
  withCountryFlag(withCommonFlags(program.command('trend')))
    .argument('[series...]', "what to fit: 'cpi' and/or source ids (default: cpi and every source)")
    .description('linear trends (slope per year, r squared, warnings) of the CPI and the sources; with --until, projections with prediction intervals')
    .addOption(new Option('--from <year>', 'first year of the fit').argParser(year('--from')))
    .addOption(new Option('--to <year>', 'last year of the fit').argParser(year('--to')))
    .addOption(new Option('--until <year>', 'project each trend to this year (prints projections instead of fits)').argParser(year('--until')))
    .addOption(new Option('--level <percent>', 'coverage of the prediction interval, in percent').argParser(integer('--level', 1)).default(Math.round(DEFAULT_LEVEL * 100)))
    .option('--notes', 'add a methods-and-caveats paragraph')
    .addHelpText('after', '\nExamples:\n  cpi-gap trend\n  cpi-gap trend cpi VDEM --from 2017 --lang th\n  cpi-gap trend cpi --until 2030 --format csv\n  cpi-gap trend WEF --format json --out wef-trend.json\n  cpi-gap trend cpi --country MYS --from 2017')
    .action(async (seriesArgs: string[], flags: TrendFlags) => {
      const dataset = await countryDataset('trend', flags.country);
      const window = { ...(flags.from === undefined ? {} : { from: flags.from }), ...(flags.to === undefined ? {} : { to: flags.to }) };
      const series = seriesArgs.length > 0 ? seriesArgs : defaultSeries(io, dataset, window);
      const known = ['cpi', ...dataset.sources.map((s) => s.id)];
      for (const s of series) if (!known.includes(s)) fail('trend', ['series'], `expected 'cpi' or a source of the dataset (${known.slice(1).join(', ')})`, s, 'unknown_source');
      const fits = series.map((s) => trend(dataset, { series: s as SourceId | 'cpi', ...window }));
      let text: string;
      if (flags.until === undefined) text = renderRows(fitColumns(dataset, flags.lang, flags.era), fits, flags.format);
      else {
        const until = flags.until;
        const rows = fits.flatMap((f) => projectTrend(f, { until, level: flags.level / 100 }));
        text = renderRows(projectionColumns(dataset, flags.lang, flags.era), rows, flags.format);
      }
      if (flags.notes === true) text += `\n\n${methodsNote(dataset, { kind: 'trend', years: [...new Set(fits.flatMap((f) => f.points.map((p) => p.year)))] }, flags.lang)}`;
      await emit(io, text, flags.out);
    });
}
