import type { Digits } from '../../../src/i18n/labels.js';
import type { ChartLabels } from '../chart.js';
import type { AppState } from '../state.js';
import type { Format } from '../ui.js';

/**
 * Change part of the state (or derive the change from the current state: inputs that are not redrawn
 * must not read the state they were drawn with); the page redraws what depends on it.
 */
export type Update = (change: Partial<AppState> | ((current: AppState) => Partial<AppState>), scope?: 'outputs') => void;

/** The look every chart of the page takes from the state: language, era and digits (the Thai-digits toggle). */
export function chartLook(state: AppState): { readonly locale: AppState['locale']; readonly era: AppState['era']; readonly digits: Digits } {
  return { locale: state.locale, era: state.era, digits: state.thaiDigits ? 'thai' : 'arabic' };
}

export function chartLabels(f: Format): ChartLabels {
  return { png: f.t('png'), svg: f.t('svg'), csv: f.t('csv'), dataTable: f.t('dataTable') };
}
