import type { ChartLabels } from '../chart.js';
import type { AppState } from '../state.js';
import type { Format } from '../ui.js';

/** Change part of the state; the page redraws what depends on it. */
export type Update = (change: Partial<AppState>, scope?: 'outputs') => void;

export function chartLabels(f: Format): ChartLabels {
  return { png: f.t('png'), svg: f.t('svg'), csv: f.t('csv'), dataTable: f.t('dataTable') };
}
