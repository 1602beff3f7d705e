/**
 * Customer Value Kit — the public core API. Explicit named exports only (no `export *`), one
 * commented section per area; add new sections at the end.
 */

// errors & shared helpers
export { InputError, isInputError } from './errors.ts';
export type { InputErrorCode } from './errors.ts';
export { sum } from './math/sum.ts';
export { quantileSorted } from './math/quantile.ts';
export { seededRandom } from './math/random.ts';

// satisfaction & value basics
export { csi, csiItems } from './satisfaction/csi.ts';
export type { CsiItem, CsiOptions, ScaleOptions, SurveyScores } from './satisfaction/csi.ts';
export { nps, npsBreakdown } from './satisfaction/nps.ts';
export type { NpsBreakdown } from './satisfaction/nps.ts';
export { loyaltyIndex } from './satisfaction/loyalty-index.ts';
export { qualityLevel, priceLevel } from './value/weighted-level.ts';
export { relativeRatio, performanceRatios, relativePrice } from './value/relative-ratio.ts';
export type { CompetitorScores } from './value/relative-ratio.ts';
export { valueMap } from './value/value-map.ts';
export type {
  FairValueLine,
  ValueMapColumns,
  ValueMapOptions,
  ValueMapResult,
  ValueZone,
} from './value/value-map.ts';
export { clv } from './lifetime/clv.ts';
export type { ClvInput } from './lifetime/clv.ts';
export { valueMapChart, VALUE_ZONE_COLORS } from './charts/value-map-chart.ts';
export type { ValueMapChartOptions } from './charts/value-map-chart.ts';

// satisfaction modeling
export { keyDrivers } from './satisfaction/key-drivers.ts';
export type { KeyDriver, KeyDriverOptions, KeyDriversResult } from './satisfaction/key-drivers.ts';
export { relativeWeights } from './satisfaction/relative-weights.ts';
export { importancePerformance, quadrantOf } from './satisfaction/importance-performance.ts';
export type {
  ImportancePerformanceItem,
  ImportancePerformanceOptions,
  ImportancePerformancePoint,
  ImportancePerformanceResult,
  Quadrant,
} from './satisfaction/importance-performance.ts';
export { plsPathModel } from './satisfaction/pls-path-model.ts';
export type {
  PathInference,
  PlsBootstrapOptions,
  PlsModel,
  PlsOptions,
  PlsResult,
  PlsScheme,
} from './satisfaction/pls-path-model.ts';
export { symmetricEigen } from './math/eigen.ts';
export { correlationMatrix } from './math/correlation.ts';
export { importancePerformanceChart, QUADRANT_COLORS } from './charts/importance-performance-chart.ts';
export type { ImportancePerformanceChartOptions } from './charts/importance-performance-chart.ts';
export { driverChart } from './charts/driver-chart.ts';
export type { DriverChartOptions } from './charts/driver-chart.ts';

// segmentation
export { rfmSummary } from './segments/rfm-summary.ts';
export type { RfmSummaryOptions } from './segments/rfm-summary.ts';
export { rfmScores, rfmBreaks } from './segments/rfm-scores.ts';
export type { MeasureBreaks, RfmBreaks, RfmScoreOptions, RfmTies } from './segments/rfm-scores.ts';
export { rfmSegments, DEFAULT_RFM_RULES } from './segments/rfm-segments.ts';
export type { RfmRule, RfmSegmentOptions, RfmSegmentResult, RuleCoverage } from './segments/rfm-segments.ts';
export { abcClasses } from './segments/abc-classes.ts';
export type { AbcResult } from './segments/abc-classes.ts';
export { segmentProfile } from './segments/segment-profile.ts';
export type { SegmentProfileOptions } from './segments/segment-profile.ts';
export { kmeans } from './segments/kmeans/index.ts';
export type { KMeansOptions, KMeansResult } from './segments/kmeans/index.ts';
export { silhouette } from './segments/silhouette.ts';
export type { SilhouetteOptions, SilhouetteResult } from './segments/silhouette.ts';
export { chooseK } from './segments/choose-k.ts';
export type { ChooseKOptions, ChooseKResult } from './segments/choose-k.ts';
export { factorize } from './table/factorize.ts';
export { rfmHeatmapChart } from './charts/rfm-heatmap-chart.ts';
export type { RfmHeatmapChartOptions } from './charts/rfm-heatmap-chart.ts';
export { segmentSummaryChart } from './charts/segment-summary-chart.ts';
export type { SegmentSummaryChartOptions } from './charts/segment-summary-chart.ts';
export { paretoChart } from './charts/pareto-chart.ts';
export type { ParetoChartOptions } from './charts/pareto-chart.ts';
export { clusterProfileChart } from './charts/cluster-profile-chart.ts';
export type { ClusterProfileChartOptions } from './charts/cluster-profile-chart.ts';

