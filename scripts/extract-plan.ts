/**
 * One-off extraction of the FY2023 action plan (approaches, measures, projects, quick wins, SWOT)
 * from the seed text into data/plan/*.json. Not used at runtime or in tests; rerun with
 *
 *   npx tsx scripts/extract-plan.ts [path/to/seed.txt]
 *
 * The seed is the PDF converted to text: tables are tab-separated lines, every page repeats the
 * header row, and a row broken by a page break continues on the next page as a row whose first
 * cells are empty. The parser below follows the rules documented in docs/plan.md; where the
 * conversion broke a row in a way no rule covers, an entry of FIXES (keyed by the seed's line
 * number) says what was done, and every such record carries `flags` and a `note`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromThaiDigits, parseThaiNumber } from '../src/i18n/thaiNumber.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'seed', '000_ed406bf363f6a985.txt'));
const OUT = join(ROOT, 'data', 'plan');
const lines = readFileSync(SEED, 'utf8').split('\n');

// ---------------------------------------------------------------- text helpers

const clean = (s: string | undefined): string =>
  (s ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const thaiNum = (s: string): number => Number(fromThaiDigits(s));
const isThaiLetter = (ch: string | undefined): boolean => ch !== undefined && /[\u0E00-\u0E4F\u0E5A-\u0E7F]/.test(ch);
/**
 * Join two pieces of a cell that a page break separated: no space between two Thai letters (Thai
 * writes words without spaces), a space otherwise, also between a Thai letter and a Thai digit
 * ("มิถุนายน" + "๒๕๖๓" is "มิถุนายน ๒๕๖๓", as the seed prints the date elsewhere).
 */
function joinBroken(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return isThaiLetter(a.at(-1)) && isThaiLetter(b[0]) ? a + b : `${a} ${b}`;
}
function findLine(pred: (l: string) => boolean, from = 0): number {
  for (let i = from; i < lines.length; i++) if (pred(lines[i] ?? '')) return i;
  throw new Error('line not found');
}
const cells = (i: number): string[] => (lines[i] ?? '').split('\t');
/** 1-based line number as an editor shows it. */
const ln = (i: number): number => i + 1;

// ---------------------------------------------------------------- agencies

