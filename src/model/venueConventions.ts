import type { VenuePreset } from './venues';
import type { Compounding, FeeBasis } from './types';

/**
 * Conventions each venue states on its own help pages, dated and sourced, kept beside the preset data of venues.ts
 * (which merges them into each preset's spec): where the fee to close is valued when the liquidation condition
 * counts it, and how a lender charges interest. A preset without a record keeps the model's defaults ('mark' and
 * 'simple').
 */
export interface VenueConvention {
  /** Perpetuals: where the venue values the fee to close (it enters the condition only with closeFeeInLiquidation). */
  feeBasis?: FeeBasis;
  /** Loans: how the venue's interest accrues. */
  compounding?: Compounding;
  /** What the venue's page says, in a sentence. */
  source: string;
  sourceUrl: string;
  /** When the page was read. */
  asOf: string;
}

const READ_ON = '2026-12-06';

const binanceFee: VenueConvention = {
  feeBasis: 'mark',
  source: 'Binance’s liquidation-price FAQ leaves the fee out of the condition; a liquidation pays the taker fee on the value traded at the liquidation price',
  sourceUrl: 'https://www.binance.com/en/support/faq/25edcd7fe0e544839d0847b8cbb2e400',
  asOf: READ_ON,
};

export const venueConventions: Readonly<Record<string, VenueConvention>> = {
  'binance-usdm-btcusdt': binanceFee,
  'binance-usdm-ethusdt': binanceFee,
  'binance-usdm-solusdt': binanceFee,
  'binance-coinm-btcusd': binanceFee,
  'bybit-usdt-btcusdt': {
    feeBasis: 'bankruptcy',
    source: 'Bybit “Order Cost (USDT Contract)”: fee to close = quantity × bankruptcy price × taker rate (its isolated liquidation formula leaves the fee out)',
    sourceUrl: 'https://www.bybit.com/en/help-center/article/Order-Cost-USDT-Contract',
    asOf: READ_ON,
  },
  'gate-usdt-btcusdt': {
    feeBasis: 'mark',
    source: 'Gate “Calculation of Liquidation Price”: liquidation price = (entry − margin ÷ multiplier ÷ size) ÷ [1 − (maintenance rate + taker rate)] for a long: the fee on the value at the liquidation price',
    sourceUrl: 'https://www.gate.io/help/futures/perpetual/22160/calculation-of-liquidation-price',
    asOf: READ_ON,
  },
  'okx-btcusd-swap': {
    feeBasis: 'mark',
    source: 'OKX isolated margin ratio, coin-margined: (margin balance + PnL) ÷ (face value × |contracts| ÷ mark price × (tier maintenance rate + taker fee rate)): the fee on the value at the mark price, in the condition',
    sourceUrl: 'https://www.okx.com/help/vii-introduction-to-the-isolated-mode-of-single-multi-currency-portfolio-margin',
    asOf: READ_ON,
  },
  'hyperliquid-btc': {
    feeBasis: 'mark',
    source: 'Hyperliquid “Liquidations”: the condition is account value below the maintenance margin, fees left out; a liquidation trades at the mark',
    sourceUrl: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations',
    asOf: READ_ON,
  },
  'dydx-v4-btc': {
    feeBasis: 'mark',
    source: 'dYdX v4 “Liquidations”: p′ = (e − s·p − MMR_o)/(|s|·MMF − s), fees left out; a liquidation trades at the oracle price',
    sourceUrl: 'https://docs.dydx.exchange/concepts/trading/liquidations',
    asOf: READ_ON,
  },
  'bitmex-xbtusd': {
    feeBasis: 'mark',
    source: 'BitMEX isolated-margin examples: maintenance on entry value, so a fee counted with it is valued at entry too',
    sourceUrl: 'https://www.bitmex.com/app/isolatedMarginExamples',
    asOf: READ_ON,
  },
  'aave-v3-eth': {
    compounding: 'per-second',
    source: 'Aave v3 MathUtils.calculateCompoundedInterest: variable debt compounds every second (evaluated on chain by a three-term binomial approximation)',
    sourceUrl: 'https://github.com/aave/aave-v3-core/blob/master/contracts/protocol/libraries/math/MathUtils.sol',
    asOf: READ_ON,
  },
  'aave-v3-eth-emode': {
    compounding: 'per-second',
    source: 'Aave v3 MathUtils.calculateCompoundedInterest: variable debt compounds every second',
    sourceUrl: 'https://github.com/aave/aave-v3-core/blob/master/contracts/protocol/libraries/math/MathUtils.sol',
    asOf: READ_ON,
  },
  'maker-eth-a': {
    compounding: 'per-second',
    source: 'Maker (Sky) Jug.drip: the stability fee compounds per second, rate × duty^(now − rho)',
    sourceUrl: 'https://github.com/makerdao/dss/blob/master/src/jug.sol',
    asOf: READ_ON,
  },
};

/** A preset with its venue's conventions written into its spec (what the page, links and the API then read). */
export function withConventions(preset: VenuePreset): VenuePreset {
  const convention = venueConventions[preset.id];
  if (convention === undefined) return preset;
  const spec = { ...preset.spec };
  if (convention.feeBasis !== undefined) spec.feeBasis = convention.feeBasis;
  if (convention.compounding !== undefined) spec.compounding = convention.compounding;
  return { ...preset, spec, conventions: convention };
}
