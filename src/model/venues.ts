import { Dec } from './decimal';
import type { PositionSpec, TierInput } from './types';
import { withConventions } from './venueConventions';
import type { VenueConvention } from './venueConventions';

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
  /** Linear: base units in one contract (OKX-style contracts); absent where the venue trades base units directly. */
  contractSize?: string;
  /** The venue takes whole contracts only (a size in contracts must be an integer). */
  wholeContracts?: boolean;
  /** Maker fee as a fraction, where the venue publishes one; the taker fee is `spec.feeRate`. */
  makerFeeRate?: string;
  source: string;
  /** Where the fee to close is valued and how interest accrues, with their own source (venueConventions.ts). */
  conventions?: VenueConvention;
  /** Address of the venue's own page (or of the dated copy) the figures were read from. */
  sourceUrl: string;
  asOf: string;
  note: string;
  /** What a liquidation costs at this venue and which price triggers it (src/model/liquidation.ts), with its source. */
  liquidation?: VenueLiquidation;
}

export interface VenueLiquidation {
  /** The price the venue liquidates on, in words: "mark price", "oracle price". */
  on: string;
  source: string;
  sourceUrl: string;
  asOf: string;
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

// The Binance ETHUSDT and SOLUSDT brackets below come from one snapshot of Binance's leverage-bracket endpoint
// (GET /fapi/v1/leverageBracket), as kept by freqtrade at commit 01d10ae; the file still lists the ETHUSDT
// 2024-09-27 and 2024-12-27 quarterlies, so it was taken in the third quarter of 2024.
const FREQTRADE_BINANCE_TIERS =
  'https://github.com/freqtrade/freqtrade/blob/01d10aebcab25c526473c603a88e14eb7d9699cc/freqtrade/exchange/binance_leverage_tiers.json';

// Binance USD-M ETHUSDT brackets (floor USDT, max leverage, rate, amount).
const binanceEthusdtBrackets: TierInput[] = [
  { floor: '0', maxLeverage: '125', mmr: '0.004', mmAmount: '0' },
  { floor: '50000', maxLeverage: '100', mmr: '0.005', mmAmount: '50' },
  { floor: '600000', maxLeverage: '75', mmr: '0.0065', mmAmount: '950' },
  { floor: '3000000', maxLeverage: '50', mmr: '0.01', mmAmount: '11450' },
  { floor: '12000000', maxLeverage: '25', mmr: '0.02', mmAmount: '131450' },
  { floor: '50000000', maxLeverage: '20', mmr: '0.025', mmAmount: '381450' },
  { floor: '65000000', maxLeverage: '10', mmr: '0.05', mmAmount: '2006450' },
  { floor: '150000000', maxLeverage: '5', mmr: '0.1', mmAmount: '9506450' },
  { floor: '320000000', maxLeverage: '4', mmr: '0.125', mmAmount: '17506450' },
  { floor: '400000000', maxLeverage: '3', mmr: '0.15', mmAmount: '27506450' },
  { floor: '530000000', maxLeverage: '2', mmr: '0.25', mmAmount: '80506450' },
  { floor: '800000000', maxLeverage: '1', mmr: '0.5', mmAmount: '280506450' },
];

// Binance USD-M SOLUSDT brackets (floor USDT, max leverage, rate, amount).
const binanceSolusdtBrackets: TierInput[] = [
  { floor: '0', maxLeverage: '100', mmr: '0.005', mmAmount: '0' },
  { floor: '20000', maxLeverage: '75', mmr: '0.0065', mmAmount: '30' },
  { floor: '100000', maxLeverage: '50', mmr: '0.01', mmAmount: '380' },
  { floor: '800000', maxLeverage: '25', mmr: '0.02', mmAmount: '8380' },
  { floor: '4000000', maxLeverage: '20', mmr: '0.025', mmAmount: '28380' },
  { floor: '8000000', maxLeverage: '10', mmr: '0.05', mmAmount: '228380' },
  { floor: '40000000', maxLeverage: '5', mmr: '0.1', mmAmount: '2228380' },
  { floor: '80000000', maxLeverage: '4', mmr: '0.125', mmAmount: '4228380' },
  { floor: '100000000', maxLeverage: '2', mmr: '0.25', mmAmount: '16728380' },
  { floor: '200000000', maxLeverage: '1', mmr: '0.5', mmAmount: '66728380' },
];

/*
 * Gate USDT perpetual BTC_USDT risk-limit tiers, from Gate's help page "Risk Limit Explanation" (updated
 * 2025-09-30): each tier's risk limit is its upper edge (20,000 · 50,000 · 100,000 · 200,000 · 1,000,000 ·
 * 2,000,000 · 3,000,000 · 5,000,000 USDT). Gate charges each tier's rate on the part of the position inside that
 * tier; the amount below (Gate's API calls it the "deduction") is that gradient sum written as notional × rate −
 * amount, A_n = floor_n·(m_n − m_{n−1}) + A_{n−1}.
 */
const gateBtcusdtTiers: TierInput[] = [
  { floor: '0', maxLeverage: '125', mmr: '0.004', mmAmount: '0' },
  { floor: '20000', maxLeverage: '111', mmr: '0.0045', mmAmount: '10' },
  { floor: '50000', maxLeverage: '100', mmr: '0.005', mmAmount: '35' },
  { floor: '100000', maxLeverage: '75', mmr: '0.007', mmAmount: '235' },
  { floor: '200000', maxLeverage: '50', mmr: '0.01', mmAmount: '835' },
  { floor: '1000000', maxLeverage: '25', mmr: '0.02', mmAmount: '10835' },
  { floor: '2000000', maxLeverage: '10', mmr: '0.05', mmAmount: '70835' },
  { floor: '3000000', maxLeverage: '1.05', mmr: '0.5', mmAmount: '1420835' },
];

/*
 * OKX BTCUSD perpetual (coin-margined, 100 USD a contract) position tiers as OKX set them on 15 June 2023 (“OKX to
 * adjust position tiers of perpetual swaps and futures”, 9 June 2023): up to 2,000 contracts 0.40 % maintenance and
 * 0.80 % initial (125×), up to 5,000 0.50 % / 1.00 % (100×), up to 20,000 0.75 % / 1.50 % (66.66×); from tier 4
 * “increase by 20,000 conts from the previous tier” and by 0.5 % on both rates, at the tier's maximum leverage
 * (1 ÷ initial rate, which OKX prints cut to two decimals: 66.66). OKX tiers count contracts, so the floors here are
 * sizes in the model's unit for inverse contracts, USD face value (contracts × 100), with `tierMeasure: 'size'`.
 * Each tier's rate applies to the whole position (OKX's margin ratio has no deduction), so every amount is 0.
 */
const OKX_CONTRACT_USD = 100;
const OKX_BUNDLED_TIERS = 30;
function okxBtcusdTiers(): TierInput[] {
  const published: readonly (readonly [contracts: number, mmr: string, imr: string])[] = [
    [0, '0.004', '0.008'],
    [2000, '0.005', '0.01'],
    [5000, '0.0075', '0.015'],
  ];
  const step = new Dec('0.005');
  const rows = [...published];
  for (let tier = published.length + 1; tier <= OKX_BUNDLED_TIERS; tier += 1) {
    const previous = rows[rows.length - 1];
    if (previous === undefined) break;
    // Tier 4 starts where tier 3 ends (20,000 contracts); each later tier 20,000 contracts on.
    const floor = 20000 * (tier - 3);
    rows.push([floor, new Dec(previous[1]).plus(step).toString(), new Dec(previous[2]).plus(step).toString()]);
  }
  return rows.map(([contracts, mmr, imr]) => ({
    floor: String(contracts * OKX_CONTRACT_USD),
    mmr,
    mmAmount: '0',
    maxLeverage: new Dec(1).div(imr).toDecimalPlaces(2, Dec.ROUND_DOWN).toString(),
  }));
}

const presetData: readonly VenuePreset[] = [
  {
    id: 'binance-usdm-btcusdt',
    label: 'Binance USD-M BTCUSDT',
    spec: { instrument: 'linear', mmBasis: 'mark', tiers: binanceBtcusdtBrackets, maxLeverage: '125', feeRate: '0.0005', closeFeeInLiquidation: false, mmr: '0.004', mmAmount: '0', liquidationFee: '0.0125', insuranceFundTakesRest: true },
    liquidation: {
      on: 'mark price',
      // The rate is the symbol's `liquidationFee` in the USDⓈ-M exchange information (GET /fapi/v1/exchangeInfo:
      // "liquidationFee": "0.012500" for BTCUSDT in recorded responses); the insurance fund rules are the FAQ's.
      source: 'Binance USDⓈ-M exchange information, BTCUSDT liquidationFee 0.0125 (clearance fee 1.25 %); “Introduction to Futures Insurance Funds” (margin left to the insurance fund)',
      sourceUrl: 'https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Exchange-Information',
      asOf: '2024-10',
    },
    tick: '0.1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USDT',
    makerFeeRate: '0.0002',
    source: 'Binance FAQ “How to Calculate Liquidation Price of USD-M Futures Contracts”; brackets from Binance’s leverage-bracket table (freqtrade snapshot); fees from Binance’s “Fee Schedule of Binance Futures” (regular user)',
    sourceUrl: 'https://www.binance.com/en/support/faq/25edcd7fe0e544839d0847b8cbb2e400',
    asOf: '2024-10',
    note: 'Mark basis: the bracket is the one that holds at the liquidation-price notional. Maker 0.02 %, taker 0.05 % (regular user).',
  },
  {
    id: 'binance-usdm-ethusdt',
    label: 'Binance USD-M ETHUSDT',
    spec: { instrument: 'linear', mmBasis: 'mark', tiers: binanceEthusdtBrackets, maxLeverage: '125', feeRate: '0.0005', closeFeeInLiquidation: false, mmr: '0.004', mmAmount: '0' },
    tick: '0.01',
    examplePrice: '3000',
    base: 'ETH',
    quote: 'USDT',
    makerFeeRate: '0.0002',
    source: 'Binance leverage-bracket table for ETHUSDT (freqtrade snapshot of Binance’s endpoint); fees from Binance’s “Fee Schedule of Binance Futures” (regular user)',
    sourceUrl: FREQTRADE_BINANCE_TIERS,
    asOf: '2024-Q3',
    note: 'Same rules as BTCUSDT: mark basis, bracket solved at the liquidation-price notional. Maker 0.02 %, taker 0.05 %. Entry price is illustrative.',
  },
  {
    id: 'binance-usdm-solusdt',
    label: 'Binance USD-M SOLUSDT',
    spec: { instrument: 'linear', mmBasis: 'mark', tiers: binanceSolusdtBrackets, maxLeverage: '100', feeRate: '0.0005', closeFeeInLiquidation: false, mmr: '0.005', mmAmount: '0' },
    tick: '0.01',
    examplePrice: '150',
    base: 'SOL',
    quote: 'USDT',
    makerFeeRate: '0.0002',
    source: 'Binance leverage-bracket table for SOLUSDT (freqtrade snapshot of Binance’s endpoint); fees from Binance’s “Fee Schedule of Binance Futures” (regular user)',
    sourceUrl: FREQTRADE_BINANCE_TIERS,
    asOf: '2024-Q3',
    note: 'Same rules as BTCUSDT: mark basis, bracket solved at the liquidation-price notional; up to 100×. Maker 0.02 %, taker 0.05 %. Entry price is illustrative.',
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
    wholeContracts: true,
    source: 'Binance FAQ “How to Calculate Liquidation Price of COIN-M Futures Contracts”',
    sourceUrl: 'https://www.binance.com/en/support/faq',
    asOf: '2024-10',
    note: 'First bracket only (0.4 %, up to 125×); larger positions need the full COIN-M bracket table, which is not bundled.',
  },
  {
    id: 'bybit-usdt-btcusdt',
    label: 'Bybit USDT perpetual BTCUSDT',
    spec: { instrument: 'linear', mmBasis: 'entry', mmr: '0.005', mmAmount: '0', maxLeverage: '100', feeRate: '0.00055', closeFeeInLiquidation: false, liquidationFee: '0', insuranceFundTakesRest: true },
    liquidation: {
      on: 'mark price',
      source: 'Bybit “Liquidation Process (USDT Contract)” (closed at the bankruptcy price, margin left to the insurance fund, no clearance fee)',
      sourceUrl: 'https://help.bybit.com/hc/en-us/articles/900000167723-Liquidation-Process-USDT-Contract-',
      asOf: '2024-01',
    },
    tick: '0.1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USDT',
    makerFeeRate: '0.0002',
    source: 'Bybit help “Liquidation Price (USDT Contract)” and “Bankruptcy Price”; fees from “Perpetual & Futures Contract: Fees Explained” (2024-10-16, base rate)',
    sourceUrl: 'https://testnet.bybit.com/en-US/help-center/s/article/Liquidation-Price-USDT-Contract',
    asOf: '2024-10',
    note: 'Isolated margin, maintenance measured on entry value; first risk-limit tier (0.5 %). Maker 0.02 %, taker 0.055 %.',
  },
  {
    id: 'gate-usdt-btcusdt',
    label: 'Gate USDT perpetual BTC_USDT',
    spec: { instrument: 'linear', mmBasis: 'mark', tiers: gateBtcusdtTiers, maxLeverage: '125', closeFeeInLiquidation: true, mmr: '0.004', mmAmount: '0' },
    tick: '0.1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USDT',
    contractSize: '0.0001',
    wholeContracts: true,
    source: 'Gate help “Risk Limit Explanation” (BTCUSDT tiers, updated 2025-09-30); contract size 0.0001 BTC, whole contracts, from Gate API v4 “List all futures contracts” (quanto_multiplier, order_size_min 1)',
    sourceUrl: 'https://www.gate.io/help/futures/futures-logic/22162',
    asOf: '2025-09-30',
    note: 'Tiered maintenance: each tier’s rate applies to the part of the position inside it (written as rate and amount). The fee to close counts in the liquidation condition. Gate’s fee table is not bundled: enter your taker fee.',
  },
  {
    id: 'okx-btcusd-swap',
    label: 'OKX BTCUSD perpetual (coin-margined, 100 USD contracts)',
    spec: { instrument: 'inverse', mmBasis: 'mark', tiers: okxBtcusdTiers(), tierMeasure: 'size', maxLeverage: '125', feeRate: '0.0005', closeFeeInLiquidation: true, mmr: '0.004', mmAmount: '0' },
    liquidation: {
      on: 'mark price',
      source: 'OKX “When would my order be liquidated?”: liquidation when the margin ratio falls below 100 %, partly or in full by position tier; the clearance fee goes to the insurance fund (its rate is not bundled)',
      sourceUrl: 'https://www.okx.com/learn/when-would-my-order-be-liquidated',
      asOf: '2024',
    },
    tick: '0.1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USD',
    contractValue: String(OKX_CONTRACT_USD),
    wholeContracts: true,
    makerFeeRate: '0.0002',
    source: 'OKX announcement “OKX to adjust position tiers of perpetual swaps and futures” (9 June 2023; BTCUSD perpetual tiers from 15 June 2023); contract value 100 USD from OKX’s instrument list (ctVal 100, ctValCcy USD); fees: OKX fee schedule, regular user Lv1 perpetual rates',
    sourceUrl: 'https://www.okx.com/help/okx-to-adjust-position-tiers-of-perpetual-swaps-and-futures-2023-06-09',
    asOf: '2023-06-15',
    note: `Tiers count contracts (brackets by size), so the tier is the same at every price. Tiers 1–3 as published, then OKX’s rule (+20,000 contracts and +0.5 % per tier) to tier ${OKX_BUNDLED_TIERS}, whose rate also covers anything larger. The fee to close counts in the liquidation condition. Maker 0.02 %, taker 0.05 % (Lv1).`,
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
    sourceUrl: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations',
    asOf: '2024-10',
    note: 'Maintenance rate = 1 / (2 × max leverage) = 1 / 80 = 1.25 %. Taker fee 0.045 % (base tier).',
  },
  {
    id: 'dydx-v4-btc',
    label: 'dYdX v4 BTC-USD',
    spec: { instrument: 'linear', mmBasis: 'mark', mmr: '0.03', mmAmount: '0', maxLeverage: '20', feeRate: '0.0005', closeFeeInLiquidation: false, liquidationFee: '0.015', insuranceFundTakesRest: false },
    liquidation: {
      on: 'oracle price',
      source: 'dYdX v4 docs “Liquidations” (fee at most 1.5 % of the notional; the rest stays in the subaccount)',
      sourceUrl: 'https://github.com/dydxprotocol/v4-documentation/blob/main/docs/pages/concepts/trading/liquidations.mdx',
      asOf: '2024-10',
    },
    tick: '1',
    examplePrice: '50000',
    base: 'BTC',
    quote: 'USDC',
    source: 'dYdX v4 docs concepts/trading/liquidations and margin parameters (IMF 5 %, MMF 3 %)',
    sourceUrl: 'https://github.com/dydxprotocol/v4-documentation/blob/main/docs/pages/concepts/trading/liquidations.mdx',
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
    wholeContracts: true,
    source: 'BitMEX isolated-margin examples and XBTUSD contract specification (base maintenance 0.35 %)',
    sourceUrl: 'https://www.bitmex.com/app/isolatedMarginExamples',
    asOf: '2024-10',
    note: 'Inverse, maintenance on entry value, prices on a 0.5 tick (liquidation rounded toward entry). Taker fee 0.075 %.',
  },
  {
    id: 'aave-v3-eth',
    label: 'Aave v3 ETH',
    spec: { instrument: 'loan', liquidationThreshold: '0.83', ltv: '0.8', feeRate: '0', liquidationBonus: '0.05', closeFactor: '0.5' },
    liquidation: {
      on: 'oracle price (Chainlink)',
      source: 'Aave v3 LiquidationLogic (close factor 50 %, 100 % below health 0.95) and the WETH reserve (bonus 5 %)',
      sourceUrl: 'https://github.com/aave/aave-v3-core/blob/master/contracts/protocol/libraries/logic/LiquidationLogic.sol',
      asOf: '2024-10',
    },
    tick: '0.01',
    examplePrice: '3000',
    base: 'ETH',
    quote: 'USD',
    source: 'Aave v3 GenericLogic (health factor); ETH market parameters LTV 80 %, LT 83 %',
    sourceUrl: 'https://github.com/aave/aave-v3-core/blob/master/contracts/protocol/libraries/logic/GenericLogic.sol',
    asOf: '2024-10',
    note: 'Health factor = collateral × LT ÷ debt; liquidation below 1. Loops borrow at the LTV.',
  },
  {
    id: 'aave-v3-eth-emode',
    label: 'Aave v3 ETH e-mode',
    spec: { instrument: 'loan', liquidationThreshold: '0.93', ltv: '0.9', feeRate: '0', liquidationBonus: '0.01', closeFactor: '0.5' },
    liquidation: {
      on: 'oracle price (Chainlink)',
      source: 'Aave v3 LiquidationLogic (close factor 50 %, 100 % below health 0.95) and ETH-correlated e-mode (bonus 1 %)',
      sourceUrl: 'https://github.com/aave/aave-v3-core/blob/master/contracts/protocol/libraries/logic/LiquidationLogic.sol',
      asOf: '2024-10',
    },
    tick: '0.01',
    examplePrice: '3000',
    base: 'ETH',
    quote: 'USD',
    source: 'Aave v3 efficiency mode (ETH-correlated): LTV 90 %, LT 93 %',
    sourceUrl: 'https://aave.com/docs',
    asOf: '2024-10',
    note: 'E-mode parameters assume a correlated pair; against a stablecoin debt the price risk is the same as below.',
  },
  {
    id: 'maker-eth-a',
    label: 'Maker (Sky) ETH-A vault',
    spec: { instrument: 'loan', liquidationRatio: '1.45', feeRate: '0', liquidationBonus: '0.13', closeFactor: '1' },
    liquidation: {
      on: 'oracle price (OSM, one hour delayed)',
      source: 'Maker ETH-A parameters and Liquidations 2.0 (penalty 13 %; the whole vault is auctioned, the rest returned)',
      sourceUrl: 'https://docs.makerdao.com/',
      asOf: '2024-10',
    },
    tick: '0.01',
    examplePrice: '3000',
    base: 'ETH',
    quote: 'DAI',
    source: 'Maker ETH-A vault docs: liquidation ratio 145 %',
    sourceUrl: 'https://docs.makerdao.com/',
    asOf: '2024-10',
    note: 'Collateral ratio = collateral ÷ debt; liquidation below 145 % (LT = 1/1.45). Maximum leverage 1.45/0.45 ≈ 3.22×.',
  },
  {
    id: 'liquity',
    label: 'Liquity trove (ETH/LUSD)',
    spec: { instrument: 'loan', liquidationRatio: '1.1', feeRate: '0', liquidationBonus: '0.1', closeFactor: '1' },
    liquidation: {
      on: 'oracle price (Chainlink, Tellor fallback)',
      source: 'Liquity docs (below 110 % the whole trove goes to the Stability Pool: a bonus of 10 % here; gas compensation left out)',
      sourceUrl: 'https://docs.liquity.org/',
      asOf: '2024-10',
    },
    tick: '0.01',
    examplePrice: '3000',
    base: 'ETH',
    quote: 'LUSD',
    source: 'Liquity docs: minimum collateral ratio 110 %',
    sourceUrl: 'https://docs.liquity.org/',
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
    sourceUrl: '',
    asOf: '',
    note: 'Every parameter is yours to set.',
  },
];

/** The presets, each with its venue's sourced conventions (fee basis, compounding) from venueConventions.ts. */
export const venuePresets: readonly VenuePreset[] = presetData.map(withConventions);

export function findVenue(id: string): VenuePreset | undefined {
  return venuePresets.find((preset) => preset.id === id);
}
