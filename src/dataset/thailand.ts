import country from '../../data/thailand/country.json';
import cpi from '../../data/thailand/cpi.json';
import scores from '../../data/thailand/scores.json';
import sources from '../../data/thailand/sources.json';
import targets from '../../data/thailand/targets.json';
import workstreams from '../../data/thailand/workstreams.json';
import { createDataset, type Dataset } from './createDataset.js';
import type { DatasetInput } from './schema.js';

/**
 * Thailand's CPI dataset, validated and deeply frozen: the nine sources with the seed's Thai names,
 * questions and respondents; source scores 2017-2022 from the seed's five-year table (integers as
 * printed) and 2023-2025 from TI's published results (unrounded); the CPI 2017-2025 with rank and
 * countries assessed; the FY2023 (51, rank 53) and master-plan 2023-2027 (57, rank 43) targets;
 * the four workstreams. Every value carries its `origin`.
 *
 * @example
 * thailand.years; // => [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
 * thailand.cpi.find((c) => c.year === 2022)?.score; // => 36
 */
export const thailand: Dataset = createDataset({ country, sources, scores, cpi, targets, workstreams } as DatasetInput);
