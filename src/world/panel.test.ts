/**
 * The panel loader refuses a data file that is not what `npm run world` writes: another format or
 * columns, a row TI's reader would reject, a country-year twice. Each case loads the module afresh
 * with a stand-in for data/world/panel.json.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PANEL_COLUMNS, PANEL_FORMAT } from './panelFormat.js';

/** A panel of the given rows (cells in PANEL_COLUMNS order), by column. */
function fileOf(rows: readonly (readonly (string | number | null)[])[], format = PANEL_FORMAT) {
  return {
    format,
    attribution: 'Transparency International, Corruption Perceptions Index',
    licence: 'CC BY-ND 4.0',
    file: 'test.csv',
    sheet: null,
    origin: 'test.csv',
    editions: [2025],
    columns: PANEL_COLUMNS,
    headers: PANEL_COLUMNS.map(String),
    data: PANEL_COLUMNS.map((_, c) => rows.map((r) => r[c] ?? null)),
  };
}

const sources = Array<null>(14).fill(null);
const good = (iso3: string): (string | number | null)[] => ['Land', iso3, 2025, 'AP', 40, 1, 1.5, 3, 37.5, 42.5, 40, null, 41, ...sources.slice(4), 39];

/** The error `call` throws (modules loaded afresh have their own CpiGapError class: matched by name). */
function caught(call: () => unknown): { readonly name: string; readonly message: string; readonly fn: string; readonly issues: readonly { readonly path: readonly unknown[] }[] } {
  try {
    call();
  } catch (error) {
    if (error instanceof Error && error.name === 'CpiGapError') return error as unknown as ReturnType<typeof caught>;
    throw error;
  }
  throw new Error('expected a CpiGapError');
}

async function load(file: unknown) {
  vi.resetModules();
  vi.doMock('../../data/world/panel.json', () => ({ default: file }));
  return import('./panel.js');
}

afterEach(() => {
  vi.doUnmock('../../data/world/panel.json');
  vi.resetModules();
});

describe('the panel loader', () => {
  it('decodes a good file into rows by country and by edition, once', async () => {
    const { panel } = await load(fileOf([good('AAA'), good('BBB')]));
    const p = panel();
    expect(p.rows.map((r) => r.iso3)).toEqual(['AAA', 'BBB']);
    expect(p.rows[0]).toEqual({ country: 'Land', iso3: 'AAA', year: 2025, region: 'AP', score: 40, rank: 1, standardError: 1.5, sources: 3, lower: 37.5, upper: 42.5, sourceScores: { AFDB: 40, BTI: 41, TI_BPS: 39 }, origin: { kind: 'ti', edition: 2025, file: 'test.csv' } });
    expect(p.byYear.get(2025)).toHaveLength(2);
    expect(panel()).toBe(p);
  });

  it('gives a country or an edition the panel lacks no rows', async () => {
    const { countryRows, editionRows } = await load(fileOf([good('AAA')]));
    expect([countryRows('AAA').length, countryRows('ZZZ').length, editionRows(2025).length, editionRows(1999).length]).toEqual([1, 0, 1, 0]);
  });

  it('refuses columns of unequal length', async () => {
    const file = fileOf([good('AAA'), good('BBB')]);
    const { panel } = await load({ ...file, data: file.data.map((column, c) => (c === 5 ? column.slice(1) : column)) });
    expect(caught(() => panel()).issues[0]?.path).toEqual(['format']);
  });

  it('refuses another format or other columns', async () => {
    const { panel } = await load(fileOf([good('AAA')], 'something else'));
    expect(caught(() => panel()).message).toMatch(/^world panel: format: expected "cpi-gap world panel 1" with the columns country, iso3, .*: regenerate it with npm run world \(got "something else"\)$/);
  });

  it('refuses a row that is not a TI row, naming it and the field', async () => {
    const bad = good('AAA');
    bad[4] = 40.5;
    const { panel } = await load(fileOf([good('BBB'), bad]));
    const e = caught(() => panel());
    expect(e.fn).toBe('world panel');
    expect(e.issues[0]?.path).toEqual(['rows', 1, 'score']);
  });

  it('refuses a country-year given twice', async () => {
    const { panel } = await load(fileOf([good('AAA'), good('AAA')]));
    expect(caught(() => panel()).message).toBe('world panel: rows: AAA has two rows for 2025: regenerate it with npm run world (got 2025)');
  });
});

describe('encodeColumns and decodeRow (the build script and the loader)', () => {
  it("turn TI's rows into columns and back, every value unchanged, empty cells absent", async () => {
    const { readTiResults } = await import('../ti/readTiResults.js');
    const { encodeColumns, decodeRow } = await import('./panelFormat.js');
    const text = [
      'Country / Territory,ISO3,Year,Region,CPI score,Rank,Standard error,Number of sources,Lower CI,Upper CI,World Economic Forum EOS,PRS International Country Risk Guide,Varieties of Democracy Project,Transparency International Bribe Payers Survey',
      'Thailand,THA,2014,AP,38,,1.6000000238418579,8,35,41,39,31,,',
      '"Korea, South",KOR,2012,AP,56,45,2.0299999999999998,10,52.1,59.9,60.5,55,57,58',
    ].join('\r\n');
    const { rows } = readTiResults(text, { file: 'x.csv' });
    const data = encodeColumns(rows);
    expect(data).toHaveLength(PANEL_COLUMNS.length);
    expect(data[PANEL_COLUMNS.indexOf('standardError')]).toEqual([1.6000000238418579, 2.03]);
    expect(data[PANEL_COLUMNS.indexOf('VDEM')]).toEqual([null, 57]);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data[PANEL_COLUMNS.indexOf('rank')]).toEqual([null, 45]);
    expect(rows.map((_, r) => decodeRow(data, r, 'x.csv'))).toEqual(rows);
    // A row past the columns' end decodes to no fields (the loader checks the lengths first).
    expect(decodeRow(data, 9, 'x.csv')).toEqual({ sourceScores: {}, origin: { kind: 'ti', edition: undefined, file: 'x.csv' } });
  });
});

describe('countries where the runtime has no names', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("falls back to TI's name without Intl.DisplayNames, and to the English name without Thai", async () => {
    vi.resetModules();
    vi.stubGlobal('Intl', { ...Intl, DisplayNames: class { of(code: string) { return code === 'TH' ? 'Thailand (en only)' : undefined; } } });
    const { countries } = await import('./countries.js');
    const all = countries();
    expect(all.find((c) => c.iso3 === 'THA')?.name).toEqual({ en: 'Thailand (en only)', th: 'Thailand (en only)' });
    expect(all.find((c) => c.iso3 === 'IDN')?.name).toEqual({ en: 'Indonesia', th: 'Indonesia' });
  });
});
