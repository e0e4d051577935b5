/** Fuzz every function exported by `cpi-gap/expr` (mathjs in a sandbox). */
import * as expr from '../../src/expr/index.js';
import { fuzzEntry } from './harness.js';

fuzzEntry('cpi-gap/expr', expr, {
  compileExpression: { args: () => ['baseline + 1.5 * t', {}] },
  evaluateExpression: { args: () => ['min(baseline + 2 * t, 60)', { baseline: 55, t: 3 }] },
});
