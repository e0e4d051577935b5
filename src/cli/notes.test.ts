import { describe, expect, it } from 'vitest';
import { thailand } from '../dataset/thailand.js';
import { datasetFromTi } from '../ti/datasetFromTi.js';
import { readTiResults } from '../ti/readTiResults.js';
import { methodsNote } from './notes.js';

// A country from a TI-shaped file without standard errors or workstreams.
const text = [
  'Country,ISO3,Region,CPI 2025 score,Rank,Economist Intelligence Unit Country Ratings,Global Insights Country Risk Ratings,PRS International Country Risk Guide',
  'Borduria,BOR,ECA,40,1,40,40,40',
].join('\n');
const borduria = datasetFromTi(readTiResults(text, { file: 'mini.csv' }).rows, 'BOR').dataset;

describe('methodsNote', () => {
  it('names the seed and TI editions of the years used, and the range of TI standard errors', () => {
    const note = methodsNote(thailand, { kind: 'scenario', years: [2021, 2022] }, 'en');
    expect(note).toMatch(/^Methods and caveats: Sources: Thailand FY2023 CPI action plan \(seed document\); Transparency International, Corruption Perceptions Index 2021, 2022 \(CC BY-ND 4\.0\)\./);
    expect(note).toContain('Scenarios and allocations are assumptions');
    // TI's standard errors for Thailand: 0.8400027 (2021) and 1.091841 (2022), in data/thailand/cpi.json.
    expect(note).toMatch(/standard errors for the years concerned: 0\.8-1\.1 points\)\.$/);
  });

  it('leaves out what a dataset does not have: workstreams, standard errors', () => {
    for (const locale of ['en', 'th'] as const) {
      const note = methodsNote(borduria, { kind: 'report', years: [2025] }, locale);
      expect(note).not.toMatch(/FY2023|แผนงานและแหล่งข้อมูล|standard errors|ค่าความคลาดเคลื่อนมาตรฐาน/);
      expect(note).toMatch(locale === 'en' ? /not statistically significant\.$/ : /ไม่มีนัยสำคัญทางสถิติ$/);
    }
  });

  it('writes the trend caveat in both languages', () => {
    expect(methodsNote(thailand, { kind: 'trend', years: [2024, 2025] }, 'en')).toContain('it describes, it does not forecast');
    expect(methodsNote(thailand, { kind: 'trend', years: [2024, 2025] }, 'th')).toContain('แนวโน้มเส้นตรงจากข้อมูลเพียง 6-9 ปีเปราะบาง');
    expect(methodsNote(thailand, { kind: 'trend', years: [2024, 2025] }, 'th')).not.toContain('แผนงานและแหล่งข้อมูล');
  });
});
