// The CPI explorer: the page's state (in the URL), its sections, and the simulation in a Web Worker.
import './style.css';
import type { SimulationResult } from '../../src/simulation/index.js';
import { datasetInput, stand, whatIfSpec, type Stand } from './model.js';
import { planPanel, readProgressFile, type Progress } from './panels/plan.js';
import { standPanel } from './panels/stand.js';
import { PAGE_PATHS, whatIfInputs, whatIfOutputs } from './panels/whatIf.js';
import { simulateInWorker } from './simClient.js';
import { parseState, stateHash, type AppState } from './state.js';
import { el, format } from './ui.js';

/** What the tests and the bench read: the state, and when the page last finished drawing. */
interface PageProbe {
  state: AppState;
  /** Counts of finished draws: the whole page, the what-if outputs, simulation results shown. */
  drawn: number;
  outputs: number;
  simulated: number;
  /** performance.now() when the what-if outputs and the simulation's results were last drawn (for the bench). */
  outputsAt: number;
  simulatedAt: number;
  error: string | null;
}
const probe: PageProbe = { state: parseState(location.hash), drawn: 0, outputs: 0, simulated: 0, outputsAt: 0, simulatedAt: 0, error: null };
(globalThis as unknown as { cpiGapApp: PageProbe }).cpiGapApp = probe;

let state = probe.state;
let current: Stand | null = null;
let sim: SimulationResult | null = null;
let progress: Progress | null = null;
let drawing = Promise.resolve();
let outputsQueued = false;

const root = document.getElementById('app') ?? document.body;

function report(e: unknown): void {
  probe.error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  root.prepend(el('div', { role: 'alert', class: 'error' }, probe.error));
}

/** Ask the worker for the simulation of the current what-if; redraw the outputs when it answers. */
function requestSimulation(s: Stand): void {
  sim = null;
  void simulateInWorker({
    dataset: datasetInput(s.dataset),
    baseYear: s.year,
    horizon: state.horizon,
    paths: PAGE_PATHS,
    target: state.target,
    ranks: s.targetRank === null ? [] : [s.targetRank],
    scenario: whatIfSpec(state, s),
  }).then((result) => {
    if (result === null) return;
    if (result instanceof Error) {
      report(result);
      return;
    }
    sim = result;
    drawing = drawing.then(drawOutputs).then(() => {
      probe.simulated += 1;
      probe.simulatedAt = performance.now();
    }, report);
  });
}

async function drawOutputs(): Promise<void> {
  if (current === null) return;
  const out = await whatIfOutputs(state, current, format(state), sim);
  const old = document.getElementById('whatif-out');
  // While the worker simulates, the last fan chart stays in place, marked as out of date.
  const fan = sim === null ? old?.querySelector('#chart-monte-carlo-fan') : null;
  if (fan !== null && fan !== undefined) {
    fan.classList.add('stale');
    fan.setAttribute('aria-busy', 'true');
    out.querySelector('#chart-scenario-paths')?.after(fan);
  }
  old?.replaceWith(out);
  probe.outputs += 1;
  probe.outputsAt = performance.now();
}

