import { extname } from 'node:path';
import { ScenarioSpec } from '../analysis/scenarioSpec.js';
import { latestYear, scoresOfYear } from '../dataset/access.js';
import type { Dataset } from '../dataset/createDataset.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { CpiGapError, type CpiGapIssue, fail, fromZodIssues, safeParseEn } from '../errors.js';
import { roundScore } from '../methodology/roundScore.js';
import { readBounded } from '../util/files.js';
import { parseJsonText } from '../util/json.js';
import { INPUT_FILES, libraryIssues } from './common.js';

/** The fields of a change whose value may be an expression (see docs/cli.md). */
export const EXPRESSION_FIELDS = ['value', 'delta', 'gain', 'uplift'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parse a scenario file's text as JSON (`.json`) or YAML (`.yaml`, `.yml`; the extension was checked
 * before reading). Both drop a byte order mark and refuse a key repeated in an object; an alias bomb
 * (aliases expanding past 100 nodes) is refused naming the file.
 */
async function parseText(file: string, text: string): Promise<unknown> {
  if (extname(file).toLowerCase() === '.json') return parseJsonText(file, text, ['document']);
  const YAML = await import('yaml');
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const problem = doc.errors[0];
  if (problem !== undefined) {
    // With prettyErrors every error carries its position; the message's first line says what is wrong.
    const [where] = problem.linePos ?? [{ line: 1, col: 1 }];
    const message = problem.message.replace(/\n[\s\S]*$/, '').replace(/ at line \d+, column \d+:?$/, '');
    return fail(file, [`line ${where.line}, column ${where.col}`], `not valid YAML: ${message}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    // yaml throws a ReferenceError for "Excessive alias count" (and for an alias to no anchor).
    throw new CpiGapError(file, [{ path: ['document'], message: `YAML aliases expand too far or point nowhere (${(error as Error).message})`, code: 'invalid_yaml' }], { cause: error });
  }
}

/** The numbers an expression can use for one change, or why they cannot be known. */
function scopeOf(dataset: Dataset, change: Record<string, unknown>, baseYear: number, target: number): Record<string, number> | string {
  const year = change['year'] ?? change['from'];
  if (typeof year !== 'number' || !Number.isInteger(year)) return "the change's year (year or from) is not a whole number";
  if (!dataset.years.includes(baseYear)) return `the base year ${baseYear} has no scores (${dataset.years[0]}..${latestYear(dataset)})`;
  const scores = scoresOfYear(dataset, baseYear);
  let baseline: number | undefined;
  if (typeof change['source'] === 'string') baseline = scores.get(change['source'] as SourceId);
  else {
    const ws = dataset.workstreams.find((w) => w.number === change['workstream']);
    const values = (ws?.sources ?? []).flatMap((s) => {
      const v = scores.get(s);
      return v === undefined ? [] : [v];
    });
    if (values.length > 0) baseline = values.reduce((a, b) => a + b, 0) / values.length;
  }
  if (baseline === undefined) return `baseline is unknown: no score in ${baseYear} for the change's source or workstream`;
  // The published score, or (for a year TI has not scored) the rounded mean of the sources.
  const all = [...scores.values()];
  const cpi = dataset.cpi.find((c) => c.year === baseYear)?.score ?? roundScore(all.reduce((a, b) => a + b, 0) / all.length);
  return { baseline, t: year - baseYear, year, baseYear, cpi, target };
}

/**
 * Replace every expression string in the changes' value fields by its value. mathjs (through
 * `cpi-gap/expr`) loads only when there is one. A change whose year or subject is itself invalid
 * keeps its string: the schema then reports the real problem.
 */
async function resolveExpressions(file: string, dataset: Dataset, raw: Record<string, unknown>, target: number): Promise<{ resolved: unknown; unresolved: CpiGapIssue[] }> {
  if (!Array.isArray(raw['changes'])) return { resolved: raw, unresolved: [] };
  const changes: unknown[] = raw['changes'];
  const pending = changes.some((c) => isRecord(c) && EXPRESSION_FIELDS.some((f) => typeof c[f] === 'string'));
  if (!pending) return { resolved: raw, unresolved: [] };
  const { compileExpression } = await import('../expr/index.js');
  const baseYear = typeof raw['baseYear'] === 'number' ? raw['baseYear'] : latestYear(dataset);
  const issues: CpiGapIssue[] = [];
  const unresolved: CpiGapIssue[] = [];
  const resolved: unknown[] = [];
  for (const [i, change] of changes.entries()) {
    if (!isRecord(change)) {
      resolved.push(change);
      continue;
    }
    const out: Record<string, unknown> = { ...change };
    for (const field of EXPRESSION_FIELDS) {
      const text = change[field];
      if (typeof text !== 'string') continue;
      const path = ['changes', i, field];
      try {
        const compiled = await compileExpression(text);
        const scope = scopeOf(dataset, change, baseYear, target);
        if (typeof scope === 'string') unresolved.push({ path, message: `cannot evaluate the expression: ${scope}`, value: text, code: 'unresolved_expression' });
        else out[field] = compiled.evaluate(scope);
      } catch (error) {
        for (const issue of libraryIssues(error)) issues.push({ path, message: issue.message, value: text, code: issue.code });
      }
    }
    resolved.push(out);
  }
  if (issues.length > 0) throw new CpiGapError(file, issues);
  return { resolved: { ...raw, changes: resolved }, unresolved };
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * Read a scenario file (JSON or YAML) into a validated {@link ScenarioSpec}, with expressions such
 * as `baseline + 1.5 * t` evaluated. Every error names the file, the path inside it and the problem.
 *
 * @param target The `--target` score, for expressions that use `target`.
 * @param signal Ctrl-C: stops the read.
 */
export async function readScenarioFile(file: string, dataset: Dataset, target: number, signal?: AbortSignal): Promise<ScenarioSpec> {
  const text = (await readBounded(file, INPUT_FILES.scenario, signal)).toString('utf8');
  const raw = await parseText(file, text);
  if (!isRecord(raw)) return fail(file, ['document'], 'expected a scenario: an object with changes (see cpi-gap scenario --help)', raw, 'invalid_type');
  const { resolved, unresolved } = await resolveExpressions(file, dataset, raw, target);
  const parsed = safeParseEn(ScenarioSpec, resolved);
  if (parsed.success) return parsed.data;
  // An expression left unevaluated: say why, instead of the schema's "expected number".
  const others = fromZodIssues(parsed.error.issues, resolved).filter((i) => !unresolved.some((u) => samePath(u.path, i.path)));
  throw new CpiGapError(file, [...others, ...unresolved], { cause: parsed.error });
}
