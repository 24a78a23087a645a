/**
 * The model's public API: what the npm package exports and its types show. Everything else in src/model is
 * internal; our own layers import the file that defines a thing (the chart's number-valued hot path in
 * curve.ts, the percent helpers in companions.ts), never this file.
 */
export { analyze, validate } from './analyze';
export { carryAt, equityAtTime, liquidationPath, liquidationPriceAt, loanNetApy, timeToCarryLiquidation } from './carry';
export type { LiquidationPath } from './carry';
export { barrierRisk, endBeyondProbability, lognormalDensity, normalCdf, priceQuantile, touchProbability, zScore } from './risk';
export type { BarrierInput, BarrierRisk } from './risk';
export {
  averageEntry,
  effectiveLeverageAt,
  equityAt,
  equityQuoteAt,
  healthAt,
  leverageFromLoops,
  loopLimit,
  pnlAt,
  priceForRoe,
  roeAt,
  roundToTick,
} from './companions';
export type { Fill, LoopTerms } from './companions';
export { buildCurve } from './curve';
export type { Curve, CurveOptions } from './curve';
export { findVenue, venuePresets } from './venues';
export type { VenuePreset } from './venues';
export type { DecimalInput } from './decimal';
export type {
  Analysis,
  AppliedTier,
  BarrierOdds,
  CarryBreakdown,
  Compounding,
  FeeBasis,
  FieldError,
  HorizonBands,
  HorizonRisk,
  Instrument,
  InvalidAnalysis,
  LastPriceLiquidation,
  LiquidationCost,
  LiquidationRemainder,
  MaintenanceBasis,
  MarginMode,
  OrderRole,
  PositionSpec,
  Side,
  SpecKey,
  ThresholdOdds,
  ThresholdPrice,
  TierInput,
  TierMeasure,
  ValidAnalysis,
} from './types';
export { addToPosition, exitPnl, maxOpen, priceForNetRoe, sizeByRisk } from './toolbox';
export type {
  AddToPosition,
  ExitPnl,
  FeeReserve,
  FillInput,
  InvalidToolboxInput,
  MaxOpen,
  MaxOpenOptions,
  PnlComponent,
  SizeByRisk,
  SizeByRiskInput,
  ToolboxError,
  ToolboxField,
} from './toolbox';
export { equityPath } from './path';
export type { EquityPath, EquityPathOptions, PathPoint, PositionState } from './path';
export { analyzePortfolio, contagion } from './portfolio';
export type {
  Contagion,
  ContagionOptions,
  ContagionPoint,
  InvalidPortfolio,
  Portfolio,
  PortfolioAnalysis,
  PortfolioError,
  PortfolioPosition,
  PortfolioPositionFigures,
} from './portfolio';
