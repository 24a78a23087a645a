import type { DecimalInput } from './decimal';

export type Instrument = 'linear' | 'inverse' | 'loan';
export type Side = 'long' | 'short';
export type MarginMode = 'isolated' | 'cross';
export type MaintenanceBasis = 'mark' | 'entry';
/**
 * Where the fee to close is valued when the liquidation condition counts it: 'mark' on the position's value where
 * the maintenance is measured (at the liquidation price on a mark basis, at entry on an entry basis), 'entry' at
 * entry, or 'bankruptcy' at the bankruptcy price (Bybit inverse: contracts ÷ bankruptcy price × taker rate, with
 * the bankruptcy price itself net of that fee).
 */
export type FeeBasis = 'mark' | 'entry' | 'bankruptcy';
/**
 * What picks the bracket: 'value', the position value in the margin currency (Binance, Bybit, Gate: it moves with
 * the price on a mark basis), or 'size', the position's size in the spec's unit (OKX tiers are written in
 * contracts: base units for linear contracts, USD face value for inverse ones), which no price moves.
 */
export type TierMeasure = 'value' | 'size';
/**
 * How loan interest accrues: simple (r·t), continuously (e^{r·t}), every second ((1 + r/31,536,000)^seconds: Aave's
 * variable debt) or per started hour (Binance margin: r/8760 for each hour begun, not compounded).
 */
export type Compounding = 'simple' | 'continuous' | 'per-second' | 'hourly';
/**
 * Which fee an order pays: 'taker' (a market order, or a limit order that fills at once) or 'maker' (a resting limit
 * order). A liquidation is always a market order: it pays the taker fee whatever the trader's own orders are.
 */
export type OrderRole = 'taker' | 'maker';

/** One maintenance bracket: it applies from `floor` up to the next floor, in position value (margin currency) or, with `tierMeasure: 'size'`, in size units. */
export interface TierInput {
  floor: DecimalInput;
  mmr: DecimalInput;
  mmAmount?: DecimalInput;
  maxLeverage?: DecimalInput;
}

/**
 * The product's one schema. URL parameters, widget attributes and React props use these flat keys.
 * Rates are fractions (mmr 0.004 is 0.4 %). Numbers or decimal strings are accepted everywhere.
 */
