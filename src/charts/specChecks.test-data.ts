// Checks every chart test applies to a spec (not shipped: only tests import it).
import { Ajv } from 'ajv';
import schema from 'vega-lite/vega-lite-schema.json' with { type: 'json' };
import type { TopLevelSpec } from 'vega-lite';
import { expect } from 'vitest';
import { CpiGapError } from '../errors.js';
import { toSvg } from '../render/toSvg.js';

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['uri', 'uri-reference', 'color-hex']) ajv.addFormat(format, true);

/** vega-lite's own JSON schema (the one the package ships), compiled once. */
export const validateSpec = ajv.compile(schema);

/**
 * Validate a spec against vega-lite's schema and draw it as SVG (`toSvg` compiles it with vega-lite
 * and hands every warning of the compiler and of vega to `onWarning`); returns the SVG, the schema
 * errors and the warnings.
 */
export async function checkSpec(spec: TopLevelSpec): Promise<{ svg: string; schemaErrors: unknown[]; warnings: string[] }> {
  const valid = validateSpec(spec);
  const schemaErrors = valid ? [] : [...(validateSpec.errors ?? [])];
  const warnings: string[] = [];
  const svg = await toSvg(spec, {
    onWarning: (m) => {
      warnings.push(m);
    },
  });
  return { svg, schemaErrors, warnings };
}

/** The spec without the library version, so that a release does not change the snapshots. */
export function snapshotable(spec: TopLevelSpec): unknown {
  const copy = structuredClone(spec) as { usermeta?: { cpiGap?: { version?: string } } };
  if (copy.usermeta?.cpiGap) copy.usermeta.cpiGap.version = '<version>';
  return copy;
}

/** The inline data rows of a spec (`data.values`). */
export function rows<T>(spec: TopLevelSpec): T[] {
  return (spec as unknown as { data: { values: T[] } }).data.values;
}

/** Expect each call to throw a CpiGapError whose message matches its pattern. */
export function expectRejections(cases: readonly (readonly [() => unknown, RegExp])[]): void {
  for (const [call, message] of cases) {
    expect(call).toThrow(CpiGapError);
    expect(call).toThrow(message);
  }
}
