/**
 * cpi-gap/plan: Thailand's FY2023 action plan to raise the CPI score as data (approaches,
 * measures, 95 projects with budgets and agencies, quick wins, SWOT) and plain-record queries.
 *
 * @packageDocumentation
 * @module cpi-gap/plan
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
} from './budgetBy.js';
export { BudgetRollup, BudgetSummary } from './budgetRecords.js';
export { PLAN_GROUPINGS, PlanGrouping } from './grouping.js';
export { projectsForSource, measuresForSource, ThaiSourceId } from './projectsForSource.js';
export { rankAgencies, RankAgenciesOptions, type AgencyRank } from './rankAgencies.js';
export { quickWins, QuickWinsOptions, type QuickWinRecord } from './quickWins.js';
export { findProjects, ProjectFilter } from './findProjects.js';
export {
  PLAN_FLAGS,
  PlanFlag,
  WorkstreamNumber,
  BudgetLine,
  SubActivity,
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
export { ProgressStatus, PROGRESS_STATUSES, STATUS_LABELS, STATUS_ALIASES, statusFromLabel, PROGRESS_STATES, ProgressState, STATE_LABELS } from './progress/states.js';
export { FISCAL_YEAR_2023 } from './fiscalYear.js';
export { ProgressUpdate, progressUpdates, parseReportDate, type ProgressUpdateInput } from './progress/update.js';
export { projectDeadline, deadlineOfPeriod, type ProjectDeadline } from './progress/deadlines.js';
export { PROGRESS_COLUMNS, PROGRESS_HEADERS, type ProgressColumn } from './progress/formColumns.js';
export { readProgressCsv, readProgressJson } from './progress/readUpdates.js';
export { progressTemplate, ProgressTemplateOptions } from './progress/template.js';
export { progressRollup, latestUpdates, ProgressRollupOptions, type ProgressRollupBy } from './progress/rollup.js';
export { statusReport, formatStatusReport, StatusReportOptions, FormatStatusReportOptions, StatusReportTable, PROGRESS_MESSAGES } from './progress/statusReport.js';
export { ProgressUpdateRecord, ProjectProgress, ProgressGroup, ProgressRollup, StatusReport, StatusReportProject } from './progress/records.js';