export interface PositionSpec {
  instrument?: Instrument;
  side?: Side;
  /** Entry (and current mark) price in quote currency per unit of base. */
  entry?: DecimalInput;
  /** Isolated margin, or the cross wallet balance; in coin for inverse contracts, in quote for linear and loans. */
  collateral?: DecimalInput;
  leverage?: DecimalInput;
  /** Base units (linear, loan) or USD face value (inverse). */
  size?: DecimalInput;
  marginMode?: MarginMode;
  /** Cross: maintenance margin of the account's other positions. */
  otherMaintenance?: DecimalInput;
  /** Cross: unrealized PnL of the account's other positions. */
  otherPnl?: DecimalInput;
  mmr?: DecimalInput;
  mmAmount?: DecimalInput;
  mmBasis?: MaintenanceBasis;
  tiers?: readonly TierInput[];
  /** What the bracket floors measure: 'value' (default) or 'size' (OKX: contracts, written here in size units). */
  tierMeasure?: TierMeasure;
  maxLeverage?: DecimalInput;
  /** The taker fee, a fraction of the position value (0.0005 = 0.05 %): market orders, and every liquidation. */
  feeRate?: DecimalInput;
  /** The maker fee, a fraction of the position value, −1 % to 10 % (negative: a rebate); needed when an order is 'maker'. */
  makerFeeRate?: DecimalInput;
  /** The order that opens the position: 'taker' (default, a market order) or 'maker' (a resting limit order). */
  entryOrder?: OrderRole;
  /** The order that closes it at a chosen exit or at break-even: 'taker' (default) or 'maker'. Liquidation is always taker. */
  exitOrder?: OrderRole;
  closeFeeInLiquidation?: boolean | 'true' | 'false';
  /** Where the fee to close is valued in the liquidation condition; default 'mark' (where the maintenance is measured). */
  feeBasis?: FeeBasis;
  /** Loans: Aave-style liquidation threshold (liquidation when health factor < 1). */
  liquidationThreshold?: DecimalInput;
  /** Loans: CDP liquidation ratio (Maker 1.45, Liquity 1.10); the same as liquidationThreshold = 1 / ratio. */
  liquidationRatio?: DecimalInput;
  /** Loans: loan-to-value of each borrow round. */
  ltv?: DecimalInput;
  /** Loans: number of borrow rounds after the first deposit (any whole number), or 'max': the limit 1/(1 − LTV). */
  loops?: DecimalInput | 'max';
  /** Health levels to mark (1 is liquidation; Binance's margin call at 80 % margin ratio is 1.25). */
  thresholds?: readonly DecimalInput[];
  /** Perpetuals: funding rate per 8 hours, always quoted per 8 h (0.0001 = 0.01 %); positive: longs pay shorts. */
  fundingRate?: DecimalInput;
  /** Perpetuals: hours between funding payments (8 at Binance, 1 at Hyperliquid and dYdX); default 8. */
  fundingIntervalHours?: DecimalInput;
  /** Holding period in hours for the carry figures. */
  holdHours?: DecimalInput;
  /** Loans: annual borrow rate on the debt (accrued by `compounding`, simple by default; 365-day year). */
  borrowApr?: DecimalInput;
  /** Loans: annual supply rate earned on the collateral (accrued by `compounding`, simple by default; 365-day year). */
  supplyApr?: DecimalInput;
  /** Loans: how borrow and supply rates accrue; default simple. */
  compounding?: Compounding;
  /** Annualized volatility σ of the price (0.6 = 60 %) for the risk over a horizon. */
  volatility?: DecimalInput;
  /** Risk horizon in days (365-day year). */
  horizonDays?: DecimalInput;
  /** Annualized drift μ of the price (dP/P = μ dt + σ dW); default 0. */
  drift?: DecimalInput;
  /** Multiplier on σ to stress for fat tails and jumps (1.5, 2); default 1. */
  volatilityStress?: DecimalInput;
  /** Perpetuals: liquidation clearance fee, a fraction of the position value at the liquidation price (Binance); default 0. */
  liquidationFee?: DecimalInput;
  /** Perpetuals: the margin left after the clearance fee goes to the insurance fund (Binance, Bybit) or stays with the trader (dYdX); default true. */
  insuranceFundTakesRest?: boolean | 'true' | 'false';
  /** Loans: the liquidator's bonus or penalty, a fraction of the debt repaid (Aave 0.05, Maker ETH-A 0.13); default 0.05. */
  liquidationBonus?: DecimalInput;
  /** Loans: share of the debt one liquidation repays (Aave v3 0.5, and all of it below health 0.95; Maker, Liquity 1); default 1. */
  closeFactor?: DecimalInput;
  /** Perpetuals: last price − mark price as a fraction of the mark (signed); venues liquidate on the mark. Default 0. */
  markSpread?: DecimalInput;
}

export type SpecKey = keyof PositionSpec;

export interface FieldError {
  field: SpecKey;
  message: string;
}

export interface ThresholdPrice {
  level: string;
  /** Null when the health level is never reached at a positive price. */
  price: string | null;
}

export interface AppliedTier {
  index: number;
  floor: string;
  cap: string | null;
  mmr: string;
  mmAmount: string;
  maxLeverage: string | null;
}

/**
 * Carry over a holding period in the margin currency. Positive is a cost that reduces equity, except
 * supplyYield, which is a gain and enters the total with a minus sign.
 */
export interface CarryBreakdown {
  hours: string;
  /** Perpetual funding paid over the whole funding events in the period (negative when received). */
  funding: string;
  /** Loans: interest on the debt. */
  borrowInterest: string;
  /** Loans: yield earned on the collateral. */
  supplyYield: string;
  /** Fee to open (at entry) plus fee to close (at the given price). */
  fees: string;
  /** funding + borrowInterest − supplyYield + fees. */
  total: string;
}

