/** Fuzz every function exported by `cpi-gap/xlsx`: a workbook built here from TI's rows, then broken. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CpiGapError, parseCsv } from '../../src/index.js';
import * as xlsx from '../../src/ti/xlsx.js';
import { sheetXml, workbookBytes } from '../helpers/xlsx.js';
import { TI_CSV } from './fixtures.js';
import { fuzzEntry } from './harness.js';

function workbook(): Uint8Array {
  const rows = parseCsv(TI_CSV).map((row) => row.map((cell) => (cell !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell)));
  return workbookBytes([{ name: 'CPI 2025', rows }]);
}

fuzzEntry('cpi-gap/xlsx', xlsx, {
  readTiWorkbook: { args: () => [workbook(), { file: 'CPI2025_Results.xlsx' }], runs: 60 },
});

describe('fuzz cpi-gap/xlsx: damaged archives and XML', () => {
  const seed = { seed: 20_261_203 };

  it('bytes overwritten or cut anywhere: a result or a CpiGapError, never anything else', async () => {
    const good = workbook();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat({ max: good.length }), async (edits, cut) => {
        const bytes = good.slice(0, cut === 0 ? good.length : cut);
        for (const [at, byte] of edits) if (at < bytes.length) bytes[at] = byte;
        await xlsx.readTiWorkbook(bytes).catch((e: unknown) => {
          if (!(e instanceof CpiGapError)) throw e;
        });
      }),
      { numRuns: 300, ...seed },
    );
  });

  it('the sheet XML with markup, entities and references spliced in: a result or a CpiGapError', async () => {
    const pieces = ['<', '>', '/>', '</c>', '<c r="B2">', '<v>', '</v>', '&', '&amp;', '&#0;', '&#x1F600;', '&foo;', '<!DOCTYPE x>', '<![CDATA[', ']]>', '<!--', '-->', '"', "'", 'r="XFD9"', 't="s"', '<row r="0">', '_x0041_', '<?pi?>'];
    const xml = sheetXml(parseCsv(TI_CSV), []);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: xml.length }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }), async (splices) => {
        let text = xml;
        for (const [at, piece] of splices) text = text.slice(0, at) + piece + text.slice(at);
        await xlsx.readTiWorkbook(workbookBytes([{ name: 'CPI 2025', xml: text }])).catch((e: unknown) => {
          if (!(e instanceof CpiGapError)) throw e;
        });
      }),
      { numRuns: 300, ...seed },
    );
  });
});
