/**
 * The `cpi-gap/charts` subpath: Vega-Lite spec builders. Each takes analysis records (plain data)
 * and options, and returns a typed Vega-Lite `TopLevelSpec` with inline data, Thai or English
 * labels and its provenance in `usermeta.cpiGap`. Rendering lives in `cpi-gap/render`.
 *
 * @packageDocumentation
 * @module cpi-gap/charts
 */
export { sourceTrendsSpec, TrendInput, type SourceTrendsOptions } from './sourceTrends.js';
export { chartContext, gapWaterfall, rankPosition, type ChartContext, GapWaterfall, WaterfallStep, WaterfallShare, RankPosition, RankTarget, ScoreCount } from './records.js';
export { ChartOptions, CHART_DEFAULTS, CHART_SET_IDS, DEFAULT_SCHEMES, THAI_FONT_STACK, WorkstreamName, ChartCountry, type ChartKind } from './options.js';
export { CHART_MESSAGES } from './messages.js';
export { VEGA_LITE_SCHEMA, type ChartMeta } from './frame.js';
export { gapBarsSpec, type GapBarsOptions } from './gapBars.js';
export { sourceHeatmapSpec, HeatmapScore, type SourceHeatmapOptions } from './sourceHeatmap.js';
export { workstreamMatrixSpec, type WorkstreamMatrixOptions } from './workstreamMatrix.js';
export { gapWaterfallSpec, type GapWaterfallOptions } from './gapWaterfallSpec.js';
export { rankPositionSpec, type RankPositionOptions } from './rankPositionSpec.js';
export { chartSet, chartSpec, type ChartEntry, type ChartSetOptions } from './chartSet.js';
export { monteCarloFanSpec, type MonteCarloFanOptions } from './monteCarloFan.js';
export { planStatusSpec, statusByWorkstreamChart, StatusChartOptions, STATE_COLOURS, STATUS_CHART_DEFAULTS, type PlanStatusOptions } from './planStatus.js';
export { scenarioPathsSpec, ScenarioLine, type ScenarioPathsOptions } from './scenarioPaths.js';
export { budgetSpec, PLAN_BUDGET_ORIGIN, type BudgetChartOptions } from './budget.js';
export { peerComparisonSpec, type PeerComparisonSpecOptions } from './peerComparisonSpec.js';