/** Odds for one price level over the horizon (numbers in [0, 1]). */
export interface BarrierOdds {
  /** The level is touched at some time within the horizon (continuous monitoring). */
  touchProbability: number;
  /** The price ends the horizon beyond the level. */
  endBeyondProbability: number;
  /** |ln(level ÷ entry)| ÷ (σ√T): the distance in horizon standard deviations; null without diffusion. */
  zScore: number | null;
}

export interface ThresholdOdds extends BarrierOdds {
  level: string;
}

/** Price quantiles at the horizon: the ±1 and ±2 standard-deviation band of the lognormal law and its median. */
export interface HorizonBands {
  minus2: number;
  minus1: number;
  median: number;
  plus1: number;
  plus2: number;
}

export interface HorizonRisk {
  horizonDays: string;
  years: number;
  /** σ after the stress multiplier. */
  volatility: number;
  volatilityStress: number;
  /** μ as given. */
  drift: number;
  /** Annualized log drift of the liquidation level caused by carry (positive: the level rises); 0 without carry. */
  carryDrift: number;
  /** Null when the position has no liquidation price (at the start nor at the horizon). */
  liquidation: BarrierOdds | null;
  /** One entry per health level in `thresholds`; probabilities 0 and zScore null for levels never reached. */
  thresholds: ThresholdOdds[];
  horizonBands: HorizonBands;
}

/** What one liquidation costs the trader, in the margin currency (see src/model/liquidation.ts). */
export interface LiquidationCost {
  /** The price at which the venue liquidates (or closes at bankruptcy, when that comes first). */
  price: string;
  /** Equity just before the liquidation (fees to open excluded, as in equityAt). */
  equityBefore: string;
  /** Lost to the price move from entry to the liquidation price, before any charge: backing collateral − equityBefore. */
  priceLoss: string;
  /** Perpetuals: the clearance fee, rate × position value at the liquidation price, at most the equity left. */
  clearanceFee: string;
  /** Perpetuals: margin left after the fee that goes to the insurance fund. */
  insuranceFund: string;
  /** Loans: the liquidator's bonus or the protocol's penalty, paid from the collateral. */
  penalty: string;
  /** The fee to open, already paid outside the margin. */
  openFee: string;
  /** Everything a liquidated trader loses: priceLoss + clearanceFee + insuranceFund + penalty + openFee. */
  total: string;
  /** What the venue leaves the trader right after the liquidation (margin currency). */
  left: string;
  /** The rate applied: the clearance fee rate (perpetuals) or the bonus/penalty rate (loans). */
  rate: string;
  /** Share of the position (perpetuals) or of the debt (loans) that one liquidation closes. */
  closeFactor: string;
  /** After a partial liquidation, what is still open; null when the whole position is closed. */
  after: LiquidationRemainder | null;
  /** What is assumed, in words. */
  assumption: string;
}

export interface LiquidationRemainder {
  /** Collateral quantity still deposited (long loan: the asset; short loan: the stablecoin value). */
  collateral: string;
  /** Debt still owed, valued at the liquidation price. */
  debt: string;
  /** Equity still in the position, valued at the liquidation price. */
  equity: string;
  /** Health factor after the liquidation; null when no debt is left. */
  health: string | null;
}

/** The liquidation price in last-price terms: venues liquidate on the mark, traders watch the last price. */
export interface LastPriceLiquidation {
  /** Last − mark as a fraction of the mark, as given. */
  spread: string;
  /** The liquidation price on the mark (what the venue uses). */
  markPrice: string;
  /** The last price when the mark reaches the liquidation price: markPrice × (1 + spread). */
  lastPrice: string;
  /** The band between the two, low to high. */
  low: string;
  high: string;
}

