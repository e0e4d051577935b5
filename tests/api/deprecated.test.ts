/**
 * The deprecated aliases CHANGELOG.md lists keep working, each as its replacement does. This file
 * is the one place that calls them (eslint.config.js lets it: no-deprecated is off here only).
 */
import { describe, expect, it } from 'vitest';
import { planStatusSpec, StatusChartOptions, statusByWorkstreamChart } from '../../src/charts/index.js';
import { progressRollup } from '../../src/plan/index.js';

describe('deprecated aliases', () => {
  const rollup = progressRollup([{ projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'delayed' }], { asOf: '2023-03-31' });

  it('statusByWorkstreamChart is planStatusSpec', () => {
    expect(statusByWorkstreamChart(rollup, { locale: 'en', normalize: true })).toEqual(planStatusSpec(rollup, { locale: 'en', normalize: true }));
    expect(() => statusByWorkstreamChart(rollup, { width: 0 })).toThrow(/planStatusSpec: options\.width/);
  });

  it('StatusChartOptions still parses the status chart options (now the chart options plus normalize)', () => {
    expect(StatusChartOptions.safeParse({ locale: 'th', normalize: true, title: 'Status' }).success).toBe(true);
    expect(StatusChartOptions.safeParse({ normalize: 'yes' }).success).toBe(false);
    expect(StatusChartOptions.safeParse(undefined).success).toBe(true);
  });
});