// lifetime value from transactions
export { dayNumber, dayNumberFromCivil, isoDate } from './time/day-number.ts';
export { dayNumbers } from './table/date-column.ts';
export { daysPerUnit, DAYS_PER_UNIT } from './time/time-unit.ts';
export type { TimeUnit } from './time/time-unit.ts';
export { logGamma, gammaSign, digamma } from './math/gamma.ts';
export { hypergeometric2F1 } from './math/hypergeometric.ts';
export { bfgs } from './optimize/bfgs.ts';
export type { BfgsOptions } from './optimize/bfgs.ts';
export { nelderMead } from './optimize/nelder-mead.ts';
export type { NelderMeadOptions } from './optimize/nelder-mead.ts';
export type { OptimizeResult, ObjectiveWithGradient } from './optimize/types.ts';
export { parseCdnow } from './lifetime/cdnow.ts';
export type { CdnowRow } from './lifetime/cdnow.ts';
export { customerSummary, purchaseOccasions } from './lifetime/customer-summary.ts';
export type { CustomerSummaryOptions, PurchaseOccasions } from './lifetime/customer-summary.ts';
export {
  bgNbdPAlive,
  bgNbdExpected,
  bgNbdUnconditionalExpected,
  bgNbdLogLikelihood,
} from './lifetime/bg-nbd.ts';
export type { BgNbdParams } from './lifetime/bg-nbd.ts';
export { fitBgNbd } from './lifetime/bg-nbd-fit.ts';
export type { BgNbdFit } from './lifetime/bg-nbd-fit.ts';
export { fitGammaGamma, gammaGammaExpectedSpend } from './lifetime/gamma-gamma.ts';
export type { GammaGammaParams, GammaGammaFit } from './lifetime/gamma-gamma.ts';
export { customerLifetimeValue } from './lifetime/btyd-clv.ts';
export type { BtydClvOptions, BtydClvResult } from './lifetime/btyd-clv.ts';
export { repeatPurchaseTracking } from './lifetime/tracking.ts';
export { calibrationHoldout, pAliveMatrix } from './lifetime/calibration-holdout.ts';
export type { CalibrationHoldoutOptions } from './lifetime/calibration-holdout.ts';
export { calibrationHoldoutChart } from './charts/calibration-holdout-chart.ts';
export type { CalibrationHoldoutChartOptions } from './charts/calibration-holdout-chart.ts';
export { pAliveChart } from './charts/p-alive-chart.ts';
export type { PAliveChartOptions } from './charts/p-alive-chart.ts';
export { trackingChart } from './charts/tracking-chart.ts';
export type { TrackingChartOptions } from './charts/tracking-chart.ts';

// taskpane chart builders (pure Vega-Lite specs; used by the pane and notebooks)
export { plsPathChart } from './charts/pls-path-chart.ts';
export type { PlsPathChartInput, PlsPathChartOptions } from './charts/pls-path-chart.ts';

// degenerate data: the end of an analysis and the rows after it
export { analysisEnd } from './time/analysis-end.ts';
export type { AnalysisEnd, AnalysisEndOptions } from './time/analysis-end.ts';
export { nonPositiveValues } from './segments/positive-value.ts';
export { countDistinctRows } from './segments/distinct-rows.ts';
export type { ColumnTransform } from './segments/feature-matrix.ts';

