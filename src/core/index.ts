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