function header(): HTMLElement {
  const f = format(state);
  const lang = el('select', { id: 'lang' }, el('option', { value: 'th', selected: state.locale === 'th', lang: 'th' }, 'ไทย'), el('option', { value: 'en', selected: state.locale === 'en', lang: 'en' }, 'English'));
  lang.addEventListener('change', () => {
    const locale = lang.value === 'en' ? 'en' : 'th';
    update({ locale, era: locale === 'th' ? 'be' : 'ce' });
  });
  const era = el('select', { id: 'era' }, el('option', { value: 'be', selected: state.era === 'be' }, f.t('eraBe')), el('option', { value: 'ce', selected: state.era === 'ce' }, f.t('eraCe')));
  era.addEventListener('change', () => {
    update({ era: era.value === 'ce' ? 'ce' : 'be' });
  });
  const digits = el('input', { id: 'digits', type: 'checkbox', checked: state.thaiDigits });
  digits.addEventListener('change', () => {
    update({ thaiDigits: digits.checked });
  });
  const print = el('button', { type: 'button', id: 'print' }, f.L('print'));
  print.addEventListener('click', () => {
    window.print();
  });
  const copy = el('button', { type: 'button', id: 'copy-link' }, f.L('copyLink'));
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(location.href).then(() => {
      copy.replaceChildren(f.L('copied'));
    });
  });
  // The hash holds the state: the skip link moves the focus without changing it.
  const skip = el('a', { href: '#main', class: 'skip' }, f.L('skip'));
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    document.getElementById('main')?.focus();
  });
  return el(
    'header',
    {},
    skip,
    el('h1', {}, f.L('title')),
    el('p', { class: 'lead' }, f.L('subtitle')),
    el(
      'div',
      { class: 'controls settings', role: 'group', 'aria-label': f.t('settings') },
      el('div', { class: 'field' }, el('label', { for: 'lang' }, f.L('language')), lang),
      el('div', { class: 'field' }, el('label', { for: 'era' }, f.L('era')), era),
      el('div', { class: 'field check' }, digits, el('label', { for: 'digits' }, f.L('digits'))),
      el('div', { class: 'field' }, print),
      el('div', { class: 'field' }, copy),
    ),
  );
}

/** Draw the whole page for the state. */
async function drawPage(): Promise<void> {
  document.documentElement.lang = state.locale;
  const f = format(state);
  const s = stand(state);
  current = s;
  const main = el('main', { id: 'main', tabindex: '-1' });
  const [standSection, outputs, planSection] = await Promise.all([
    standPanel(state, s, f, update),
    whatIfOutputs(state, s, f, null),
    planPanel(state, s.dataset, f, progress, (file) => {
      void readProgressFile(file).then((p) => {
        progress = p;
        scheduleDraw();
      });
    }, update),
  ]);
  main.append(
    standSection,
    el('section', { id: 'whatif', 'aria-labelledby': 'whatif-title' }, el('h2', { id: 'whatif-title' }, f.L('whatIfTitle')), whatIfInputs(state, s, f, update), outputs),
    planSection,
  );
  const footer = el('footer', {}, el('p', {}, f.L('footer')));
  // Keyboard users keep their place: the control that had the focus has it again after the redraw.
  const focused = document.activeElement?.id ?? '';
  root.replaceChildren(header(), main, footer);
  if (focused !== '') document.getElementById(focused)?.focus({ preventScroll: true });
  document.title = f.t('title');
  probe.drawn += 1;
  requestSimulation(s);
}

function scheduleDraw(): void {
  drawing = drawing.then(drawPage).catch(report);
}

/** Change the state, write it to the URL, and redraw the page (or only the what-if outputs). */
function update(change: Partial<AppState> | ((current: AppState) => Partial<AppState>), scope?: 'outputs'): void {
  state = { ...state, ...(typeof change === 'function' ? change(state) : change) };
  probe.state = state;
  history.replaceState(null, '', `${location.pathname}${location.search}${stateHash(state)}`);
  // The last simulation is of the previous state: its probabilities are not shown with the new one.
  sim = null;
  if (scope === 'outputs' && current !== null) {
    // A slider dragged fires many inputs: one redraw waits at a time, and it draws the latest state.
    if (outputsQueued) return;
    outputsQueued = true;
    const s = current;
    drawing = drawing
      .then(() => {
        outputsQueued = false;
        return drawOutputs();
      })
      .then(() => {
        requestSimulation(s);
      }, report);
  } else {
    scheduleDraw();
  }
}

addEventListener('hashchange', () => {
  state = parseState(location.hash);
  probe.state = state;
  scheduleDraw();
});

scheduleDraw();
