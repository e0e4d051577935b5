import { describe, expect, it } from 'vitest';
import { thailand } from '../dataset/thailand.js';
import { peerComparison } from '../world/peerComparison.js';
import { peerComparisonSpec } from './peerComparisonSpec.js';
import { checkSpec, expectRejections, rows, snapshotable } from './specChecks.test-data.js';

interface Row {
  name: string;
  iso3: string;
  score: number;
  lower: number;
  upper: number;
  kind: 'self' | 'tied' | 'different';
  tied: string;
}

const asean = () => peerComparison(thailand, { group: 'asean', year: 2025 });

describe('peerComparisonSpec', () => {
  it.each(['en', 'th'] as const)('validates, compiles and draws without warnings, with Thai or English labels (%s)', async (locale) => {
    const spec = peerComparisonSpec(asean(), { locale, era: locale === 'th' ? 'be' : 'ce' });
    const { svg, schemaErrors, warnings } = await checkSpec(spec);
    expect(schemaErrors).toEqual([]);
    expect(warnings).toEqual([]);
    if (locale === 'th') {
      expect(svg).toContain('ประเทศไทย ในกลุ่มอาเซียน CPI ปี 2568: อันดับ 8 จาก 11');
      expect(svg).toContain('สิงคโปร์');
    } else {
      expect(svg).toContain('Thailand among ASEAN, CPI 2025: 8 of 11');
      expect(svg).toContain('Transparency International, Corruption Perceptions Index 2025 (CC BY-ND 4.0)');
      expect(svg).not.toMatch(/[\u0E00-\u0E7F]{4}/);
    }
    expect(snapshotable(spec)).toMatchSnapshot();
  });

  it("draws one row per member, best first, with TI's interval; the country dark, tied peers hollow", () => {
    const c = asean();
    const values = rows<Row>(peerComparisonSpec(c));
    expect(values.map((v) => [v.iso3, v.score, v.lower, v.upper])).toEqual(c.peers.map((p) => [p.iso3, p.score, p.lower, p.upper]));
    expect(values.filter((v) => v.kind === 'self').map((v) => v.name)).toEqual(['Thailand']);
    expect(values.filter((v) => v.kind === 'tied').map((v) => v.iso3)).toEqual(['TLS', 'IDN', 'LAO', 'PHL']);
    expect(values.find((v) => v.iso3 === 'SGP')).toMatchObject({ kind: 'different', tied: 'no' });
    const meta = peerComparisonSpec(c).usermeta?.['cpiGap'] as { group: string; groupRank: number; provenance: { tiEditions: number[] } };
    expect([meta.group, meta.groupRank, meta.provenance.tiEditions]).toEqual(['asean', 8, [2025]]);
  });

  it('grows taller than the default for a large group (22 px a row)', () => {
    const region = peerComparison('THA', { year: 2025 });
    expect(region.peers).toHaveLength(32);
    expect((peerComparisonSpec(region) as { height?: number }).height).toBe(32 * 22);
    expect((peerComparisonSpec(asean()) as { height?: number }).height).toBe(360);
  });

  it('names the bad field or option', () => {
    const c = asean();
    expectRejections([
      [() => peerComparisonSpec({ ...c, peers: [] }), /^peerComparisonSpec: comparison\.peers: /],
      [() => peerComparisonSpec({ ...c, median: Number.NaN }), /^peerComparisonSpec: comparison\.median: /],
      [() => peerComparisonSpec(c, { locale: 'fr' } as never), /^peerComparisonSpec: options\.locale: /],
    ]);
  });
});