interface AgencyDef {
  th: string;
  en?: string;
  abbreviation?: string;
  note?: string;
}
/** Canonical agencies. Keys are the printed name with spaces and dots removed. */
const AGENCIES: Record<string, AgencyDef> = {
  สำนักงานปปท: { th: 'สำนักงาน ป.ป.ท.', en: 'Office of the Public Sector Anti-Corruption Commission', abbreviation: 'PACC' },
  สำนักงานปปช: { th: 'สำนักงาน ป.ป.ช.', en: 'Office of the National Anti-Corruption Commission', abbreviation: 'NACC' },
  สำนักงานกพร: { th: 'สำนักงาน ก.พ.ร.', en: 'Office of the Public Sector Development Commission', abbreviation: 'OPDC' },
  สำนักงานปปง: { th: 'สำนักงาน ป.ป.ง.', en: 'Anti-Money Laundering Office', abbreviation: 'AMLO' },
  กรมศุลกากร: { th: 'กรมศุลกากร', en: 'Customs Department' },
  กรมทรัพย์สินทางปัญญา: { th: 'กรมทรัพย์สินทางปัญญา', en: 'Department of Intellectual Property', abbreviation: 'DIP' },
  สำนักงานคณะกรรมการนโยบายเขตพัฒนาพิเศษภาคตะวันออก: { th: 'สำนักงานคณะกรรมการนโยบายเขตพัฒนาพิเศษภาคตะวันออก', en: 'Eastern Economic Corridor Office', abbreviation: 'EECO' },
  'สำนักงานพัฒนารัฐบาลดิจิทัล(องค์การมหาชน)': { th: 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)', en: 'Digital Government Development Agency', abbreviation: 'DGA' },
  สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์: { th: 'สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์', en: 'Electronic Transactions Development Agency', abbreviation: 'ETDA' },
  สำนักงานคณะกรรมการกฤษฎีกา: { th: 'สำนักงานคณะกรรมการกฤษฎีกา', en: 'Office of the Council of State' },
  กรมพัฒนาธุรกิจการค้า: { th: 'กรมพัฒนาธุรกิจการค้า', en: 'Department of Business Development', abbreviation: 'DBD' },
  กรมสวัสดิการและคุ้มครองแรงงาน: { th: 'กรมสวัสดิการและคุ้มครองแรงงาน', en: 'Department of Labour Protection and Welfare' },
  กระทรวงสาธารณสุข: { th: 'กระทรวงสาธารณสุข', en: 'Ministry of Public Health' },
  สำนักงานปลัดกระทรวงสาธารณสุข: { th: 'สำนักงานปลัดกระทรวงสาธารณสุข', en: 'Office of the Permanent Secretary, Ministry of Public Health' },
  สำนักงานนโยบายและแผนทรัพยากรธรรมชาติและสิ่งแวดล้อม: { th: 'สำนักงานนโยบายและแผนทรัพยากรธรรมชาติและสิ่งแวดล้อม', en: 'Office of Natural Resources and Environmental Policy and Planning', abbreviation: 'ONEP' },
  กระทรวงอุตสาหกรรม: { th: 'กระทรวงอุตสาหกรรม', en: 'Ministry of Industry' },
  กระทรวงพาณิชย์: { th: 'กระทรวงพาณิชย์', en: 'Ministry of Commerce' },
  สำนักงานคณะกรรมการส่งเสริมการลงทุน: { th: 'สำนักงานคณะกรรมการส่งเสริมการลงทุน', en: 'Office of the Board of Investment', abbreviation: 'BOI' },
  สำนักงานคณะกรรมการอาหารและยา: { th: 'สำนักงานคณะกรรมการอาหารและยา', en: 'Food and Drug Administration', abbreviation: 'Thai FDA' },
  กรมการจัดหางาน: { th: 'กรมการจัดหางาน', en: 'Department of Employment' },
  สำนักงานตำรวจแห่งชาติ: { th: 'สำนักงานตำรวจแห่งชาติ', en: 'Royal Thai Police' },
  กรมการค้าต่างประเทศ: { th: 'กรมการค้าต่างประเทศ', en: 'Department of Foreign Trade', abbreviation: 'DFT' },
  สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม: { th: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม', en: 'Thai Industrial Standards Institute', abbreviation: 'TISI' },
  สำนักงานคณะกรรมการมาตรฐานแห่งชาติ: {
    th: 'สำนักงานคณะกรรมการมาตรฐานแห่งชาติ',
    en: 'Office of the National Standardization Council',
    note:
      'printed once (แผนงานเรื่องที่ ๑ มาตรการ ๓.๑ ข้อ ๘); the project\'s KPI names เจ้าหน้าที่ สมอ. (TISI). The English name is a translation, not checked against an official source: under the National Standardization Act B.E. 2551 (2008) TISI (สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม, Thai Industrial Standards Institute) acts as the office of the National Standardization Council (คณะกรรมการการมาตรฐานแห่งชาติ), so this is probably TISI in that role; the printed agency is kept apart, as printed',
  },
  กรมธนารักษ์: { th: 'กรมธนารักษ์', en: 'Treasury Department' },
  กรมสรรพสามิต: { th: 'กรมสรรพสามิต', en: 'Excise Department' },
  กรมสรรพากร: { th: 'กรมสรรพากร', en: 'Revenue Department' },
  ธนาคารแห่งประเทศไทย: { th: 'ธนาคารแห่งประเทศไทย', en: 'Bank of Thailand', abbreviation: 'BOT' },
  กระทรวงกลาโหม: { th: 'กระทรวงกลาโหม', en: 'Ministry of Defence' },
  สำนักงานอัยการสูงสุด: { th: 'สำนักงานอัยการสูงสุด', en: 'Office of the Attorney General' },
  สำนักงานศาลยุติธรรม: { th: 'สำนักงานศาลยุติธรรม', en: 'Office of the Judiciary' },
  กระทรวงยุติธรรม: { th: 'กระทรวงยุติธรรม', en: 'Ministry of Justice' },
  หน่วยงานภาครัฐ: { th: 'หน่วยงานภาครัฐ', en: 'State agencies (generic)' },
  ศาลอาญาคดีทุจริตและประพฤติมิชอบ: { th: 'ศาลอาญาคดีทุจริตและประพฤติมิชอบ', en: 'Criminal Court for Corruption and Misconduct Cases' },
  สำนักงบประมาณ: { th: 'สำนักงบประมาณ', en: 'Bureau of the Budget', abbreviation: 'BB' },
  สำนักงานการตรวจเงินแผ่นดิน: { th: 'สำนักงานการตรวจเงินแผ่นดิน', en: 'State Audit Office', abbreviation: 'SAO' },
  สำนักงานเลขาธิการสภาผู้แทนราษฎร: { th: 'สำนักงานเลขาธิการสภาผู้แทนราษฎร', en: 'Secretariat of the House of Representatives' },
  สำนักงานเลขาธิการวุฒิสภา: { th: 'สำนักงานเลขาธิการวุฒิสภา', en: 'Secretariat of the Senate' },
  สำนักงบประมาณของรัฐสภา: { th: 'สำนักงบประมาณของรัฐสภา', en: 'Parliamentary Budget Office', abbreviation: 'PBO' },
  กรมบัญชีกลาง: { th: 'กรมบัญชีกลาง', en: "Comptroller General's Department", abbreviation: 'CGD' },
  กรมส่งเสริมการปกครองท้องถิ่น: { th: 'กรมส่งเสริมการปกครองท้องถิ่น', en: 'Department of Local Administration', abbreviation: 'DLA' },
  สำนักงานคณะกรรมการนโยบายรัฐวิสาหกิจ: { th: 'สำนักงานคณะกรรมการนโยบายรัฐวิสาหกิจ', en: 'State Enterprise Policy Office', abbreviation: 'SEPO' },
  กระทรวงมหาดไทย: { th: 'กระทรวงมหาดไทย', en: 'Ministry of Interior' },
  สำนักงานปลัดสำนักนายกรัฐมนตรี: { th: 'สำนักงานปลัดสำนักนายกรัฐมนตรี', en: 'Office of the Permanent Secretary, Office of the Prime Minister' },
  กรมประชาสัมพันธ์: { th: 'กรมประชาสัมพันธ์', en: 'Government Public Relations Department', abbreviation: 'PRD' },
  กรมสารนิเทศ: { th: 'กรมสารนิเทศ', en: 'Department of Information, Ministry of Foreign Affairs' },
  'สถาบันพัฒนาองค์กรชุมชน(องค์การมหาชน)': { th: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)', en: 'Community Organizations Development Institute', abbreviation: 'CODI' },
  สำนักงานคณะกรรมการการเลือกตั้ง: { th: 'สำนักงานคณะกรรมการการเลือกตั้ง', en: 'Office of the Election Commission', abbreviation: 'ECT' },
  สถาบันพระปกเกล้า: { th: 'สถาบันพระปกเกล้า', en: "King Prajadhipok's Institute", abbreviation: 'KPI' },
};
/** Evident typos and variants merged into a canonical key, with the reason. */
const AGENCY_ALIASES: Record<string, { key: string; reason: string }> = {
  'สำนักงานพัฒนาารัฐบาลดิจิทัล(องค์การมหาชน)': { key: 'สำนักงานพัฒนารัฐบาลดิจิทัล(องค์การมหาชน)', reason: 'typo: พัฒนาา (doubled า)' },
  'สำนักงานพัฒนารัฐบาลดิจิทัล(องค์การมหาชน)': { key: 'สำนักงานพัฒนารัฐบาลดิจิทัล(องค์การมหาชน)', reason: '' },
  สำนักงานงบประมาณ: { key: 'สำนักงบประมาณ', reason: 'typo: สำนักงานงบประมาณ for สำนักงบประมาณ (Bureau of the Budget), printed beside it in the same measure' },
  สำนักนโยบายและแผนทรัพยากรธรรมชาติและสิ่งแวดล้อม: { key: 'สำนักงานนโยบายและแผนทรัพยากรธรรมชาติและสิ่งแวดล้อม', reason: 'variant: Part 1 prints สำนักงานนโยบายและแผน… for the same measure (ONEP)' },
  สำนักงานปง: { key: 'สำนักงานปปง', reason: 'typo: ป.ง. for ป.ป.ง. (AMLO), listed among the justice agencies' },
  'กระทรวงมหาดไทย(กรมส่งเสริมการปกครองท้องถิ่น)': { key: 'กรมส่งเสริมการปกครองท้องถิ่น', reason: 'Part 1 names the department with its ministry in brackets; Part 2 names the department alone' },
};
const agencyKey = (printed: string): string => printed.replace(/[\s.]/g, '');
interface AgencyRef {
  name: string;
  printed: string;
}
const agencyUse = new Map<string, Set<string>>();
function agency(printed: string): AgencyRef {
  let key = agencyKey(printed);
  const alias = AGENCY_ALIASES[key];
  if (alias) key = alias.key;
  const def = AGENCIES[key];
  if (!def) throw new Error(`unknown agency: ${printed} (key ${key})`);
  if (!agencyUse.has(def.th)) agencyUse.set(def.th, new Set());
  agencyUse.get(def.th)!.add(printed);
  return { name: def.th, printed };
}
/** Split a responsible-agency cell ("- A - B") into agencies. */
function agencies(cell: string): AgencyRef[] {
  const text = clean(cell);
  if (text === '') return [];
  return text
    .split(/(?:^|\s)-\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(agency);
}

// ---------------------------------------------------------------- Part 1: approaches and measures

const WS_NAMES: Record<number, string> = {};
interface Approach {
  id: string;
  workstream: number;
  number: number;
  name: string;
  measuresStated: number;
  origin: { kind: 'seed'; section: string; note: string };
}
interface Measure {
  id: string;
  workstream: number;
  approach: number;
  number: string;
  numberPrinted: boolean;
  name: string;
  goal: string;
  agencies: AgencyRef[];
  note?: string;
  origin: { kind: 'seed'; section: string; note: string };
}
const approaches: Approach[] = [];
const measures: Measure[] = [];
{
  const start = findLine((l) => l.startsWith('ตารางแผนงานเรื่องที่ ๑'));
  const end = findLine((l) => l.startsWith('ประเด็นสำคัญเร่งด่วน (Quick Win) เพื่อยกระดับ'), start);
  let ws = 0;
  let inTable = false;
  let current: Approach | undefined;
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? '';
    const t = /^ตารางแผนงานเรื่องที่ ([๐-๙]+) (.+)$/.exec(line);
    if (t) {
      ws = thaiNum(t[1]!);
      WS_NAMES[ws] = t[2]!.trim();
      inTable = true;
      continue;
    }
    if (/^แผนงานเรื่องที่ [๐-๙]+/.test(line)) {
      inTable = false;
      continue;
    }
    if (!inTable) continue;
    const a = /^([๐-๙]+)\s*\.\s*แนวทาง(?:การ)?พัฒนา\s*:\s*(.+?)\s*ประกอบด้วย\s*([๐-๙]+)\s*มาตรการ/.exec(line);
    if (a) {
      current = {
        id: `ws${ws}-a${thaiNum(a[1]!)}`,
        workstream: ws,
        number: thaiNum(a[1]!),
        name: a[2]!.trim(),
        measuresStated: thaiNum(a[3]!),
        origin: { kind: 'seed', section: `ส่วนที่ ๑ ตารางแผนงานเรื่องที่ ${toThai(ws)}`, note: `seed line ${ln(i)}` },
      };
      approaches.push(current);
      continue;
    }
    const c = cells(i);
    if (c.length !== 3 || c[0] === 'มาตรการ') continue;
    if (!current) throw new Error(`measure row before an approach at line ${ln(i)}`);
    const first = clean(c[0]);
    if (first === '') {
      // a goal split by a page break (แผนงานเรื่องที่ ๓ มาตรการ ๒.๓)
      const m = measures.at(-1)!;
      const before = m.goal;
      const after = clean(c[1]);
      m.goal = joinBroken(before, after);
      m.note = `the goal is cut by a page break (${m.origin.note} and line ${ln(i)}) between "${before.split(' ').at(-1)!}" and "${after.split(' ')[0]!}"; the pieces are joined ${m.goal.length > before.length + after.length ? 'with a space (a Thai month and its year, as the seed prints such dates elsewhere)' : 'without a space'}`;
      m.origin.note += `; goal continues on line ${ln(i)} after a page break`;
      continue;
    }
    const num = /^([๐-๙]+)\.([๐-๙]+)\s*(.*)$/.exec(first);
    const inApproach = measures.filter((m) => m.workstream === ws && m.approach === current!.number).length;
    const number = num ? `${thaiNum(num[1]!)}.${thaiNum(num[2]!)}` : `${current.number}.${inApproach + 1}`;
    measures.push({
      id: `ws${ws}-m${number}`,
      workstream: ws,
      approach: current.number,
      number,
      numberPrinted: num !== null,
      name: num ? num[3]!.trim() : first,
      goal: clean(c[1]),
      agencies: agencies(c[2] ?? ''),
      origin: { kind: 'seed', section: `ส่วนที่ ๑ ตารางแผนงานเรื่องที่ ${toThai(ws)}`, note: `seed line ${ln(i)}` },
    });
  }
}
/** Measures printed with something a reader should know, checked against the printed text. */
const MEASURE_NOTES: Record<string, { printed: string; note: string }> = {
  'ws3-m1.3': {
    printed: 'หน่วยงานวิเคราะห์งบประมาณของรัฐบาลประเทศไทย (Thailand Parliamentary Budget Office, Thai PBO)',
    note:
      'name and goal as printed in Part 1\'s table say "ของรัฐบาลประเทศไทย" (of the government); the list of measures in Part 1 (seed line 390) and Part 2 (seed line 866) print "ของรัฐสภาประเทศไทย" (of parliament), which fits the English "Parliamentary Budget Office" and the agency (Secretariat of the House of Representatives). Most likely a typo for รัฐสภา; kept as printed',
  },
};
for (const [id, { printed, note }] of Object.entries(MEASURE_NOTES)) {
  const m = measures.find((x) => x.id === id);
  if (!m?.name.includes(printed)) throw new Error(`measure ${id}: "${printed}" not in its printed name`);
  m.note = m.note === undefined ? note : `${m.note} | ${note}`;
}
function toThai(n: number | string): string {
  return String(n).replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'.charAt(Number(d)));
}

// ---------------------------------------------------------------- Part 2: projects

interface BudgetLine {
  line: number;
  period: string | null;
  printed: string;
  amount: number | null;
  label?: string;
}
interface SubActivity {
  label: string;
  line: number;
  period: string | null;
  budget: number | null;
  budgetPrinted: string | null;
}
interface Project {
  id: string;
  workstream: number;
  approach: number;
  measure: string;
  measureId: string;
  number: number;
  name: string;
  method: string;
  period: string | null;
  budget: number | null;
  budgetPrinted: string[];
  budgetLines?: BudgetLine[];
  kpi: string;
  agencies: AgencyRef[];
  subActivities?: SubActivity[];
  sameAs?: string;
  flags: string[];
  note?: string;
  origin: { kind: 'seed'; section: string; note: string };
  // working fields, removed before writing
  _lines: number[];
  _methodParts: string[];
  _kpiParts: string[];
  _periodParts: string[];
}

const METHOD_MAX = 200;
const shorten = (s: string): string => (s.length <= METHOD_MAX ? s : `${s.slice(0, METHOD_MAX).trimEnd()}…`);

/** Parse a budget cell into amounts ("-" is null). Throws on what it cannot read. */
function parseBudgetCell(cell: string): { printed: string; amounts: (number | null)[]; perMeeting: boolean } {
  const printed = clean(cell);
  const perMeeting = /\/\s*ครั้ง/.test(printed);
  const tokens = printed
    .replace(/\/\s*ครั้ง/g, '')
    .replace(/บาท/g, '')
    .split(/\s+/)
    .filter((t) => t !== '');
  const amounts = tokens.map((t) => (t === '-' ? null : parseThaiNumber(t)));
  return { printed, amounts, perMeeting };
}

const projects: Project[] = [];
const flagNotes = new Map<string, string[]>();
function flag(p: Project, f: string, note: string): void {
  if (!p.flags.includes(f)) p.flags.push(f);
  const notes = flagNotes.get(p.id) ?? [];
  notes.push(note);
  flagNotes.set(p.id, notes);
}

/** Budget cells that no rule reads: line -> amount used, flag and note. */
const BUDGET_FIXES: Record<number, { amount: number; flag: string; note: string }> = {
  967: {
    amount: 22_800_000,
    flag: 'budget-digit-missing',
    note: 'budget printed "๒๒,๘๐๐,๐๐": the last thousands group has two digits, so a digit is missing. Read as 22,800,000 (a final zero dropped); 2,280,000 (a misplaced comma) is the other possible reading. The printed text is kept in budgetPrinted.',
  },
};
/** Rows whose project cell holds text of another column (cells shifted by the conversion). */
const SHIFTED_NAME_TO_METHOD = new Set([907]);

{
  const start = findLine((l) => l.startsWith('กิจกรรมที่รองรับการดำเนินการแผนงานเรื่องที่ ๑'));
  const end = findLine((l) => l.startsWith('ส่วนที่ ๓'), start);
  let ws = 0;
  let approach = 0;
  let measure: Measure | undefined;
  let current: Project | undefined;
  let pageBreakSince = false;
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? '';
    const w = /^กิจกรรมที่รองรับการดำเนินการแผน(?:งาน|ปฏิบัติการ)เรื่องที่ ([๐-๙]+)/.exec(line);
    if (w) {
      ws = thaiNum(w[1]!);
      current = undefined;
      continue;
    }
    const a = /^แนวทางการพัฒนา : ([๐-๙]+)\s*\./.exec(line);
    if (a) {
      approach = thaiNum(a[1]!);
      current = undefined;
      continue;
    }
    const c = cells(i);
    if (c.length !== 7) continue;
    if (c[0] === 'เป้าหมาย') {
      pageBreakSince = true;
      continue;
    }
    const [g, name, method, period, budget, kpi] = c.map(clean) as [string, string, string, string, string, string, string];
    // measure header: "มาตรการ ๑.๑ …", "มาตรการที่ ๒.๑ …", "มาตรการ : …" or a bare "๑.๒ …", alone on its row
    if (name === '' && method === '' && budget === '' && kpi === '' && /^(มาตรการ|[๐-๙]+\.[๐-๙]+ )/.test(g)) {
      const m = /^(?:มาตรการ(?:ที่)?\s*)?(?::\s*)?(?:([๐-๙]+)\.([๐-๙]+))?/.exec(g);
      const number = m?.[1] ? `${thaiNum(m[1])}.${thaiNum(m[2]!)}` : `${approach}.1`;
      measure = measures.find((x) => x.workstream === ws && x.number === number);
      if (measure?.approach !== approach) throw new Error(`measure ${ws}/${number} at line ${ln(i)} not in Part 1`);
      current = undefined;
      pageBreakSince = false;
      continue;
    }
    if (!measure) continue;
    // a project starts with its number within the measure, "๑." or "๑)"; every project of a measure
    // uses the marker of the first one, so "๔)" inside a project numbered "๓." is a sub-activity
    const num = /^([๐-๙]+)\s*(\.(?!\))|\))/.exec(name);
    const inMeasure = projects.filter((p) => p.measureId === measure!.id);
    const expected = inMeasure.length + 1;
    const marker = num?.[2];
    const sameMarker = inMeasure.length === 0 || ((/^[๐-๙]+\s*(\.|\))/.exec(inMeasure[0]!.name))?.[1] ?? '.') === marker;
    if (num && thaiNum(num[1]!) === expected && sameMarker && !SHIFTED_NAME_TO_METHOD.has(ln(i))) {
      current = {
        id: `ws${ws}-m${measure.number}-p${expected}`,
        workstream: ws,
        approach,
        measure: measure.number,
        measureId: measure.id,
        number: expected,
        name,
        method: '',
        period: period === '' ? null : period,
        budget: null,
        budgetPrinted: [],
        kpi: '',
        agencies: agencies(c[6] ?? ''),
        flags: [],
        origin: {
          kind: 'seed',
          section: `ส่วนที่ ๒ แผนงานเรื่องที่ ${toThai(ws)} แนวทางการพัฒนา ${toThai(approach)} มาตรการ ${toThai(measure.number)} ข้อ ${toThai(expected)}`,
          note: '',
        },
        _lines: [ln(i)],
        _methodParts: [method],
        _kpiParts: [kpi],
        _periodParts: period === '' ? [] : [period],
      };
      projects.push(current);
      // "๑. name ๑.) first sub-activity": the project cell also holds the first of the sub-activities
      // ("๑.)", "๒.)" …) that follow as rows of their own; it goes with them
      const embedded = /^(.*?)\s+([๐-๙]+\.\)\s.*)$/.exec(name);
      if (embedded) {
        current.name = embedded[1]!;
        const parsed = budget === '' ? undefined : parseBudgetCell(budget);
        current.subActivities = [{ label: embedded[2]!, line: ln(i), period: period === '' ? null : period, budget: parsed?.amounts.length === 1 ? parsed.amounts[0]! : null, budgetPrinted: budget === '' ? null : budget }];
        flag(current, 'sub-activity-rows', `line ${ln(i)}: the project cell prints the name and then "${embedded[2]!.slice(0, 40)}…", the first of the sub-activities printed as rows below; it is kept in subActivities with the row's period and budget, and the name ends before it`);
      }
      addBudget(current, i, period, c[4] ?? '', undefined);
      pageBreakSince = false;
      continue;
    }
    if (!current) {
      if (name !== '' || budget !== '') throw new Error(`row outside a project at line ${ln(i)}: ${name.slice(0, 60)}`);
      continue;
    }
    // a continuation row of the current project
    current._lines.push(ln(i));
    if (SHIFTED_NAME_TO_METHOD.has(ln(i))) {
      // the project cell ends with the label "การดำเนินการ :" and, after the page break, the steps
      const label = /\s*(การดำเนินการ\s*:)$/.exec(current.name);
      if (label) current.name = current.name.slice(0, label.index);
      current._methodParts.unshift(label ? `${label[1]!} ${name}` : name);
      current._methodParts.push(method);
      flag(current, 'cells-shifted', `line ${ln(i)}: the project column holds, after the name, the label "การดำเนินการ :" and (after the page break) the steps ๑.-๕. of the work; they are method text (วิธีการ), so the label and the steps are moved to the start of the method, and the name ends at "${current.name.slice(-7)}"`);
    } else if (name !== '' && /^([๐-๙]+)\s*(?:\.\)|\))/.test(name)) {
      // "๒.)" or "๑)" … inside a project: a sub-activity printed as its own row
      const sub: SubActivity = { label: name, line: ln(i), period: period === '' ? null : period, budget: null, budgetPrinted: budget === '' ? null : budget };
      (current.subActivities ??= []).push(sub);
      current._methodParts.push(method);
      flag(current, 'sub-activity-rows', `line ${ln(i)}: "${name.slice(0, 40)}…" is a sub-activity printed as its own row (its number restarts inside project ${current.number}); kept under the project, not counted as a project`);
    } else if (name !== '') {
      current.name = joinBroken(current.name, name);
      current._methodParts.push(method);
      flag(current, pageBreakSince ? 'split-across-pages' : 'split-row', pageBreakSince
        ? `line ${ln(i)}: the project's name continues after a page break; joined`
        : `line ${ln(i)}: the project's name continues on a second row; joined`);
    } else {
      current._methodParts.push(method);
    }
    current._kpiParts.push(kpi);
    if (period !== '') current._periodParts.push(period);
    if (budget !== '' || (period !== '' && name === '')) addBudget(current, i, period, c[4] ?? '', name === '' ? labelOf(method) : undefined);
    pageBreakSince = false;
  }
}
function labelOf(method: string): string | undefined {
  const m = /^[-\s]*((?:กิจกรรม(?:ที่|รองที่)?\s*)?[๐-๙]+(?:\.[๐-๙]+)?[.)]?)/.exec(method);
  return m ? m[1] : undefined;
}
function addBudget(p: Project, i: number, period: string, cell: string, label: string | undefined): void {
  const text = clean(cell);
  if (text === '') return;
  p.budgetPrinted.push(text);
  const fix = BUDGET_FIXES[ln(i)];
  if (fix) {
    (p.budgetLines ??= []).push({ line: ln(i), period: period || null, printed: text, amount: fix.amount });
    flag(p, fix.flag, fix.note);
    return;
  }
  const parsed = parseBudgetCell(cell);
  if (parsed.perMeeting) {
    flag(p, 'amount-per-meeting', `budget printed "${parsed.printed}": an amount per meeting (ครั้ง), the number of meetings is not stated; the roll-ups count it once, as printed`);
  }
  const periods = period.split(/(?=ปีงบประมาณ)/).map((s) => s.trim()).filter((s) => s !== '');
  parsed.amounts.forEach((amount, k) => {
    const bl: BudgetLine = { line: ln(i), period: parsed.amounts.length > 1 ? periods[k] ?? null : period || null, printed: parsed.amounts.length > 1 ? (amount === null ? '-' : text.split(/\s+/).find((t) => t !== '-') ?? text) : text, amount };
    if (label !== undefined && parsed.amounts.length === 1) {
      bl.label = label;
      flag(p, 'method-step-rows', `line ${ln(i)}: step "${label}" of the method is printed as its own row with its own period and budget; kept in budgetLines (with its label) under the project, not counted as a project`);
    }
    (p.budgetLines ??= []).push(bl);
  });
}