// summaries in a database: the same customer and RFM summaries as SQL for several engines
export { SQL_DIALECTS, sqlDialect, quoteIdentifier, quoteTable } from './sql/dialect.ts';
export type { SqlDialect } from './sql/dialect.ts';
export type { TransactionSourceOptions } from './sql/transaction-source.ts';
export { customerSummarySql, customerSummaryCountsSql } from './sql/customer-summary-sql.ts';
export type { CustomerSummarySqlOptions } from './sql/customer-summary-sql.ts';
export { rfmSummarySql, rfmSummaryCountsSql } from './sql/rfm-summary-sql.ts';
export type { RfmSummarySqlOptions } from './sql/rfm-summary-sql.ts';
export { checkSummaryCounts } from './sql/summary-counts.ts';
export type { SummaryCounts, SummaryCountsReport } from './sql/summary-counts.ts';

// names are data: tables and records keyed by user text (`__proto__`, `constructor` …)
export { nameRecord, ownValue, tableFromColumns, tableFromRows } from './table/named-columns.ts';
export { takeRows } from './table/take-rows.ts';

// tracking: satisfaction compared between periods and groups
export { normalCdf, normalQuantile, twoSidedPValue } from './math/normal.ts';
export { csiByGroup, csiChange } from './satisfaction/csi-by-group.ts';
export type { CsiByGroupOptions, CsiChangeOptions } from './satisfaction/csi-by-group.ts';
export { npsByGroup, npsChange, npsStandardError } from './satisfaction/nps-by-group.ts';
export type { NpsByGroupOptions, NpsChangeOptions } from './satisfaction/nps-by-group.ts';
export type { GroupChange } from './satisfaction/group-comparison.ts';
export { groupComparisonChart } from './charts/group-comparison-chart.ts';
export type { Benchmark, GroupComparisonChartOptions } from './charts/group-comparison-chart.ts';

// tracking: customers over time (segment migration, value over period ends)
export { segmentMigration, NEW_CUSTOMERS } from './segments/segment-migration.ts';
export type { SegmentMigration, SegmentMigrationOptions } from './segments/segment-migration.ts';
export { valueOverPeriods } from './lifetime/value-over-periods.ts';
export type { ValueOverPeriodsOptions } from './lifetime/value-over-periods.ts';
export { migrationChart } from './charts/migration-chart.ts';
export type { MigrationChartOptions } from './charts/migration-chart.ts';
export { valueOverPeriodsChart } from './charts/value-over-periods-chart.ts';
export type { ValueOverPeriodsChartOptions } from './charts/value-over-periods-chart.ts';

// tracking: the value map over time
export { valueMapMovement } from './value/value-map-movement.ts';
export { valueMapMovementChart } from './charts/value-map-movement-chart.ts';
export type { ValueMapMovementChartOptions } from './charts/value-map-movement-chart.ts';

// lifetime value: uncertainty, Pareto/NBD, compressed summaries (issues 11 and 15)
export { hessianFromGradient, logScaleUncertainty, newtonPolish, Z_95 } from './lifetime/fit-uncertainty.ts';
export type { FitUncertainty, Interval, PolishedOptimum } from './lifetime/fit-uncertainty.ts';
export {
  paretoNbdPAlive,
  paretoNbdExpected,
  paretoNbdUnconditionalExpected,
  paretoNbdLogLikelihood,
} from './lifetime/pareto-nbd.ts';
export type { ParetoNbdParams } from './lifetime/pareto-nbd.ts';
export { fitParetoNbd } from './lifetime/pareto-nbd-fit.ts';
export type { ParetoNbdFit } from './lifetime/pareto-nbd-fit.ts';
export { compressSummary, compressSpend } from './lifetime/compress-summary.ts';
export { pAliveAll, expectedPurchasesAll, purchaseModel } from './lifetime/score-all.ts';
export type { PurchaseModel, PurchaseModelParams } from './lifetime/score-all.ts';
export { purchaseIntervals, clvIntervals, drawParameters } from './lifetime/prediction-intervals.ts';
export type { DrawOptions, IntervalColumns } from './lifetime/prediction-intervals.ts';
export { compareModels } from './lifetime/compare-models.ts';
export type { CompareModelsOptions, ModelComparison, ModelScore } from './lifetime/compare-models.ts';
export { expectedPurchasesMatrix } from './lifetime/expected-purchases-matrix.ts';
export type { ExpectedPurchasesMatrixOptions } from './lifetime/expected-purchases-matrix.ts';
export { modelComparisonChart } from './charts/model-comparison-chart.ts';
export type { ModelComparisonChartOptions } from './charts/model-comparison-chart.ts';
export { expectedPurchasesChart } from './charts/expected-purchases-chart.ts';
export type { ExpectedPurchasesChartOptions } from './charts/expected-purchases-chart.ts';

