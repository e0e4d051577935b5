import type { Dataset } from '../dataset/createDataset.js';
import { PLAN_TITLE, type Locale } from '../i18n/labels.js';
import { provenanceLine } from '../report/gapReport.js';

/** What a `--notes` paragraph describes beyond the data. */
export interface NotesContext {
  /** The years whose data the output rests on (their origins name the editions). */
  readonly years: readonly number[];
  /** What was computed. */
  readonly kind: 'report' | 'scenario' | 'solve' | 'simulate' | 'trend';
  /** For simulations: the model, seed, paths and the window its parameters come from. */
  readonly simulation?: { readonly model: string; readonly seed: number; readonly paths: number; readonly from: number; readonly to: number; readonly generator: string; readonly baseYear: number; readonly calibration: string };
}

function standardErrors(dataset: Dataset, years: readonly number[]): number[] {
  return dataset.cpi.flatMap((c) => (years.includes(c.year) && c.ti !== undefined ? [c.ti.standardError] : []));
}

/**
 * A short methods-and-caveats paragraph for `--notes`, in Thai or English: the data editions used
 * (from the origins of the scores of `years`), TI's method, the model and seed of a simulation,
 * and that a change of one or two points is generally not statistically significant.
 */
export function methodsNote(dataset: Dataset, context: NotesContext, locale: Locale): string {
  const origins = [
    ...dataset.scores.filter((s) => context.years.includes(s.year)).map((s) => s.origin),
    ...dataset.cpi.filter((c) => context.years.includes(c.year)).map((c) => c.ti?.origin ?? c.origin),
  ];
  const data = provenanceLine(origins, locale);
  const se = standardErrors(dataset, context.years);
  const [low, high] = [Math.min(...se).toFixed(1), Math.max(...se).toFixed(1)];
  const seText = se.length === 0 ? '' : low === high ? low : `${low}-${high}`;
  const plan = context.kind !== 'trend' && dataset.workstreams.length > 0;
  const s = context.simulation;
  if (locale === 'th') {
    const parts = [
      `หมายเหตุด้านวิธีการและข้อควรระวัง: ${data}`,
      plan ? `แผนงานและแหล่งข้อมูลของแต่ละแผนงานตาม${PLAN_TITLE.th}` : '',
      'คะแนน CPI คือค่าเฉลี่ยของคะแนนแหล่งข้อมูลที่มี ปัดเศษครึ่งขึ้นตามวิธีของ Transparency International (ต้องมีอย่างน้อย 3 แหล่ง)',
      context.kind === 'scenario' || context.kind === 'solve' ? 'สถานการณ์และการจัดสรรคะแนนเป็นสมมติฐาน ไม่ใช่การพยากรณ์' : '',
      context.kind === 'trend' ? 'แนวโน้มเส้นตรงจากข้อมูลเพียง 6-9 ปีเปราะบาง ใช้บรรยายมากกว่าพยากรณ์' : '',
      s === undefined ? '' : `การจำลองมอนติคาร์โล: แบบจำลอง ${s.model}, ปีฐาน ${s.baseYear}, seed ${s.seed}, ${s.paths} เส้นทาง, ${s.model === 'world' ? `เรียนรู้จากการเปลี่ยนแปลงรายปีของทุกประเทศ ${s.from}-${s.to}` : `พารามิเตอร์จากการเปลี่ยนแปลงรายปี ${s.from}-${s.to}`}; ${s.calibration}; ตัวสร้างเลขสุ่ม ${s.generator}`,
      `การเปลี่ยนแปลงของคะแนน CPI หนึ่งหรือสองคะแนนโดยทั่วไปไม่มีนัยสำคัญทางสถิติ${seText === '' ? '' : ` (ค่าความคลาดเคลื่อนมาตรฐานที่ TI ประกาศสำหรับปีดังกล่าว ${seText} คะแนน)`}`,
    ];
    return parts.filter((p) => p !== '').join(' ');
  }
  const parts = [
    `Methods and caveats: ${data}.`,
    plan ? "Workstreams and the sources each feeds: Thailand's FY2023 CPI action plan (seed document)." : '',
    "The CPI score is the mean of the available source scores rounded half up, as Transparency International computes it (at least 3 sources).",
    context.kind === 'scenario' || context.kind === 'solve' ? 'Scenarios and allocations are assumptions, not forecasts.' : '',
    context.kind === 'trend' ? 'A straight line through 6 to 9 years of scores is fragile: it describes, it does not forecast.' : '',
    s === undefined ? '' : `Monte Carlo: model ${s.model}, base year ${s.baseYear}, seed ${s.seed}, ${s.paths} paths, ${s.model === 'world' ? `learnt from every country's year-on-year changes ${s.from}-${s.to}` : `parameters from the year-on-year changes ${s.from}-${s.to}`}; ${s.calibration}; generator ${s.generator}.`,
    `A change of one or two points in the CPI is generally not statistically significant${seText === '' ? '' : ` (TI's standard errors for the years concerned: ${seText} points)`}.`,
  ];
  return parts.filter((p) => p !== '').join(' ');
}