// finish projects
for (const p of projects) {
  const lines2 = p.budgetLines ?? [];
  const amounts = lines2.map((b) => b.amount).filter((a): a is number => a !== null);
  p.budget = amounts.length === 0 ? null : amounts.reduce((s, a) => s + a, 0);
  if (amounts.length > 1) {
    flag(p, 'budget-summed', `${amounts.length} amounts are printed on the project's rows (${lines2.filter((b) => b.amount !== null).map((b) => `line ${b.line}: ${b.amount!.toLocaleString('en-US')}${b.period ? ` (${b.period})` : ''}`).join('; ')}); budget is their sum, each is kept in budgetLines`);
  }
  if (lines2.length <= 1 && !p.flags.includes('budget-digit-missing')) delete p.budgetLines;
  const prior = lines2.filter((b) => b.amount !== null && b.period !== null && b.period.includes('๒๕๖๕') && !b.period.includes('๒๕๖๖'));
  if (prior.length > 0 && p.budget !== null) {
    const priorSum = prior.reduce((s, b) => s + b.amount!, 0);
    flag(p, 'includes-prior-year', `of the budget ${p.budget.toLocaleString('en-US')}, ${priorSum.toLocaleString('en-US')} (${prior.map((b) => `line ${b.line}`).join(', ')}) is printed beside the period ${prior[0]!.period} (B.E. 2565, fiscal year 2022, the year before the plan's); the FY2023 (๒๕๖๖) part is ${(p.budget - priorSum).toLocaleString('en-US')}. budget and the roll-ups keep the printed sum`);
  }
  // every period cell of the project's rows, in order, one row's cell after another
  p.period = p._periodParts.length > 0 ? p._periodParts.join('; ') : null;
  const fullMethod = p._methodParts.filter((s) => s !== '').join(' ');
  p.method = shorten(fullMethod);
  p.kpi = p._kpiParts.filter((s) => s !== '').join(' ');
  const squash = (s: string): string => s.replace(/\s+/g, '');
  if (p.kpi !== '' && squash(p.kpi) === squash(fullMethod)) {
    flag(p, 'kpi-repeats-method', `the KPI cell (ตัวชี้วัด) repeats the method's text word for word, so no KPI of its own is printed${p.budgetPrinted.length === 0 ? '; the budget cell is blank (not "-"), so budget is null' : ''}; both are kept as printed`);
  }
  p.origin.note = `seed lines ${p._lines[0]}-${p._lines.at(-1)}`;
}

