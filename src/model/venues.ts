import type { PositionSpec, TierInput } from './types';

/**
 * Venue presets: dated data, never code. Each carries where its numbers come from and when they were
 * taken; venues change their tables several times a year, so the page shows the date next to them.
 */
export interface VenuePreset {
  id: string;
  label: string;
  /** The spec keys this preset fills in; the user's entry, size, collateral and leverage are kept. */
  spec: PositionSpec;
  /** Price tick used for display rounding (the model keeps exact decimals). */
  tick: string;
  /** Price shown on first load: an illustrative level, not a live quote. */
  examplePrice: string;
  base: string;
  quote: string;
  /** Inverse: USD value of one contract. */
  contractValue?: string;
  source: string;
  asOf: string;
  note: string;
}

// Binance USD-M BTCUSDT brackets, snapshot of 2024-10 (floor USDT, max leverage, rate, amount).
const binanceBtcusdtBrackets: TierInput[] = [
  { floor: '0', maxLeverage: '125', mmr: '0.004', mmAmount: '0' },
  { floor: '50000', maxLeverage: '100', mmr: '0.005', mmAmount: '50' },
  { floor: '600000', maxLeverage: '75', mmr: '0.0065', mmAmount: '950' },
  { floor: '3000000', maxLeverage: '50', mmr: '0.01', mmAmount: '11450' },
  { floor: '12000000', maxLeverage: '25', mmr: '0.02', mmAmount: '131450' },
  { floor: '70000000', maxLeverage: '20', mmr: '0.025', mmAmount: '481450' },
  { floor: '100000000', maxLeverage: '10', mmr: '0.05', mmAmount: '2981450' },
  { floor: '230000000', maxLeverage: '5', mmr: '0.1', mmAmount: '14481450' },
  { floor: '480000000', maxLeverage: '4', mmr: '0.125', mmAmount: '26481450' },
  { floor: '600000000', maxLeverage: '3', mmr: '0.15', mmAmount: '41481450' },
  { floor: '800000000', maxLeverage: '2', mmr: '0.25', mmAmount: '121481450' },
  { floor: '1200000000', maxLeverage: '1', mmr: '0.5', mmAmount: '421481450' },
];

