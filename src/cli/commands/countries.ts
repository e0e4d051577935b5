import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Locale } from '../../i18n/labels.js';
import { renderRows, type Column } from '../../util/table.js';
import type { WorldCountry } from '../../world/records.js';
import { RegionCode, regionCodeOf, TI_REGIONS } from '../../world/regions.js';
import { emit, withCommonFlags, type CliIo, type CommonFlags } from '../common.js';

/** The words of this command's table, in English and Thai (listed in docs/i18n/th-glossary.md). */
export const WORDS = {
  en: { name: 'Name', region: 'Region', first: 'First', last: 'Last', editions: 'Editions', ti: "TI's name" },
  th: { name: 'ชื่อ', region: 'ภูมิภาค', first: 'ปีแรก', last: 'ปีล่าสุด', editions: 'จำนวนปี', ti: 'ชื่อที่ TI ใช้' },
} as const;

/** Parse `--region`: a TI region code, in any case. */
function regionFlag(value: string): RegionCode {
  const code = regionCodeOf(value);
  if (code === undefined) throw new InvalidArgumentError(`--region must be a TI region (${RegionCode.options.join(', ')}), got "${value}"`);
  return code;
}

function columns(lang: Locale): Column<WorldCountry>[] {
  const w = WORDS[lang];
  return [
    { header: 'ISO3', value: (c) => c.iso3 },
    { header: w.name, value: (c) => c.name[lang] },
    { header: w.region, value: (c) => `${c.region} ${TI_REGIONS[c.region][lang]}` },
    { header: w.first, value: (c) => String(c.firstEdition), align: 'right' },
    { header: w.last, value: (c) => String(c.lastEdition), align: 'right' },
    { header: w.editions, value: (c) => String(c.editions.length), align: 'right' },
    { header: w.ti, value: (c) => c.tiName },
  ];
}

/** `cpi-gap countries`: every country and territory of the world panel, with codes, names and editions. */
export function countriesCommand(program: Command, io: CliIo): void {
  withCommonFlags(program.command('countries'), { target: false })
    .description("every country and territory in TI's CPI 2012-2025 (the bundled world panel): ISO3 code, English or Thai name, TI region, editions; --year keeps those scored that year")
    .addOption(new Option('--region <code>', `only this TI region: ${RegionCode.options.join(', ')}`).argParser(regionFlag))
    .addHelpText('after', '\nNames come from the runtime (Intl.DisplayNames); TI\'s own spelling is in the last column. Kosovo is KSV, as TI writes it (no ISO code).\n\nExamples:\n  cpi-gap countries\n  cpi-gap countries --region AP --lang th\n  cpi-gap countries --year 2025 --format csv --out countries.csv')
    .action(async (flags: Omit<CommonFlags, 'target'> & { region?: RegionCode }) => {
      const { countries } = await import('../../world/countries.js');
      const year = flags.year;
      const rows = countries().filter((c) => (flags.region === undefined || c.region === flags.region) && (year === undefined || c.editions.includes(year)));
      await emit(io, renderRows(columns(flags.lang), rows, flags.format), flags.out);
    });
}
