/**
 * The bundled world panel (data/world/panel.json) against TI's "CPI Historical" table, cell by cell.
 * TI's CSV is parsed here by a parser of its own (not cpi-gap's reader, which built the panel), and
 * every cell of every row is compared: text as written, numbers as the double the cell's text parses
 * to, empty cells as null. When they differ (a new TI file, or a panel regenerated from one) the
 * test lists the rows added or missing and each changed cell, so a new edition shows what changed.
 *
 * Reads ../shared/data/ti-cpi/cpi_historical_2012_2025.csv (skipped with a message where absent), or
 * the CSV named by CPI_GAP_WORLD_FILE (to see what a new file would change).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEPPED_LEVELS } from '../../src/methodology/steppedLevels.js';
import { describeWithShared, ROOT, sharedPath, TI_HISTORICAL } from '../helpers/shared.js';

interface PanelJson {
  readonly format: string;
  readonly editions: readonly number[];
  readonly columns: readonly string[];
  readonly headers: readonly string[];
  readonly data: readonly (readonly (string | number | null)[])[];
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; a BOM is dropped. */
function csv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records.filter((r) => r.some((x) => x !== ''));
}

const TEXT_COLUMNS = new Set(['country', 'iso3', 'region']);

/** Every difference between TI's table and the panel: rows added or missing, cells changed. */
function differences(records: readonly string[][], panel: PanelJson): { lines: string[]; cells: number } {
  const [header = [], ...rows] = records;
  const lines: string[] = [];
  const columnOf = header.map((h) => panel.headers.indexOf(h));
  header.forEach((h, i) => {
    if (columnOf[i] === -1) lines.push(`TI's column "${h}" is not in the panel`);
  });
  const iso3 = header.indexOf('ISO3');
  const year = header.indexOf('Year');
  const n = panel.data[0]?.length ?? 0;
  const panelRow = new Map<string, number>();
  for (let r = 0; r < n; r++) panelRow.set(`${String(panel.data[1]?.[r])} ${String(panel.data[2]?.[r])}`, r);
  const seen = new Set<string>();
  let cells = 0;
  for (const rec of rows) {
    const key = `${rec[iso3] ?? ''} ${rec[year] ?? ''}`;
    seen.add(key);
    const r = panelRow.get(key);
    if (r === undefined) {
      lines.push(`${key}: in TI's file, not in the panel`);
      continue;
    }
    rec.forEach((text, i) => {
      const c = columnOf[i] ?? -1;
      if (c < 0) return;
      cells += 1;
      const value = panel.data[c]?.[r];
      const name = panel.columns[c] ?? '';
      const expected = text === '' ? null : TEXT_COLUMNS.has(name) ? text : Number(text);
      if (!Object.is(expected, value)) lines.push(`${key} ${name}: TI ${JSON.stringify(text)}, panel ${JSON.stringify(value)}`);
    });
  }
  for (const key of panelRow.keys()) if (!seen.has(key)) lines.push(`${key}: in the panel, not in TI's file`);
  return { lines, cells };
}

const panelJson = JSON.parse(readFileSync(join(ROOT, 'data', 'world', 'panel.json'), 'utf8')) as PanelJson;

/** A column's distinct values per edition, ascending: `rows` of [year, value]. */
function distinctByYear(rows: readonly (readonly [number, number])[]): Record<number, number[]> {
  const out: Record<number, number[]> = {};
  for (const [year, value] of rows) if (!(out[year] ??= []).includes(value)) out[year].push(value);
  for (const list of Object.values(out)) list.sort((a, b) => a - b);
  return out;
}

describe("EIU's levels per edition (STEPPED_LEVELS, core) are the bundled panel's", () => {
  it('five values in every edition 2012-2025, as the panel stores them', () => {
    const eiu = panelJson.columns.indexOf('EIU');
    const year = panelJson.columns.indexOf('year');
    const pairs = (panelJson.data[eiu] ?? []).flatMap((v, r) => (typeof v === 'number' ? [[Number(panelJson.data[year]?.[r]), v] as const] : []));
    const levels = distinctByYear(pairs);
    expect(Object.keys(levels).map(Number)).toEqual(panelJson.editions);
    expect(STEPPED_LEVELS.EIU?.levels).toEqual(levels);
    expect(Object.values(levels).every((l) => l.length === 5)).toBe(true);
  });
});

