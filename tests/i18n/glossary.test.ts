import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY_FILE, glossary, glossaryMarkdown } from '../../scripts/th-glossary.js';

describe('docs/i18n/th-glossary.md', () => {
  it('lists every Thai label of the label tables with its English (rerun scripts/th-glossary.ts after changing a label)', () => {
    expect(readFileSync(GLOSSARY_FILE, 'utf8')).toBe(glossaryMarkdown());
  });

  it('has a Thai and an English text on every row, and keeps the seed`s terms', () => {
    const rows = glossary().flatMap((s) => s.rows);
    expect(rows.length).toBeGreaterThan(150);
    for (const r of rows) {
      expect(r.th, r.key).not.toBe('');
      expect(r.en, r.key).not.toBe('');
      expect(`${r.th} ${r.en}`, r.key).not.toMatch(/undefined|NaN|\[object/);
      // A share written as a percent stays a percent (a stand-in number once read "5100%").
      for (const m of `${r.th} ${r.en}`.matchAll(/(\d+(?:\.\d+)?)%/g)) expect(Number(m[1]), r.key).toBeLessThanOrEqual(100);
    }
    const th = rows.map((r) => r.th).join('\n');
    expect(th).not.toContain('ลำดับช่องว่าง');
    expect(th).toContain('BF (TI)');
    expect(th).toContain('การตรวจสอบการใช้อำนาจและตำแหน่งหน้าที่ของเจ้าหน้าที่รัฐ');
  });
});
