// Following the FY2023 plan through the year (the seed's Part 3): agencies send quarterly progress
// updates to the secretariat (สำนักงาน ป.ป.ท.), which consolidates them. The updates here are a
// generated sample (seeded, so every run prints the same), written as an agency would fill in the
// Thai form (B.E. dates, Thai statuses), read back, rolled up and reported.
// Run: npx tsx examples/plan-follow-up.ts
import {
  formatStatusReport,
  plan,
  PROGRESS_HEADERS,
  progressRollup,
  readProgressCsv,
  STATUS_LABELS,
  statusReport,
  type ProgressStatus,
} from '../src/plan/index.js';

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(2566);

const OBSTACLES = [
  'ขาดแคลนบุคลากร',
  'งบประมาณได้รับการจัดสรรล่าช้า',
  'รอความเห็นชอบจากหน่วยงานที่เกี่ยวข้อง',
  'Procurement re-tendered after no bids',
  'Partner agencies slow to share data',
];
// Quarter ends of FY2566, written as the Thai form would: day/month/B.E. year.
const QUARTERS = ['31/12/2565', '31/03/2566', '30/06/2566'];

const h = PROGRESS_HEADERS.th;
const lines = [[h.projectId, h.reporter, h.date, h.status, h.percentComplete, h.budgetSpent, h.problems].join(',')];
for (const p of plan.projects.filter((x) => x.sameAs === undefined)) {
  if (random() < 0.12) continue; // this agency never reports
  const pace = random() < 0.06 ? 0 : 15 + random() * 35; // percentage points a quarter (0: not started)
  const cancelled = random() < 0.04;
  let percent = 0;
  for (const [q, date] of QUARTERS.entries()) {
    if (random() < 0.15) continue; // a missed quarter
    percent = Math.min(100, Math.round(percent + pace * (0.5 + random())));
    let status: ProgressStatus = percent === 0 ? 'not-started' : percent >= 100 ? 'done' : 'in-progress';
    if (status === 'in-progress' && random() < 0.15) status = 'delayed';
    if (cancelled && q === 2) status = 'cancelled';
    const spent = p.budget === null ? 0 : Math.round((p.budget * percent * (0.8 + random() * 0.45)) / 100);
    const problem = status === 'delayed' || status === 'cancelled' || random() < 0.03 ? OBSTACLES[Math.floor(random() * OBSTACLES.length)] : '';
    lines.push([p.id, p.agencies[0]?.name ?? '', date, STATUS_LABELS.th[status], status === 'cancelled' ? '' : String(percent), spent > 0 ? String(spent) : '', problem ?? ''].join(','));
  }
}
const csv = lines.join('\n');

// The secretariat reads the forms back (Thai headers, B.E. dates, Thai statuses) ...
const updates = readProgressCsv(csv);
console.log(`${updates.length} updates read from the agencies' forms (${new Set(updates.map((u) => u.projectId)).size} projects reported at least once).\n`);

// ... and reports as of the end of the third quarter.
const report = statusReport(updates, { asOf: '2023-06-30', locale: 'en' });
console.log(formatStatusReport(report));

console.log('\nBy source (a project counts for every source its workstream feeds):');
for (const g of progressRollup(updates, { asOf: '2023-06-30', by: 'source' }).groups) {
  const pct = (x: number | null): string => (x === null ? '   -' : `${(x * 100).toFixed(1).padStart(5)}%`);
  console.log(`  ${g.key.padEnd(5)} ${String(g.projects).padStart(3)} projects, done ${pct(g.shareComplete)} (by budget ${pct(g.shareCompleteByBudget)}), spent ${pct(g.spentShare)} of planned, ${g.overdue.length} overdue`);
}
