import { beforeAll, expect, it } from 'vitest';
import { SEED, describeWithShared, readShared } from '../../tests/helpers/shared.js';
import { fromThaiDigits, parseThaiNumber } from '../i18n/thaiNumber.js';
import { plan } from './plan.js';

const clean = (s: string | undefined): string => (s ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
const squash = (s: string): string => s.replace(/<[^>]*>/g, '').replace(/\s+/g, '');

/**
 * Projects over all four workstreams, typed from the seed's Part 2 tables: the start of the name
 * (column กิจกรรม/โครงการ), the budget cell and the agency cell exactly as printed.
 */
const SEED_PROJECTS = [
  { id: 'ws1-m1.1-p1', name: '๑.การดำเนินมาตรการป้องปรามและเฝ้าระวังการทุจริต', budget: '๕๐,๐๐๐ บาท', agency: 'สำนักงาน ป.ป.ท.' },
  { id: 'ws1-m1.5-p1', name: '๑. ศูนย์บริการภาครัฐแบบเบ็ดเสร็จครบวงจร EEC OSS', budget: '๑๒,๒๓๐,๐๐๐', agency: 'สำนักงานคณะกรรมการนโยบายเขตพัฒนาพิเศษภาคตะวันออก' },
  { id: 'ws1-m1.6-p1', name: '๑. การพัฒนาศูนย์บริการครบวงจรแบบเบ็ดเสร็จ', budget: '๒๐,๐๐๐,๐๐๐', agency: 'สำนักงาน ก.พ.ร' },
  { id: 'ws1-m2.1-p1', name: '๑.สร้างธุรกิจ SME เข้าสู่เกณฑ์มาตรฐานธรรมาภิบาลธุรกิจ', budget: '๑,๐๕๐,๐๐๐', agency: 'กรมพัฒนาธุรกิจการค้า' },
  { id: 'ws1-m2.2-p2', name: '๒. การประชุมคณะทำงานฯ', budget: '๕,๐๐๐ /ครั้ง', agency: 'กรมสวัสดิการและคุ้มครองแรงงาน' },
  { id: 'ws1-m3.1-p10', name: '๑๐.โครงการยกระดับการให้บริการออกหนังสือรับรองถิ่นกำเนิดสินค้า', budget: '๓๐,๐๐๐,๐๐๐', agency: 'กรมการค้าต่างประเทศ' },
  { id: 'ws1-m3.3-p6', name: '๖.โครงการป้องกันและ ปราบปรามการทุจริต ของกรมธนารักษ์', budget: '๘๐๐,๐๐๐', agency: 'กรมธนารักษ์' },
  { id: 'ws2-m1.1-p2', name: '๒. โครงการพัฒนาฐานข้อมูล AI เพื่อเพิ่มประสิทธิภาพของระบบเอกซ์เรย์คร่อมสายพาน', budget: '๑๕,๐๐๐,๐๐๐', agency: 'กรมศุลกากร' },
  { id: 'ws2-m2.1-p3', name: '๓.โครงการงดให้ งดรับทรัพย์สิน', budget: '-', agency: 'กระทรวงกลาโหม' },
  { id: 'ws2-m4.1-p1', name: '๑. การติดตามผลการดำเนินการทางวินัยของหน่วยงานต้นสังกัด', budget: '-', agency: 'สำนักงาน ป.ป.ท.' },
  { id: 'ws3-m1.1-p3', name: '๓. โครงการพัฒนา ศูนย์กลางข้อมูลเปิด', budget: '๑๖,๑๘๖,๘๐๐', agency: 'สำนักงานพัฒนา รัฐบาลดิจิทัล (องค์การมหาชน)' },
  { id: 'ws3-m2.4-p1', name: '๑. การเปิดเผยข้อมูลเกี่ยวกับ PPP และโครงการร่วมลงทุน', budget: '-', agency: 'สำนักงานคณะกรรมการนโยบายรัฐวิสาหกิจ' },
  { id: 'ws3-m3.3-p1', name: '๑. โครงการขับเคลื่อนการประเมินความเสี่ยงการทุจริตเชิงนโยบาย', budget: '๑,๒๓๕,๐๐๐', agency: 'สำนักงาน ป.ป.ท.' },
  { id: 'ws4-m2.1-p1', name: '๑.โครงการประชาสัมพันธ์ การต่อต้านการทุจริต', budget: '๓,๓๒๔,๐๐๐', agency: 'กรมประชาสัมพันธ์' },
  { id: 'ws4-m2.1-p5', name: '๕.โครงการศูนย์ส่งเสริมและ พัฒนาประชาธิปไตยตำบล', budget: '๕๔,๑๒๒,๔๐๐', agency: 'สำนักงาน คณะ กรรมการ การ เลือกตั้ง' },
  { id: 'ws4-m3.1-p3', name: '๓. โครงการรางวัลพระปกเกล้าทองคำ', budget: '๒,๗๐๐,๐๐๐', agency: 'สถาบันพระปกเกล้า' },
  { id: 'ws4-m3.1-p5', name: '๕. โครงการจ้างที่ปรึกษา “การสำรวจการรับรู้การทุจริตในประเทศไทย', budget: '', agency: 'สำนักงาน ป.ป.ช.' },
] as const;

describeWithShared('plan data against the seed text', [SEED], () => {
  // read in beforeAll: the body also runs (to collect the tests) when the suite is skipped
  let text = '';
  let rows: string[][] = [];
  beforeAll(() => {
    text = readShared(SEED);
    rows = text.split('\n').map((l) => l.split('\t'));
  });

  it('covers all four workstreams with at least 15 projects', () => {
    expect(SEED_PROJECTS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(SEED_PROJECTS.map((p) => p.id.slice(0, 3))).size).toBe(4);
  });

  for (const expected of SEED_PROJECTS) {
    it(`${expected.id}: name, budget and agency as printed`, () => {
      // the seed has a table row with this name, budget cell and agency cell
      const row = rows.find((c) => c.length === 7 && clean(c[1]).startsWith(expected.name));
      expect(row, `no seed row starts with ${expected.name}`).toBeDefined();
      expect(clean(row![4])).toBe(expected.budget);
      expect(clean(row![6])).toBe(`- ${expected.agency}`);
      // and the data holds them
      const p = plan.projects.find((x) => x.id === expected.id)!;
      expect(p.name.startsWith(expected.name)).toBe(true);
      expect(p.agencies.map((a) => a.printed)).toEqual([expected.agency]);
      if (expected.budget === '' || expected.budget === '-') {
        expect(p.budget).toBeNull();
      } else {
        expect(p.budgetPrinted[0]).toBe(expected.budget);
        expect(p.budget).toBe(parseThaiNumber(expected.budget.replace(/ บาท| \/ครั้ง/, '')));
      }
    });
  }

  it('the summary sentence states 95 projects, 47 / 12 / 19 / 17, as the data holds', () => {
    const sentence = text.split('\n').find((l) => l.includes('ที่รองรับรวมจำนวน'))!;
    const numbers = [...fromThaiDigits(sentence).matchAll(/จำนวน (\d+) โครงการ/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual([95, 47, 12, 19, 17]);
    expect([1, 2, 3, 4].map((w) => plan.projects.filter((p) => p.workstream === w).length)).toEqual(numbers.slice(1));
  });

  it('the seed states 4 workstreams, 13 approaches and 36 measures (3/16, 4/5, 3/11, 3/4)', () => {
    const ascii = fromThaiDigits(text);
    expect(ascii).toContain('การดำเนินการ 4 เรื่อง 13 แนวทาง 36 มาตรการ');
    const per = [...ascii.matchAll(/^- [1-4]\) .+? (\d+) แนวทาง (\d+) มาตรการ$/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(per).toEqual([[3, 16], [4, 5], [3, 11], [3, 4]]);
    expect([1, 2, 3, 4].map((w) => [plan.approaches.filter((a) => a.workstream === w).length, plan.measures.filter((m) => m.workstream === w).length])).toEqual(per);
  });

  it('prints the open-data project under three measures with the same budget, and 10,043,000 twice', () => {
    expect(text.split('๑๖,๑๘๖,๘๐๐').length - 1).toBe(3);
    expect(text.split('๑๐,๐๔๓,๐๐๐').length - 1).toBe(2);
    expect(text).toContain('\t๒๒,๘๐๐,๐๐\t');
    expect(text).toContain('\t๕,๐๐๐ /ครั้ง\t');
  });

  it('every measure goal and every project name is text of the seed', () => {
    const flat = squash(text);
    for (const m of plan.measures) expect(flat.includes(squash(m.goal).slice(0, 60)), m.id).toBe(true);
    for (const p of plan.projects) expect(flat.includes(squash(p.name).slice(0, 40)), p.id).toBe(true);
  });

  it('the quick wins and the laws of quick win 5 are printed as held', () => {
    for (const q of plan.quickWins) expect(text).toContain(q.title);
    for (const l of plan.laws) expect(text).toContain(`- ${l.name} (${l.agency.printed})`);
    expect(plan.quickWins[0]?.leads.map((a) => a.printed)).toEqual(['สำนักงานคณะกรรมการนโยบายเขตพัฒนาพิเศษภาคตะวันออก', 'สำนักงาน ก.พ.ร.']);
  });
});