// projects printed under several measures; identical budgets
{
  const byName = new Map<string, Project[]>();
  for (const p of projects) {
    const key = p.name.replace(/[\s]/g, '').replace(/^[๐-๙]+[.)]/, '') + '|' + String(p.budget) + '|' + p.agencies.map((a) => a.name).join();
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const [first, ...rest] = group as [Project, ...Project[]];
    if (new Set(group.map((q) => q.measureId)).size < group.length) {
      for (const p of group) {
        flag(p, 'same-name-in-measure', `the same name is printed for ${group.filter((q) => q !== p).map((q) => q.id).join(', ')} in the same measure, with a different method (${group.map((q) => `${q.id}: "${q.method.slice(0, 50)}…"`).join('; ')}); both rows are kept as separate projects, as numbered in the seed`);
      }
      continue;
    }
    for (const p of group) {
      flag(p, 'listed-under-several-measures', `the same project (name, budget ${p.budget?.toLocaleString('en-US')}, agency) is printed under ${group.length} measures: ${group.map((q) => `${q.workstream}/${q.measure}`).join(', ')}; ${p === first ? 'this is the first listing, counted once in deduplicated roll-ups' : `sameAs ${first.id}: left out of deduplicated roll-ups`}`);
    }
    for (const p of rest) p.sameAs = first.id;
  }
  const byBudget = new Map<number, Project[]>();
  for (const p of projects) if (p.budget !== null && p.sameAs === undefined && !p.flags.includes('listed-under-several-measures')) byBudget.set(p.budget, [...(byBudget.get(p.budget) ?? []), p]);
  for (const all of byBudget.values()) {
    // identical amounts only matter within one agency and measure (elsewhere they are coincidences)
    const group = all.filter((p) => all.some((q) => q !== p && q.measureId === p.measureId && q.agencies[0]?.name === p.agencies[0]?.name));
    if (group.length < 2) continue;
    for (const p of group) {
      const other = group.filter((q) => q !== p).map((q) => q.id).join(', ');
      flag(p, 'identical-budget', `the same budget (${p.budget!.toLocaleString('en-US')} baht) is printed for ${other}, a different project of the same agency and measure; both are kept and counted as printed (it may be one allocation printed twice)`);
    }
  }
}