export interface ValidAnalysis {
  valid: true;
  instrument: Instrument;
  side: Side;
  marginMode: MarginMode;
  mmBasis: MaintenanceBasis;
  /** Where the fee to close is valued (it enters the liquidation condition only with closeFeeInLiquidation). */
  feeBasis: FeeBasis;
  /** What picks the bracket: the position value or its size. */
  tierMeasure: TierMeasure;
  /** Loans: how the rates accrue. */
  compounding: Compounding;
  /** Currency of collateral, margin and PnL: the coin for inverse contracts, the quote currency otherwise. */
  marginCurrency: 'quote' | 'coin';
  entry: string;
  /** Base units held (for inverse: coin value of the face value at entry). */
  quantity: string;
  /** Size as given by the schema (USD face value for inverse). */
  size: string;
  /** Position value at entry in the margin currency. */
  notional: string;
  /** Position value at entry in quote currency (USD). */
  notionalQuote: string;
  /** The collateral as given (the wallet balance in cross). */
  collateral: string;
  /** Collateral that backs this position: for cross, wallet − other maintenance + other uPnL. */
  effectiveCollateral: string;
  leverage: string;
  /** Notional ÷ equity at entry: the amplification a 1 % move gets. */
  effectiveLeverage: string;
  maxLeverage: string | null;
  initialMargin: string;
  /** Cross: wallet balance − initial margin (what is left to open more); null for isolated and loans. */
  availableBalance: string | null;
  /** Requirement at the entry price (what a position panel shows now). */
  maintenanceMargin: string;
  /** Requirement at the liquidation price (what the liquidation condition uses). */
  maintenanceAtLiquidation: string | null;
  appliedMmr: string;
  appliedMmAmount: string;
  appliedTier: AppliedTier | null;
  entryTier: AppliedTier | null;
  liquidationPrice: string | null;
  liquidationNote: string | null;
  bankruptcyPrice: string | null;
  breakEvenPrice: string;
  /** (liquidation − entry) ÷ entry; null without a liquidation price. */
  liquidationDistance: string | null;
  /** Equity ÷ requirement at entry for perpetuals, the health factor for loans; null when nothing is required. */
  healthAtEntry: string | null;
  thresholdPrices: ThresholdPrice[];
  /** Percent change in equity (margin currency) for a 1 % price move at entry. */
  amplification: string;
  /** Inverse contracts: percent change of the USD value of equity per 1 % move (the coin collateral adds 1). */
  amplificationUsd: string;
  /** Fee to open: the position value at entry × the entry order's rate (maker or taker); negative for a maker rebate. */
  openFee: string;
  /** Fee to close at entry price, at the exit order's rate. */
  closeFeeAtEntry: string;
  /** Which fee each of the trader's orders pays (a liquidation always pays the taker fee). */
  entryOrder: OrderRole;
  exitOrder: OrderRole;
  /** Everything that can be lost: the backing collateral plus the fee to open (less it when that is a rebate). */
  maxLoss: string;
  /** Equity ÷ (equity − requirement) style readings are left to companions; this is the loan debt, 0 for perps. */
  debt: string;
  /** Loans: the LTV-implied maximum leverage 1/(1 − LTV), or the CDP maximum LR/(LR − 1). */
  loanMaxLeverage: string | null;
  liquidationThreshold: string | null;
  convention: string;
  warnings: string[];
  /** Carry over holdHours at the entry price; null when holdHours is not given or 0. */
  carry: CarryBreakdown | null;
  /** Liquidation price after holdHours of carry at a flat (entry) price; null without a hold or a liquidation price. */
  liquidationPriceAfterHold: string | null;
  /** Loans with a borrow or supply rate: annual return on equity at a flat price, L·y − (L − 1)·r for a long. */
  netApy: string | null;
  /** Hours until carry alone liquidates the position at a flat price; null when it never does (or beyond 100 years). */
  carryLiquidationHours: string | null;
  /** Liquidation and health-level odds over horizonDays; null without volatility and horizonDays. */
  risk: HorizonRisk | null;
  /** What a liquidation costs and leaves; null when nothing ends the position at a positive price. */
  liquidationCost: LiquidationCost | null;
  /** Perpetuals with a liquidation price: that price in last-price terms for markSpread; null otherwise. */
  lastPriceLiquidation: LastPriceLiquidation | null;
}

export interface InvalidAnalysis {
  valid: false;
  errors: FieldError[];
}

export type Analysis = ValidAnalysis | InvalidAnalysis;