// satisfaction models an analyst can defend (issue 12): measurement quality
export {
  ALPHA_MIN,
  AVE_MIN,
  HTMT_MAX,
  HTMT_MAX_SIMILAR,
  RHO_A_MIN,
  RHO_C_MIN,
  VIF_MAX,
  qualityMark,
} from './satisfaction/pls-quality/thresholds.ts';
export type { QualityMark, QualityMarkOptions, QualityMeasure, QualityStatus } from './satisfaction/pls-quality/thresholds.ts';
export { F_SQUARE_LARGE, F_SQUARE_MEDIUM, F_SQUARE_SMALL } from './satisfaction/pls-quality/f-square.ts';
export type {
  ConstructReliability,
  FornellLarckerTable,
  HtmtRow,
  InnerVif,
  ItemVif,
  PathEffectSize,
  PlsQuality,
} from './satisfaction/pls-quality/index.ts';
// importance–performance map on constructs (IPMA)
export { constructIpma } from './satisfaction/construct-ipma.ts';
export type { ConstructIpmaResult, ConstructIpmaRow } from './satisfaction/construct-ipma.ts';
export { constructIpmaChart } from './charts/construct-ipma-chart.ts';
export type { ConstructIpmaChartOptions } from './charts/construct-ipma-chart.ts';
// satisfaction and loyalty (Jones & Sasser quadrants, the satisfaction–loyalty curve)
export { satisfactionLoyalty, LOYALTY_QUADRANTS } from './satisfaction/satisfaction-loyalty.ts';
export type {
  LoyaltyCurvePoint,
  LoyaltyQuadrant,
  MeasureInput,
  QuadrantCount,
  SatisfactionLoyaltyOptions,
  SatisfactionLoyaltyResult,
} from './satisfaction/satisfaction-loyalty.ts';
export { satisfactionLoyaltyChart, LOYALTY_QUADRANT_COLORS } from './charts/satisfaction-loyalty-chart.ts';
export type { SatisfactionLoyaltyChartOptions } from './charts/satisfaction-loyalty-chart.ts';
// what customers say: distinctive words and phrases of one group against another
export { distinctiveTerms } from './satisfaction/distinctive-terms.ts';
export type { DistinctiveTerm, DistinctiveTermsOptions } from './satisfaction/distinctive-terms.ts';
export { STOP_WORDS } from './text/stop-words.ts';

// the outcome score of a survey: the mean of a construct's answered items
export { itemMean } from './satisfaction/item-mean.ts';
// PLS mode B (formative composite) constructs and their quality entry
export type { PlsMode } from './satisfaction/pls-path-model.ts';
export { FORMATIVE_REASON } from './satisfaction/pls-quality/index.ts';
export type { FormativeConstruct } from './satisfaction/pls-quality/index.ts';
// the error model: where a problem is, as data and as text (one formatter for formulas and pane)
export { formatLocation, relocated } from './errors.ts';
export type { InputErrorLocation } from './errors.ts';
export type { BootstrapInference } from './satisfaction/pls-path-model.ts';
// warehouse: the compressed summary computed by the database (issue 15)
export { compressedSummarySql } from './sql/compressed-summary-sql.ts';
export { splitCompressedSummary } from './sql/compressed-summary-result.ts';
