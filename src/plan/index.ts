/**
 * cpi-gap/plan: Thailand's FY2023 action plan to raise the CPI score as data (approaches,
 * measures, 95 projects with budgets and agencies, quick wins, SWOT) and plain-record queries.
 *
 * @packageDocumentation
 */
export { plan, type Plan } from './plan.js';
export {
  budgetByWorkstream,
  budgetByApproach,
  budgetByMeasure,
  budgetByAgency,
  budgetBySource,
  budgetSummary,
  BudgetOptions,
  type BudgetRollup,
  type BudgetSummary,
} from './budgetBy.js';
export { projectsForSource, measuresForSource, ThaiSourceId } from './projectsForSource.js';
export { rankAgencies, RankAgenciesOptions, type AgencyRank } from './rankAgencies.js';
export { quickWins, QuickWinsOptions, type QuickWinRecord } from './quickWins.js';
export { findProjects, ProjectFilter } from './findProjects.js';
export {
  PLAN_FLAGS,
  PlanFlag,
  PlanData,
  PlanApproach,
  PlanMeasure,
  PlanProject,
  PlanAgency,
  QuickWin,
  QuickWinLaw,
  Swot,
  StatedCounts,
  AgencyRef,
} from './schema.js';
