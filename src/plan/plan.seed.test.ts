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

/** The project's seed lines, from its origin ("seed lines 533-536"). */
function linesOf(origin: { note?: string | undefined }): [number, number] {
  const m = /seed lines (\d+)-(\d+)/.exec(origin.note ?? '');
  if (m === null) throw new Error(`no seed lines in ${String(origin.note)}`);
  return [Number(m[1]), Number(m[2])];
}
const project = (id: string) => {
  const p = plan.projects.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no project ${id}`);
  return p;
};

describeWithShared('plan data: fixes from the line-by-line review, against the seed text', [SEED], () => {
  let lines: string[] = [];
  /** Tab-separated cells of a 1-based seed line. */
  const cellsAt = (n: number): string[] => (lines[n - 1] ?? '').split('\t');
  beforeAll(() => {
    lines = readShared(SEED).split('\n');
  });

  it('a project period joins the period cells of all its rows (five projects whose later rows hold more dates)', () => {
    // typed from the seed: a date each project's later rows print and its first row does not
    const later: Record<string, string> = {
      'ws1-m1.1-p1': 'ก.ค. ๒๕๖๖',
      'ws1-m2.2-p7': 'ปีงบประมาณ พ.ศ. ๒๕๖๖',
      'ws1-m1.4-p2': 'ปีงบประมาณ พ.ศ. ๒๕๖๕ - ๒๕๖๖',
      'ws2-m1.1-p4': 'ดำเนินการอยู่อย่างต่อเนื่อง',
      'ws1-m1.4-p1': 'อยู่ระหว่างการชี้แจง',
    };
    for (const [id, text] of Object.entries(later)) {
      const p = project(id);
      const [first, last] = linesOf(p.origin);
      expect(clean(cellsAt(first)[3]), id).not.toContain(text);
      const periods: string[] = [];
      for (let n = first; n <= last; n++) {
        const c = cellsAt(n);
        if (c.length === 7 && c[0] !== 'เป้าหมาย' && clean(c[3]) !== '') periods.push(clean(c[3]));
      }
      expect(periods.length, id).toBeGreaterThan(1);
      expect(p.period, id).toBe(periods.join('; '));
      expect(p.period, id).toContain(text);
    }
  });

  it('ws1-m2.2-p7: of the 400,000, the 200,000 printed beside FY2565 is flagged as prior-year', () => {
    const p = project('ws1-m2.2-p7');
    const [first] = linesOf(p.origin);
    const row = cellsAt(first);
    expect(clean(row[3])).toBe('ปีงบประมาณ พ.ศ. ๒๕๖๕ ปีงบประมาณ พ.ศ. ๒๕๖๕');
    expect(clean(row[4])).toBe('- ๒๐๐,๐๐๐');
    const prior = parseThaiNumber('๒๐๐,๐๐๐');
    expect(p.flags).toContain('includes-prior-year');
    expect(p.budget).toBe(2 * prior);
    expect(p.note).toContain(`${(200_000).toLocaleString('en-US')} (line ${first}) is printed beside the period ปีงบประมาณ พ.ศ. ๒๕๖๕`);
    expect(p.note).toContain('the FY2023 (๒๕๖๖) part is 200,000');
  });

  it('the three Budget Bill drafting rows are flagged as possible duplicates, all with a "-" budget', () => {
    const target = squash('จัดทำร่างพระราชบัญญัติงบประมาณรายจ่ายประจำปี');
    for (const id of ['ws3-m1.1-p2', 'ws3-m1.1-p5', 'ws3-m2.2-p1']) {
      const p = project(id);
      const [first, last] = linesOf(p.origin);
      const nameCells = [];
      for (let n = first; n <= last; n++) if (cellsAt(n).length === 7 && cellsAt(n)[0] !== 'เป้าหมาย') nameCells.push(cellsAt(n)[1] ?? '');
      const printedName = squash(nameCells.join(''));
      // ws3-m2.2-p1 prints the words broken by the PDF ("จั ด ท า ร ำ ง …"): its start is the same project
      expect(printedName.includes(target) || printedName.includes(squash('โครงการเพิ่มประสิทธิภาพการบริหารจัดการงบประมาณ')), id).toBe(true);
      expect(clean(cellsAt(first)[4]), id).toBe('-');
      expect(p.flags, id).toContain('possible-duplicate');
      expect(p.sameAs, id).toBeUndefined();
      expect(p.agencies[0]?.name, id).toBe('สำนักงบประมาณ');
    }
  });

  it('sub-activities are the project-column rows numbered "๑)" / "๑.)"; method steps are the method-column rows with a budget', () => {
    for (const p of plan.projects) {
      for (const s of p.subActivities ?? []) {
        const cell = clean(cellsAt(s.line)[1]);
        expect(cell.endsWith(s.label), `${p.id} line ${s.line}`).toBe(true);
        expect(s.label, p.id).toMatch(/^[๐-๙]+\.?\)/);
      }
      for (const b of p.budgetLines ?? []) {
        if (b.label === undefined) continue;
        expect(clean(cellsAt(b.line)[2]).startsWith(b.label), `${p.id} line ${b.line}`).toBe(true);
        expect(clean(cellsAt(b.line)[4]), `${p.id} line ${b.line}`).toBe(b.printed);
      }
    }
    expect(project('ws4-m2.1-p2').subActivities).toBeUndefined();
    expect(project('ws4-m2.1-p2').budgetLines?.filter((b) => b.label !== undefined).map((b) => b.label)).toEqual(['๒.', '๓.', '๔.', '๕.', '๖.']);
  });

  it('ws1-m1.3-p1: the "๑.)" printed in the project cell is its first sub-activity, not part of its name', () => {
    const p = project('ws1-m1.3-p1');
    const [first] = linesOf(p.origin);
    const cell = clean(cellsAt(first)[1]);
    const at = cell.indexOf(' ๑.) ');
    expect(at).toBeGreaterThan(0);
    expect(p.name).toBe(cell.slice(0, at));
    expect(p.name).toBe('๑. แผนเพิ่มประสิทธิภาพ การชำระเงินทาง อิเล็กทรอนิกส์ (e-Payment)');
    expect(p.subActivities?.map((s) => s.label.slice(0, 3))).toEqual(['๑.)', '๒.)']);
    expect(p.subActivities?.[0]).toMatchObject({ label: cell.slice(at + 1), line: first, budgetPrinted: clean(cellsAt(first)[4]), budget: parseThaiNumber('๓๐๐,๐๐๐') });
  });

  it('ws3-m2.5-p1: the name ends at "QR Code"; the label "การดำเนินการ :" and its steps open the method', () => {
    const p = project('ws3-m2.5-p1');
    const [first, last] = linesOf(p.origin);
    const cell = clean(cellsAt(first)[1]);
    expect(cell.endsWith(' การดำเนินการ :')).toBe(true);
    expect(p.name).toBe(cell.slice(0, -' การดำเนินการ :'.length));
    expect(p.name.endsWith('QR Code')).toBe(true);
    const steps = clean(cellsAt(last)[1]);
    expect(steps.startsWith('๑. ศึกษา')).toBe(true);
    expect(p.method.startsWith(`การดำเนินการ : ${steps.slice(0, 40)}`)).toBe(true);
    expect(p.note).toContain('moved to the start of the method');
  });

  it('ws4-m3.1-p5: blank budget cell, and a KPI cell that repeats the method word for word', () => {
    const p = project('ws4-m3.1-p5');
    const [first, last] = linesOf(p.origin);
    const rows = [cellsAt(first), cellsAt(last)];
    expect(clean(rows[0]![4])).toBe('');
    expect(squash(rows.map((c) => c[5]).join(''))).toBe(squash(rows.map((c) => c[2]).join('')));
    expect(p.budget).toBeNull();
    expect(p.budgetPrinted).toEqual([]);
    expect(p.flags).toEqual(['kpi-repeats-method']);
    expect(p.note).toMatch(/KPI .*repeats the method.*budget cell is blank/);
  });

  it('quick wins 1 and 2 keep their brackets in the title; the leads are the bracket before "เป็นหน่วยขับเคลื่อนหลัก"', () => {
    // the executive summary lists the five titles, one per line ("ประเด็นที่ ๑ …")
    const start = lines.findIndex((l) => l.startsWith('๒) ประเด็นสำคัญเร่งด่วน (Quick Win)'));
    const titles = lines.slice(start).filter((l) => /^ประเด็นที่ [๑-๕] /.test(l)).slice(0, 5).map((l) => l.replace(/^ประเด็นที่ [๑-๕] /, '').trim());
    expect(plan.quickWins.map((q) => q.title)).toEqual(titles);
    expect(titles[0]).toBe('การดำเนินการเสริมสร้างความโปร่งใสในพื้นที่เศรษฐกิจพิเศษภาคตะวันออก (EEC)');
    expect(titles[1]).toBe('การดำเนินการเพื่อสมัครเข้าเป็นภาคีสมาชิกความร่วมมือการเปิดเผยข้อมูลภาครัฐ (Open Government Partnership : OGP)');
    expect(plan.quickWins.map((q) => q.leadsPrinted)).toEqual([
      'สำนักงานคณะกรรมการนโยบายเขตพัฒนาพิเศษภาคตะวันออก (สกพอ.) และสำนักงาน ก.พ.ร.',
      'สำนักงาน ก.พ.ร.',
      'สำนักงาน ก.พ.ร.',
      'สำนักงานงบประมาณ สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) กระทรวงมหาดไทย',
      null,
    ]);
    for (const q of plan.quickWins) {
      if (q.leadsPrinted !== null) expect(lines.join('\n')).toContain(`${q.title} (${q.leadsPrinted} เป็นหน่วยขับเคลื่อนหลัก)`);
    }
  });

  it('measure ws3-m2.3: the date cut by a page break reads "มิถุนายน ๒๕๖๓", as Part 2 prints it', () => {
    const m = plan.measures.find((x) => x.id === 'ws3-m2.3')!;
    const [, line] = /seed line (\d+)/.exec(m.origin.note ?? '') ?? [];
    expect(clean(cellsAt(Number(line))[1]).endsWith('มิถุนายน')).toBe(true);
    expect(lines.join('\n')).toContain('๒๔ มิถุนายน ๒๕๖๓');
    expect(m.goal).toContain('เมื่อวันที่ ๒๔ มิถุนายน ๒๕๖๓ เรื่อง');
    expect(m.goal).not.toContain('มิถุนายน๒๕๖๓');
  });

  it('measure ws3-m1.3 keeps "รัฐบาล" as Part 1\'s table prints it, with a note; elsewhere the seed prints "รัฐสภา"', () => {
    const m = plan.measures.find((x) => x.id === 'ws3-m1.3')!;
    const [, line] = /seed line (\d+)/.exec(m.origin.note ?? '') ?? [];
    expect(clean(cellsAt(Number(line))[0])).toBe(`๑.๓ ${m.name}`);
    expect(m.name).toContain('หน่วยงานวิเคราะห์งบประมาณของรัฐบาลประเทศไทย');
    expect(lines[389]).toContain('หน่วยงานวิเคราะห์งบประมาณของรัฐสภาประเทศไทย');
    expect(lines[865]).toContain('หน่วยงานวิเคราะห์งบประมาณของรัฐสภาประเทศไทย');
    expect(m.note).toContain('seed line 390');
    expect(m.note).toContain('seed line 866');
  });

  it('stated.json: workstream names and the quick-win count from the lines it cites', () => {
    const note = plan.stated.origin.kind === 'seed' ? plan.stated.origin.note ?? '' : '';
    const qw = Number(/seed lines .*?(\d+) \(quick wins\)/.exec(note)?.[1]);
    expect(lines[qw - 1]).toMatch(/^อีกทั้งยังมีการกำหนดประเด็นสำคัญเร่งด่วน.*จำนวน ๕ ประเด็น/);
    expect(plan.stated.quickWins).toBe(5);
    const [from, to] = (/(\d+)-(\d+) \(workstreams/.exec(note) ?? []).slice(1).map(Number);
    const names = lines.slice(from! - 1, to).filter((l) => l.startsWith('- ')).map((l) => /^- [๑-๔]\) (.+?) [๐-๙]+ แนวทาง/.exec(l)?.[1]);
    expect(plan.stated.byWorkstream.map((w) => w.name)).toEqual(names);
    expect(plan.stated.byWorkstream[3]?.name).toBe('ประสิทธิภาพในการแก้ไขปัญหาการทุจริต');
  });

  it('the agency printed "สำนักงานคณะกรรมการ มาตรฐานแห่งชาติ" has an English name marked as unverified', () => {
    const a = plan.agencies.find((x) => x.name === 'สำนักงานคณะกรรมการมาตรฐานแห่งชาติ')!;
    for (const printed of a.printed) expect(lines.join('\n')).toContain(`- ${printed}`);
    expect(a.en).toBe('Office of the National Standardization Council');
    expect(a.note).toMatch(/TISI .*probably/);
  });
});