/**
 * Records that look like one activity printed more than once, but not identically (different
 * numbering, method or KPI), so they are not merged: each is flagged and kept, counted as printed
 * and in the deduplicated roll-ups (see docs/plan.md).
 */
const POSSIBLE_DUPLICATES: { ids: string[]; note: string }[] = [
  {
    ids: ['ws3-m1.1-p2', 'ws3-m1.1-p5', 'ws3-m2.2-p1'],
    note:
      'the Bureau of the Budget\'s activity "จัดทำร่างพระราชบัญญัติงบประมาณรายจ่ายประจำปี" (drafting the annual Budget Bill) is printed three times: ' +
      'ws3-m1.1-p2 "โครงการเพิ่มประสิทธิภาพการบริหารจัดการงบประมาณ กิจกรรม : จัดทำร่าง…" and ws3-m1.1-p5 "จัดทำร่าง…" in measure 1.1 with nearly the same method (machine-readable budget data with PDF on data.go.th; p5\'s KPI names p2\'s project), ' +
      'and ws3-m2.2-p1 "โครงการเพิ่มประสิทธิภาพ… กิจกรรม : จั ด ท า ร ำ ง…" (name garbled in the PDF text) in measure 2.2 with another method (printing and publishing the 11 budget documents). ' +
      'All three budget cells are "-", so no amount is at stake; the seed counts all three among its 95, so they stay separate projects (no sameAs) and count in both roll-ups',
  },
];
for (const d of POSSIBLE_DUPLICATES) {
  for (const id of d.ids) {
    const p = projects.find((q) => q.id === id);
    if (!p) throw new Error(`possible duplicate ${id} not found`);
    flag(p, 'possible-duplicate', `possible duplicate of ${d.ids.filter((x) => x !== id).join(' and ')}: ${d.note}`);
  }
}

