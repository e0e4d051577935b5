import type { Era } from '../i18n/labels.js';

/**
 * Every phrase the charts print, in English and Thai: titles, subtitles, axis and legend titles,
 * tooltips. Years arrive already written in the chart's era.
 * @example
 * ```ts
 * import { CHART_MESSAGES } from 'cpi-gap/charts';
 *
 * CHART_MESSAGES.th.target; // => 'ค่าเป้าหมาย'
 * CHART_MESSAGES.en.year('be'); // => 'Year (B.E.)'
 * CHART_MESSAGES.th.targetLabel(51, '2570'); // => 'ค่าเป้าหมาย 51 คะแนน (2570)'
 * ```
 */
export const CHART_MESSAGES = {
  en: {
    year: (era: Era) => (era === 'be' ? 'Year (B.E.)' : 'Year'),
    score: 'Score (0-100)',
    source: 'Source',
    sources: 'Sources',
    cpi: 'CPI',
    ci90: "TI's 90% confidence interval",
    lower: 'Lower bound',
    upper: 'Upper bound',
    target: 'Target',
    targetLabel: (score: number, year: string) => `Target ${score} (${year})`,
    targetScore: (score: number) => `Target ${score}`,
    gap: 'Gap to target (points)',
    gapShort: 'Gap',
    workstream: 'Workstream',
    workstreams: 'Workstreams',
    firstWorkstream: 'Workstream (first listed)',
    noWorkstream: 'No workstream',
    sourceTrendsTitle: (country: string | undefined) => `${country ? `${country}: ` : ''}CPI and its sources over the years`,
    sourceTrendsSubtitle: "Thin lines: the sources. Thick line: the CPI, with TI's 90% confidence interval. Dashed: targets.",
    gapBarsTitle: (year: string, target: number) => `Each source's gap to a score of ${target}, ${year}`,
    gapBarsSubtitle: 'Colour: the first workstream the source feeds; the label lists all of them.',
    heatmapTitle: (country: string | undefined) => `${country ? `${country}: ` : ''}source scores by year`,
    matrixTitle: (year: string, target: number) => `Which workstream answers which source: gaps to ${target}, ${year}`,
    matrixSubtitle: '* the source feeds more than one workstream; its gap is shown in each.',
    waterfallTitle: (year: string, target: number) => `Where the missing points are, by workstream: ${year}, target ${target}`,
    waterfallSubtitle: (target: number, needed: number) =>
      `CPI points from the mean of the sources now to ${needed}, the unrounded mean a score of ${target} needs. A source feeding several workstreams is split equally among them.`,
    waterfallUnit: 'CPI points',
    waterfallSourceUnit: 'Source points',
    meanNow: 'Mean of sources now',
    meanNeeded: (target: number) => `Mean needed for ${target}`,
    share: 'Share',
    rankTitle: (year: string) => `Where the score places the country among all countries, CPI ${year}`,
    rankSubtitle: 'Bars: number of countries with each score. Solid line: the country. Dashed: the score each target rank needs.',
    countries: 'Number of countries',
    rank: 'Rank',
    rankNeeds: (rank: number, score: number) => `Rank ${rank} needs ${score}`,
    countryAt: (name: string, score: number, rank: number) => `${name} ${score}: rank ${rank}`,
    country: 'Country',
    fanTitle: (country: string | undefined, target: number) => `${country ? `${country}: ` : ''}simulated CPI and the chance of reaching ${target}`,
    fanSubtitle: (target: number) => `Bands: 90% and 50% of the simulated paths. Line: the median. Dashed: the target. Red figures: the chance of a score of ${target} or more.`,
    fanMedian: 'Median',
    fanP: (target: number) => `P(score ≥ ${target})`,
    scenarioTitle: (country: string | undefined, target: number) => `${country ? `${country}: ` : ''}scenario paths of the CPI against a target of ${target}`,
    scenarioSubtitle: (band: boolean) =>
      `Lines: each scenario's CPI score (the unrounded mean of its sources, rounded as TI rounds).${band ? " Bands: TI's 90% confidence interval." : ''} Dashed: the target.`,
    scenario: 'Scenario',
    unroundedMean: 'Unrounded mean',
    standardError: 'Standard error',
    budgetTitle: (by: 'measure' | 'workstream' | 'other', amount: 'printed' | 'deduplicated') =>
      `${by === 'measure' ? 'Budget by measure and workstream' : by === 'workstream' ? 'Budget by workstream' : 'Budget'} of the action plan (million baht, ${amount === 'printed' ? 'as printed' : 'deduplicated'})`,
    budgetSubtitleDedup: (printed: string, dedup: string) =>
      `A project printed under several measures counts once, under its first listing; grey: as printed. Total ${dedup} million baht deduplicated, ${printed} as printed.`,
    budgetSubtitlePrinted: (printed: string, dedup: string) =>
      `Every listing counts, repeats included: total ${printed} million baht as printed (${dedup} with each project once).`,
    budgetSubtitleMissing: (without: number, projects: number) => `${without} of ${projects} projects print no budget ("-" or blank) and add nothing.`,
    budgetAxis: 'Budget (million baht)',
    budgetGroup: 'Row',
    budgetPrinted: 'As printed (baht)',
    budgetDedup: 'Deduplicated (baht)',
    budgetProjects: 'Projects',
    budgetWithout: 'Without budget',
    budgetLabel: (amount: string | null, without: number, projects: number, repeats: number) => {
      const notes = [...(without > 0 ? [`${without} of ${projects} without budget`] : []), ...(repeats > 0 ? [`${repeats} repeat listing counted under its first measure`] : [])];
      return amount === null ? notes.join('; ') : notes.length > 0 ? `${amount} (${notes.join('; ')})` : amount;
    },
    budgetNoProjects: 'no project',
    budgetNone: (projects: number) => (projects === 1 ? 'no budget given' : `no budget given (${projects} projects)`),
    measure: (ws: number, n: string) => `WS${ws} measure ${n}`,
    approach: (ws: number, n: string) => `WS${ws} approach ${n}`,
  },
  th: {
    year: (era: Era) => (era === 'be' ? 'ปี (พ.ศ.)' : 'ปี (ค.ศ.)'),
    score: 'คะแนน (0-100)',
    source: 'แหล่งข้อมูล',
    sources: 'แหล่งข้อมูล',
    cpi: 'CPI',
    ci90: 'ช่วงความเชื่อมั่น 90% ของ TI',
    lower: 'ขอบล่าง',
    upper: 'ขอบบน',
    target: 'ค่าเป้าหมาย',
    targetLabel: (score: number, year: string) => `ค่าเป้าหมาย ${score} คะแนน (${year})`,
    targetScore: (score: number) => `ค่าเป้าหมาย ${score} คะแนน`,
    gap: 'ช่องว่างถึงค่าเป้าหมาย (คะแนน)',
    gapShort: 'ช่องว่าง',
    workstream: 'แผนงาน',
    workstreams: 'แผนงาน',
    firstWorkstream: 'แผนงาน (แผนงานแรกที่ระบุ)',
    noWorkstream: 'ไม่อยู่ในแผนงานใด',
    sourceTrendsTitle: (country: string | undefined) => `${country ? `${country}: ` : ''}ดัชนีการรับรู้การทุจริตและคะแนนรายแหล่งข้อมูล`,
    sourceTrendsSubtitle: 'เส้นบาง: แหล่งข้อมูล เส้นหนา: CPI พร้อมช่วงความเชื่อมั่น 90% ของ TI เส้นประ: ค่าเป้าหมาย',
    gapBarsTitle: (year: string, target: number) => `ช่องว่างของแต่ละแหล่งข้อมูลถึงค่าเป้าหมาย ${target} คะแนน ปี ${year}`,
    gapBarsSubtitle: 'สี: แผนงานแรกที่แหล่งข้อมูลสอดคล้อง ตัวเลขท้ายแท่งแสดงทุกแผนงาน',
    heatmapTitle: (country: string | undefined) => `${country ? `${country}: ` : ''}คะแนนรายแหล่งข้อมูลในแต่ละปี`,
    matrixTitle: (year: string, target: number) => `แผนงานกับแหล่งข้อมูลที่สอดคล้อง: ช่องว่างถึง ${target} คะแนน ปี ${year}`,
    matrixSubtitle: '* แหล่งข้อมูลที่อยู่ในมากกว่าหนึ่งแผนงาน แสดงช่องว่างในทุกแผนงาน',
    waterfallTitle: (year: string, target: number) => `คะแนนที่ขาดอยู่ แยกตามแผนงาน: ปี ${year} ค่าเป้าหมาย ${target} คะแนน`,
    waterfallSubtitle: (target: number, needed: number) =>
      `คะแนน CPI จากค่าเฉลี่ยของแหล่งข้อมูลในปัจจุบันถึง ${needed} ซึ่งเป็นค่าเฉลี่ยที่ไม่ปัดเศษที่ต้องการเพื่อให้ได้ ${target} คะแนน แหล่งข้อมูลที่อยู่ในหลายแผนงานแบ่งให้แต่ละแผนงานเท่ากัน`,
    waterfallUnit: 'คะแนน CPI',
    waterfallSourceUnit: 'คะแนนของแหล่งข้อมูล',
    meanNow: 'ค่าเฉลี่ยของแหล่งข้อมูลปัจจุบัน',
    meanNeeded: (target: number) => `ค่าเฉลี่ยที่ต้องการเพื่อให้ได้ ${target}`,
    share: 'สัดส่วน',
    rankTitle: (year: string) => `ตำแหน่งของประเทศในบรรดาประเทศทั้งหมด CPI ปี ${year}`,
    rankSubtitle: 'แท่ง: จำนวนประเทศในแต่ละคะแนน เส้นทึบ: ประเทศ เส้นประ: คะแนนที่อันดับเป้าหมายต้องการ',
    countries: 'จำนวนประเทศ',
    rank: 'อันดับ',
    rankNeeds: (rank: number, score: number) => `อันดับ ${rank} ต้องได้ ${score} คะแนน`,
    countryAt: (name: string, score: number, rank: number) => `${name} ${score} คะแนน: อันดับ ${rank}`,
    country: 'ประเทศ',
    fanTitle: (country: string | undefined, target: number) => `${country ? `${country}: ` : ''}CPI จากการจำลอง และโอกาสที่จะถึง ${target} คะแนน`,
    fanSubtitle: (target: number) => `แถบ: 90% และ 50% ของเส้นทางจำลอง เส้น: ค่ามัธยฐาน เส้นประ: ค่าเป้าหมาย ตัวเลขสีแดง: โอกาสที่จะได้คะแนน ${target} ขึ้นไป`,
    fanMedian: 'ค่ามัธยฐาน',
    fanP: (target: number) => `โอกาสได้คะแนน ≥ ${target}`,
    scenarioTitle: (country: string | undefined, target: number) => `${country ? `${country}: ` : ''}เส้นทางคะแนน CPI ตามสถานการณ์จำลอง เทียบกับค่าเป้าหมาย ${target} คะแนน`,
    scenarioSubtitle: (band: boolean) =>
      `เส้น: คะแนน CPI ของแต่ละสถานการณ์ (ค่าเฉลี่ยของแหล่งข้อมูล ปัดเศษแบบเดียวกับ TI)${band ? ' แถบ: ช่วงความเชื่อมั่น 90% ตามวิธีของ TI' : ''} เส้นประ: ค่าเป้าหมาย`,
    scenario: 'สถานการณ์จำลอง',
    unroundedMean: 'ค่าเฉลี่ยไม่ปัดเศษ',
    standardError: 'ความคลาดเคลื่อนมาตรฐาน',
    budgetTitle: (by: 'measure' | 'workstream' | 'other', amount: 'printed' | 'deduplicated') =>
      `งบประมาณของแผนปฏิบัติการ${by === 'measure' ? 'จำแนกตามมาตรการและแผนงาน' : by === 'workstream' ? 'จำแนกตามแผนงาน' : ''} (ล้านบาท ${amount === 'printed' ? 'ตามที่พิมพ์ในแผน' : 'นับโครงการซ้ำครั้งเดียว'})`,
    budgetSubtitleDedup: (printed: string, dedup: string) =>
      `โครงการที่พิมพ์ซ้ำในหลายมาตรการนับครั้งเดียวในมาตรการแรกที่ระบุ แถบสีเทา: ตามที่พิมพ์ในแผน รวม ${dedup} ล้านบาท (ตามที่พิมพ์ ${printed} ล้านบาท)`,
    budgetSubtitlePrinted: (printed: string, dedup: string) =>
      `นับทุกรายการตามที่พิมพ์ รวมรายการซ้ำ: รวม ${printed} ล้านบาท (นับโครงการซ้ำครั้งเดียว ${dedup} ล้านบาท)`,
    budgetSubtitleMissing: (without: number, projects: number) => `${without} จาก ${projects} โครงการไม่ระบุงบประมาณ ("-" หรือเว้นว่าง) จึงไม่นับรวม`,
    budgetAxis: 'งบประมาณ (ล้านบาท)',
    budgetGroup: 'รายการ',
    budgetPrinted: 'ตามที่พิมพ์ในแผน (บาท)',
    budgetDedup: 'นับโครงการซ้ำครั้งเดียว (บาท)',
    budgetProjects: 'จำนวนโครงการ',
    budgetWithout: 'ไม่ระบุงบประมาณ',
    budgetLabel: (amount: string | null, without: number, projects: number, repeats: number) => {
      const notes = [...(without > 0 ? [`ไม่ระบุงบประมาณ ${without} จาก ${projects} โครงการ`] : []), ...(repeats > 0 ? [`โครงการซ้ำ ${repeats} รายการ นับแล้วในมาตรการแรก`] : [])];
      return amount === null ? notes.join(' ') : notes.length > 0 ? `${amount} (${notes.join(' ')})` : amount;
    },
    budgetNoProjects: 'ไม่มีโครงการ',
    budgetNone: (projects: number) => (projects === 1 ? 'ไม่ระบุงบประมาณ' : `ไม่ระบุงบประมาณ (${projects} โครงการ)`),
    measure: (ws: number, n: string) => `แผนงาน ${ws} มาตรการ ${n}`,
    approach: (ws: number, n: string) => `แผนงาน ${ws} แนวทางการพัฒนา ${n}`,
  },
} as const;