function suite(file: string): void {
  const records = csv(readFileSync(file, 'utf8'));

  it("gives EIU's levels per edition (STEPPED_LEVELS) as TI's file does", () => {
    const [header = [], ...rows] = records;
    const eiu = header.indexOf('Economist Intelligence Unit Country Ratings');
    const year = header.indexOf('Year');
    const levels = distinctByYear(rows.flatMap((r) => (r[eiu] === undefined || r[eiu] === '' ? [] : [[Number(r[year]), Number(r[eiu])] as const])));
    expect(STEPPED_LEVELS.EIU?.levels).toEqual(levels);
    // The 2024 scale the issue quotes (TI rescaled the five levels): 18.41, 34.52, 50.63, 66.74, 82.85.
    expect(levels[2024]?.map((l) => l.toFixed(2))).toEqual(['18.41', '34.52', '50.63', '66.74', '82.85']);
  });

  it("holds every row and every cell of TI's table unchanged (2,494 rows x 24 columns)", () => {
    const { lines, cells } = differences(records, panelJson);
    if (lines.length > 0) console.log(`[cpi-gap] the panel differs from ${file} in ${lines.length} place(s):\n  ${lines.slice(0, 60).join('\n  ')}${lines.length > 60 ? `\n  ... and ${lines.length - 60} more` : ''}\n  Regenerate it with: npm run world -- ${file}`);
    expect(lines).toEqual([]);
    expect(records.length - 1).toBe(panelJson.data[0]?.length);
    expect(cells).toBe((records.length - 1) * 24);
  });

  it('keeps float artefacts as TI stores them: Thailand 2014 SE is 1.6000000238418579, not 1.6', () => {
    const [header = [], ...rows] = records;
    const tha = rows.find((r) => r[header.indexOf('ISO3')] === 'THA' && r[header.indexOf('Year')] === '2014');
    expect(tha?.[header.indexOf('Standard error')]).toBe('1.6000000238418579');
    const se = panelJson.columns.indexOf('standardError');
    const r = panelJson.data[1]?.findIndex((v, i) => v === 'THA' && panelJson.data[2]?.[i] === 2014) ?? -1;
    expect(panelJson.data[se]?.[r]).toBe(1.6000000238418579);
    expect(panelJson.data[se]?.[r]).not.toBe(1.6);
  });
}

const override = process.env['CPI_GAP_WORLD_FILE'];
if (override !== undefined && override !== '') {
  describe(`world panel = ${override}, cell by cell (CPI_GAP_WORLD_FILE)`, () => {
    it('the file exists', () => {
      expect(existsSync(override)).toBe(true);
    });
    if (existsSync(override)) suite(override);
  });
} else {
  describeWithShared("world panel = TI's cpi_historical_2012_2025.csv, cell by cell", [TI_HISTORICAL], () => {
    suite(sharedPath(TI_HISTORICAL));
  });
}

describe('the differences are reported cell by cell (a synthetic new edition)', () => {
  const header = panelJson.headers.join(',');
  const row = (cells: readonly (string | number | null)[]) => cells.map((c) => (c === null ? '' : typeof c === 'string' && c.includes(',') ? `"${c}"` : String(c))).join(',');
  const rowAt = (r: number) => panelJson.data.map((column) => column[r] ?? null);

  it('names a changed cell, a row added and a row missing', () => {
    const first = rowAt(0);
    const changed = [...first];
    changed[4] = 99;
    const added = [...rowAt(1)];
    added[2] = 2026;
    const text = [header, row(changed), row(added), ...Array.from({ length: 6 }, (_, i) => row(rowAt(i + 2)))].join('\r\n');
    const { lines } = differences(csv(text), { ...panelJson, data: panelJson.data.map((column) => column.slice(0, 8)) });
    expect(lines).toEqual([`${String(first[1])} ${String(first[2])} score: TI "99", panel ${String(first[4])}`, `${String(added[1])} 2026: in TI's file, not in the panel`, `${String(rowAt(1)[1])} ${String(rowAt(1)[2])}: in the panel, not in TI's file`]);
  });
});