// ---------------------------------------------------------------- quick wins, laws, SWOT, stated counts

const quickWins: unknown[] = [];
const laws: unknown[] = [];
{
  const start = findLine((l) => l.startsWith('ประเด็นสำคัญเร่งด่วน (Quick Win) เพื่อยกระดับ'));
  const end = findLine((l) => l.startsWith('ส่วนที่ ๒'), start);
  const LEADS: Record<number, string[]> = {
    1: ['สำนักงานคณะกรรมการนโยบายเขตพัฒนาพิเศษภาคตะวันออก', 'สำนักงาน ก.พ.ร.'],
    2: ['สำนักงาน ก.พ.ร.'],
    3: ['สำนักงาน ก.พ.ร.'],
    4: ['สำนักงานงบประมาณ', 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)', 'กระทรวงมหาดไทย'],
  };
  let last: { text: string } | undefined;
  for (let i = start + 1; i < end; i++) {
    const line = (lines[i] ?? '').trim();
    const q = /^([๐-๙])\. (.+)$/.exec(line);
    if (q) {
      const n = thaiNum(q[1]!);
      const body = q[2]!;
      // "title (EEC) (lead (สกพอ.) และ lead เป็นหน่วยขับเคลื่อนหลัก) …": the leads are the bracket that
      // closes after "เป็นหน่วยขับเคลื่อนหลัก"; brackets inside the title or the leads are kept
      const marker = body.indexOf(' เป็นหน่วยขับเคลื่อนหลัก)');
      let open = -1;
      for (let k = marker - 1, depth = 0; marker >= 0 && k >= 0; k--) {
        if (body[k] === ')') depth++;
        else if (body[k] === '(' && depth > 0) depth--;
        else if (body[k] === '(') {
          open = k;
          break;
        }
      }
      const title = open >= 0 ? body.slice(0, open).trim() : body.split(' เพื่อลดข้อจำกัด')[0]!;
      const leadsPrinted = open >= 0 ? body.slice(open + 1, marker) : '';
      const leads = (LEADS[n] ?? []).map((name) => {
        if (!leadsPrinted.includes(name.replace(/ \(องค์การมหาชน\)$/, ''))) throw new Error(`quick win ${n}: lead ${name} not in "${leadsPrinted}"`);
        return agency(name);
      });
      const rec = { number: n, title, text: body, leadsPrinted: leadsPrinted || null, leads, origin: { kind: 'seed', section: 'ส่วนที่ ๑ ประเด็นสำคัญเร่งด่วน (Quick Win)', note: `seed line ${ln(i)}` } };
      quickWins.push(rec);
      last = rec;
      continue;
    }
    const l = /^- (.+) \(([^()]+)\)$/.exec(line);
    if (l) {
      laws.push({ quickWin: 5, name: l[1]!, agency: agency(l[2]!), origin: { kind: 'seed', section: 'ส่วนที่ ๑ ประเด็นสำคัญเร่งด่วน (Quick Win) ประเด็นที่ ๕', note: `seed line ${ln(i)}` } });
      continue;
    }
    if (line !== '' && last && !line.startsWith('-')) last.text = joinBroken(last.text, line);
  }
}

