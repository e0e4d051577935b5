import { Option, type Command } from 'commander';
import type { Dataset } from '../dataset/createDataset.js';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError, fail } from '../errors.js';
import { renamed } from './common.js';

/** The `--country` flag of the analysis commands. */
export interface CountryFlag {
  country?: string;
}

/** Add `--country <ISO3 or name>` to a command. */
export function withCountryFlag(cmd: Command): Command {
  return cmd.addOption(new Option('--country <country>', "the country: ISO3 code or English name (default: Thailand, with its plan's workstreams and targets)"));
}

/**
 * The dataset a command analyses: the bundled Thailand dataset (with the seed's workstreams, targets
 * and plan) by default and for `--country THA`, any other country's from the world panel. The world
 * module is imported only then, so Thailand's commands never load the panel. An unknown country is
 * a CpiGapError naming the command, `--country` and the closest names (exit 2, one line).
 */
export async function countryDataset(command: string, country: string | undefined): Promise<Dataset> {
  if (country === undefined) return thailand;
  const world = await import('../world/index.js');
  try {
    const found = world.findCountry(country);
    return found.iso3 === thailand.country.iso3 ? thailand : world.worldDataset(found.iso3);
  } catch (error) {
    if (!(error instanceof CpiGapError)) throw error;
    throw renamed(error, command, () => ['--country']);
  }
}

/**
 * Fail (exit 2, one line) when `what` needs the plan's workstreams and the dataset has none: only
 * Thailand's bundled dataset carries a plan.
 */
export function requireWorkstreams(command: string, dataset: Dataset, flag: string, what: string): void {
  if (dataset.workstreams.length > 0) return;
  fail(command, [flag], `${what} needs the workstreams of an action plan, and only Thailand's dataset has them (${dataset.country.name.en} has none)`, dataset.country.iso3, 'no_workstreams');
}
