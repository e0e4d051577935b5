// cpi-gap words zod's issues itself (src/errors.ts, englishMessage) instead of bundling zod's whole
// English locale. Expected messages here come from zod's own locale (zod/v4/locales/en.js), run on
// the same schema and input: one case for every kind of issue a cpi-gap schema can raise (it has no
// bigint, set, map, multiple-of or exact-length check; englishMessage says 'Invalid input' for those).
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { safeParseEn } from '../../src/errors.js';

const cases: [string, z.core.$ZodType, unknown][] = [
  ['wrong type', z.number(), 'x'],
  ['NaN', z.number(), Number.NaN],
  ['Infinity', z.number(), Number.POSITIVE_INFINITY],
  ['int got float', z.int(), 20.5],
  ['got null', z.number(), null],
  ['got undefined', z.number(), undefined],
  ['got an array', z.number(), [1]],
  ['got a Date', z.number(), new Date(0)],
  ['got a class instance', z.number(), new (class Plan {
    readonly year = 2025;
  })()],
  ['got an object without prototype', z.number(), Object.create(null) as unknown],
  ['got a function', z.number(), () => 1],
  ['got a bigint', z.number(), 1n],
  ['got a symbol', z.number(), Symbol('x')],
  ['missing key', z.object({ year: z.int() }), {}],
  ['one literal', z.literal('THA'), 'IDN'],
  ['enum', z.enum(['th', 'en']), 'fr'],
  ['number above, inclusive', z.number().check(z.maximum(100)), 101],
  ['number above, exclusive', z.number().check(z.lt(100)), 100],
  ['number below, inclusive', z.number().check(z.minimum(0)), -1],
  ['number below, exclusive', z.number().check(z.gt(0)), 0],
  ['array too long', z.array(z.number()).check(z.maxLength(1)), [1, 2]],
  ['array too short', z.array(z.number()).check(z.minLength(1)), []],
  ['string too long', z.string().check(z.maxLength(2)), 'abc'],
  ['string too short', z.string().check(z.minLength(2)), 'a'],
  ['regex', z.string().check(z.regex(/^[A-Z]{3}$/)), 'th'],
  ['ISO date', z.iso.date(), '2025-13-40'],
  ['one unknown key', z.strictObject({ a: z.number() }), { a: 1, b: 2 }],
  ['two unknown keys', z.strictObject({ a: z.number() }), { a: 1, b: 2, c: 3 }],
  ['bad record key', z.record(z.enum(['IMD', 'WEF']), z.number()), { XYZ: 1 }],
  ['partial record key', z.partialRecord(z.enum(['IMD', 'WEF']), z.number()), { XYZ: 1 }],
  ['union', z.union([z.number(), z.string()]), true],
  ['discriminated union', z.discriminatedUnion('kind', [z.object({ kind: z.literal('seed') }), z.object({ kind: z.literal('ti') })]), { kind: 'x' }],
  ['custom', z.custom<number>((v) => v === 1), 2],
];

describe('zod issues in English, word for word as zod/v4/locales/en.js', () => {
  it.each(cases)('%s', (_name, schema, input) => {
    const ours = safeParseEn(schema, input);
    const zods = z.safeParse(schema, input, { error: en().localeError });
    expect(ours.success).toBe(false);
    expect(zods.success).toBe(false);
    const messages = (r: typeof ours): string[] => (r.success ? [] : r.error.issues.map((i) => i.message));
    expect(messages(ours)).toEqual(messages(zods));
    expect(messages(ours).length).toBeGreaterThan(0);
  });
});