let swot: unknown;
{
  const s = findLine((l) => l.startsWith('Strengths\tWeaknesses'));
  const o = findLine((l) => l.startsWith('Opportunities\tThreats'), s);
  const items = (cell: string | undefined): string[] =>
    clean(cell)
      .split(/(?:^|\s)-\s+/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
  const [st, we] = cells(s + 1);
  const [op, th] = cells(o + 1);
  const origin = (i: number) => ({ kind: 'seed', section: 'ภาคผนวก การวิเคราะห์ SWOT Analysis', note: `seed line ${ln(i)}` });
  swot = {
    strengths: { items: items(st), origin: origin(s + 1) },
    weaknesses: { items: items(we), origin: origin(s + 1) },
    opportunities: { items: items(op), origin: origin(o + 1) },
    threats: { items: items(th), origin: origin(o + 1) },
  };
}

/** The counts the seed states (summary, executive summary, Part 1). */
let stated: unknown;
{
  // คำนำ: 95 projects, per workstream
  const i = findLine((l) => l.includes('ที่รองรับรวมจำนวน'));
  const line = lines[i]!;
  const total = thaiNum(/รวมจำนวน ([๐-๙]+) โครงการ/.exec(line)![1]!);
  const per = [...line.matchAll(/จำนวน ([๐-๙]+) โครงการ\/กิจกรรม/g)].map((m) => thaiNum(m[1]!));
  // บทสรุปผู้บริหาร: "… ประเด็นสำคัญเร่งด่วน … จำนวน ๕ ประเด็น ดังนี้"
  const k = findLine((l) => /^อีกทั้งยังมีการกำหนดประเด็นสำคัญเร่งด่วน.*จำนวน [๐-๙]+ ประเด็น/.test(l));
  const quickWinCount = thaiNum(/จำนวน ([๐-๙]+) ประเด็น/.exec(lines[k]!)![1]!);
  // บทนำ ๑. ความเป็นมา: "การดำเนินการ ๔ เรื่อง ๑๓ แนวทาง ๓๖ มาตรการ คือ", then one line per workstream
  const j = findLine((l) => /การดำเนินการ [๐-๙]+ เรื่อง [๐-๙]+ แนวทาง [๐-๙]+ มาตรการ/.test(l));
  const totals = /การดำเนินการ ([๐-๙]+) เรื่อง ([๐-๙]+) แนวทาง ([๐-๙]+) มาตรการ/.exec(lines[j]!)!;
  const wsLines = [1, 2, 3, 4].map((n) => findLine((l) => l.startsWith(`- ${toThai(n)}) `), j));
  const perWs = wsLines.map((li) => {
    const m = /^- [๐-๙]+\) (.+?) ([๐-๙]+) แนวทาง ([๐-๙]+) มาตรการ$/.exec(lines[li]!.trim())!;
    return { name: m[1]!, approaches: thaiNum(m[2]!), measures: thaiNum(m[3]!) };
  });
  const renamed = perWs.map((w, k2) => ({ ...w, n: k2 + 1 })).filter((w) => w.name !== WS_NAMES[w.n]);
  stated = {
    workstreams: thaiNum(totals[1]!),
    approaches: thaiNum(totals[2]!),
    measures: thaiNum(totals[3]!),
    projects: total,
    byWorkstream: [1, 2, 3, 4].map((n, k2) => ({ workstream: n, name: perWs[k2]!.name, projects: per[k2 + 1], approaches: perWs[k2]!.approaches, measures: perWs[k2]!.measures })),
    quickWins: quickWinCount,
    origin: {
      kind: 'seed',
      section: 'คำนำ; บทสรุปผู้บริหาร; บทนำ ๑. ความเป็นมา',
      note:
        `seed lines ${ln(i)} (projects), ${ln(k)} (quick wins), ${ln(j)}-${ln(wsLines[3]!)} (workstreams, approaches, measures; the names as printed there)` +
        renamed.map((w) => `; Part 1's table heading prints workstream ${w.n} as "${WS_NAMES[w.n]}"`).join(''),
    },
  };
}