export const venuePresets: readonly VenuePreset[] = [
  {
    id: 'binance-usdm-btcusdt',
    label: 'Binance USD-M BTCUSDT',
    spec: { instrument: 'linear', mmBasis: 'mark', tiers: binanceBtcusdtBrackets, maxLeverage: '125', feeRate: '0.0005', closeFeeInLiquidation: false, mmr: '0.004', mmAmount: '0' },
    tick: '0.1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USDT',
    source: 'Binance FAQ “How to Calculate Liquidation Price of USD-M Futures Contracts”; brackets from Binance’s leverage-bracket table (freqtrade snapshot)',
    asOf: '2024-10',
    note: 'Mark basis: the bracket is the one that holds at the liquidation-price notional. Taker fee 0.05 % (VIP 0).',
  },
  {
    id: 'binance-coinm-btcusd',
    label: 'Binance COIN-M BTCUSD (100 USD contracts)',
    spec: { instrument: 'inverse', mmBasis: 'mark', mmr: '0.004', mmAmount: '0', maxLeverage: '125', feeRate: '0.0005', closeFeeInLiquidation: false },
    tick: '0.1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USD',
    contractValue: '100',
    source: 'Binance FAQ “How to Calculate Liquidation Price of COIN-M Futures Contracts”',
    asOf: '2024-10',
    note: 'First bracket only (0.4 %, up to 125×); larger positions need the full COIN-M bracket table, which is not bundled.',
  },
  {
    id: 'bybit-usdt-btcusdt',
    label: 'Bybit USDT perpetual BTCUSDT',
    spec: { instrument: 'linear', mmBasis: 'entry', mmr: '0.005', mmAmount: '0', maxLeverage: '100', feeRate: '0.00055', closeFeeInLiquidation: false },
    tick: '0.1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USDT',
    source: 'Bybit help “Liquidation Price (USDT Contract)” and “Bankruptcy Price”',
    asOf: '2024-10',
    note: 'Isolated margin, maintenance measured on entry value; first risk-limit tier (0.5 %). Taker fee 0.055 %.',
  },
  {
    id: 'hyperliquid-btc',
    label: 'Hyperliquid BTC',
    spec: { instrument: 'linear', mmBasis: 'mark', mmr: '0.0125', mmAmount: '0', maxLeverage: '40', feeRate: '0.00045', closeFeeInLiquidation: false },
    tick: '1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USDC',
    source: 'Hyperliquid docs “Liquidations” and “Margin tiers”',
    asOf: '2024-10',
    note: 'Maintenance rate = 1 / (2 × max leverage) = 1 / 80 = 1.25 %. Taker fee 0.045 % (base tier).',
  },
  {
    id: 'dydx-v4-btc',
    label: 'dYdX v4 BTC-USD',
    spec: { instrument: 'linear', mmBasis: 'mark', mmr: '0.03', mmAmount: '0', maxLeverage: '20', feeRate: '0.0005', closeFeeInLiquidation: false },
    tick: '1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USDC',
    source: 'dYdX v4 docs concepts/trading/liquidations and margin parameters (IMF 5 %, MMF 3 %)',
    asOf: '2024-10',
    note: 'Mark basis: p′ = (e − s·p − MMR_o)/(|s|·MMF − s). Taker fee 0.05 % (base tier).',
  },
  {
    id: 'bitmex-xbtusd',
    label: 'BitMEX XBTUSD (inverse)',
    spec: { instrument: 'inverse', mmBasis: 'entry', mmr: '0.0035', mmAmount: '0', maxLeverage: '100', feeRate: '0.00075', closeFeeInLiquidation: false },
    tick: '0.5',
    examplePrice: '50000',
    base: 'XBT',
    quote: 'USD',
    contractValue: '1',
    source: 'BitMEX isolated-margin examples and XBTUSD contract specification (base maintenance 0.35 %)',
    asOf: '2024-10',
    note: 'Inverse, maintenance on entry value, prices on a 0.5 tick (liquidation rounded toward entry). Taker fee 0.075 %.',
  },
  {
    id: 'aave-v3-eth',
    label: 'Aave v3 ETH',
    spec: { instrument: 'loan', liquidationThreshold: '0.83', ltv: '0.8', feeRate: '0' },
    tick: '0.01',
    examplePrice: '3000',
    base: 'ETH',
    quote: 'USD',
    source: 'Aave v3 GenericLogic (health factor); ETH market parameters LTV 80 %, LT 83 %',
    asOf: '2024-10',
    note: 'Health factor = collateral × LT ÷ debt; liquidation below 1. Loops borrow at the LTV.',
  },
  {
    id: 'aave-v3-eth-emode',
    label: 'Aave v3 ETH e-mode',
    spec: { instrument: 'loan', liquidationThreshold: '0.93', ltv: '0.9', feeRate: '0' },
    tick: '0.01',
    examplePrice: '3000',
    base: 'ETH',
    quote: 'USD',
    source: 'Aave v3 efficiency mode (ETH-correlated): LTV 90 %, LT 93 %',
    asOf: '2024-10',
    note: 'E-mode parameters assume a correlated pair; against a stablecoin debt the price risk is the same as below.',
  },
  {
    id: 'maker-eth-a',
    label: 'Maker (Sky) ETH-A vault',
    spec: { instrument: 'loan', liquidationRatio: '1.45', feeRate: '0' },
    tick: '0.01',
    examplePrice: '3000',
    base: 'ETH',
    quote: 'DAI',
    source: 'Maker ETH-A vault docs: liquidation ratio 145 %',
    asOf: '2024-10',
    note: 'Collateral ratio = collateral ÷ debt; liquidation below 145 % (LT = 1/1.45). Maximum leverage 1.45/0.45 ≈ 3.22×.',
  },
  {
    id: 'liquity',
    label: 'Liquity trove (ETH/LUSD)',
    spec: { instrument: 'loan', liquidationRatio: '1.1', feeRate: '0' },
    tick: '0.01',
    examplePrice: '3000',
    base: 'ETH',
    quote: 'LUSD',
    source: 'Liquity docs: minimum collateral ratio 110 %',
    asOf: '2024-10',
    note: 'Liquidation below a 110 % collateral ratio (LT = 1/1.1). Maximum leverage 11×.',
  },
  {
    id: 'custom',
    label: 'Custom',
    spec: {},
    tick: '0.01',
    examplePrice: '50000',
    base: 'BASE',
    quote: 'USD',
    source: 'Your own parameters',
    asOf: '',
    note: 'Every parameter is yours to set.',
  },
];

export function findVenue(id: string): VenuePreset | undefined {
  return venuePresets.find((preset) => preset.id === id);
}