// ---------------------------------------------------------------- write

const agencyList = Object.values(AGENCIES)
  .filter((d) => agencyUse.has(d.th))
  .map((d) => {
    const variants = [...(agencyUse.get(d.th) ?? [])].sort();
    const merged = Object.entries(AGENCY_ALIASES)
      .filter(([, v]) => AGENCIES[v.key]?.th === d.th && v.reason !== '' && variants.some((p) => agencyKey(p) === Object.keys(AGENCY_ALIASES).find((k) => k === agencyKey(p))))
      .map(([, v]) => v.reason);
    return {
      name: d.th,
      ...(d.en ? { en: d.en } : {}),
      ...(d.abbreviation ? { abbreviation: d.abbreviation } : {}),
      printed: variants,
      ...(merged.length || d.note ? { note: [...merged, ...(d.note ? [d.note] : [])].join('; ') } : {}),
      origin: { kind: 'seed', section: 'ส่วนที่ ๑ และ ส่วนที่ ๒: หน่วยงานที่รับผิดชอบ' },
    };
  });

for (const p of projects) {
  const notes = flagNotes.get(p.id);
  if (notes) p.note = notes.join(' | ');
  delete (p as Partial<Project>)._lines;
  delete (p as Partial<Project>)._methodParts;
  delete (p as Partial<Project>)._kpiParts;
  delete (p as Partial<Project>)._periodParts;
}

mkdirSync(OUT, { recursive: true });
const write = (file: string, value: unknown): void => { writeFileSync(join(OUT, file), `${JSON.stringify(value, null, 2)}\n`); };
write('approaches.json', approaches);
write('measures.json', measures);
write('projects.json', projects);
write('agencies.json', agencyList);
write('quickWins.json', { quickWins, laws });
write('swot.json', swot);
write('stated.json', stated);

const perWs = [1, 2, 3, 4].map((n) => projects.filter((p) => p.workstream === n).length);
console.log(`approaches ${approaches.length}, measures ${measures.length}, projects ${projects.length} (${perWs.join('/')}), agencies ${agencyList.length}`);
console.log(`flagged: ${projects.filter((p) => p.flags.length > 0).length}`);
