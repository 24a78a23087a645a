import type { Instrument } from '../model/types';

/**
 * Every key of the outside-world schema (URL parameters, element attributes, React props).
 * Position keys are the model's PositionSpec keys; the rest are page and widget settings.
 */
export const positionKeys = [
  'instrument',
  'side',
  'entry',
  'collateral',
  'leverage',
  'size',
  'marginMode',
  'otherMaintenance',
  'otherPnl',
  'mmr',
  'mmAmount',
  'mmBasis',
  'tiers',
  'maxLeverage',
  'feeRate',
  'closeFeeInLiquidation',
  'liquidationThreshold',
  'liquidationRatio',
  'ltv',
  'loops',
  'thresholds',
  'fundingRate',
  'fundingIntervalHours',
  'holdHours',
  'borrowApr',
  'supplyApr',
  'volatility',
  'horizonDays',
  'drift',
  'volatilityStress',
] as const;

export const pageKeys = ['venue', 'solveFor'] as const;
/**
 * The trader's toolbox (exit price, target ROE, fills, sizing by risk, a cross-margin portfolio). They travel in
 * links like every other key but never reach the position's spec: inputsToSpec reads positionKeys only.
 */
export const toolKeys = [
  'exitPrice',
  'targetRoe',
  'fills',
  'riskBalance',
  'riskPercent',
  'riskAmount',
  'stopPrice',
  'takeProfitPrice',
  'portfolio',
  'portfolioWallet',
] as const;
export const widgetKeys = ['theme', 'locale', 'currency', 'title', 'controls', 'views', 'height'] as const;

export type PositionKey = (typeof positionKeys)[number];
export type PageKey = (typeof pageKeys)[number];
export type WidgetKey = (typeof widgetKeys)[number];
export type ToolKey = (typeof toolKeys)[number];
export type InputKey = PositionKey | PageKey | ToolKey;
export type ConfigKey = InputKey | WidgetKey;

/** What the user typed, exactly as typed. Rates are in percent here (0.4 means 0.4 %). */
export type Inputs = Record<InputKey, string>;
export type WidgetSettings = Record<WidgetKey, string>;

export type FieldKind = 'number' | 'percent' | 'choice' | 'boolean' | 'levels' | 'tiers' | 'fills' | 'portfolio';

export interface FieldDefinition {
  key: InputKey;
  label: string;
  kind: FieldKind;
  /** Allowed values for choices. */
  options?: readonly { value: string; label: string }[];
  group: 'position' | 'maintenance' | 'cross' | 'loan' | 'markers' | 'venue' | 'carry' | 'risk' | 'toolbox';
  /** Shown when the instrument is one of these (all when absent). */
  instruments?: readonly Instrument[];
  advanced: boolean;
  hint: string;
  unit?: 'price' | 'margin' | 'size' | 'times' | 'percent' | 'count' | 'hours' | 'days';
}

export const fields: readonly FieldDefinition[] = [
  { key: 'venue', label: 'Venue preset', kind: 'choice', group: 'venue', advanced: false, hint: 'Fills the maintenance rules, fees and limits of a venue.' },
  {
    key: 'instrument',
    label: 'Instrument',
    kind: 'choice',
    group: 'venue',
    advanced: false,
    hint: 'Linear: margined in the quote currency. Inverse: margined in the coin. Loan: borrow against collateral.',
    options: [
      { value: 'linear', label: 'Linear (USDT-margined)' },
      { value: 'inverse', label: 'Inverse (coin-margined)' },
      { value: 'loan', label: 'Loan (spot margin, looping, CDP)' },
    ],
  },
  { key: 'side', label: 'Side', kind: 'choice', group: 'position', advanced: false, hint: 'Long gains when the price rises; short gains when it falls.', options: [{ value: 'long', label: 'Long' }, { value: 'short', label: 'Short' }] },
  { key: 'entry', label: 'Entry price', kind: 'number', group: 'position', advanced: false, hint: 'Price the position was opened at.', unit: 'price' },
  { key: 'collateral', label: 'Collateral', kind: 'number', group: 'position', advanced: false, hint: 'Margin posted (the wallet balance in cross margin). In coin for inverse contracts.', unit: 'margin' },
  { key: 'leverage', label: 'Leverage', kind: 'number', group: 'position', advanced: false, hint: 'Notional ÷ collateral.', unit: 'times' },
  { key: 'size', label: 'Size', kind: 'number', group: 'position', advanced: false, hint: 'Base units (linear, loan) or USD face value (inverse).', unit: 'size' },
  {
    key: 'solveFor',
    label: 'Work out',
    kind: 'choice',
    group: 'position',
    advanced: false,
    hint: 'Which of size, collateral and leverage follows from the other two.',
    options: [
      { value: 'size', label: 'Size' },
      { value: 'collateral', label: 'Collateral' },
      { value: 'leverage', label: 'Leverage' },
    ],
  },
  { key: 'marginMode', label: 'Margin mode', kind: 'choice', group: 'cross', instruments: ['linear', 'inverse'], advanced: true, hint: 'Cross: the whole wallet backs the position.', options: [{ value: 'isolated', label: 'Isolated' }, { value: 'cross', label: 'Cross' }] },
  { key: 'otherMaintenance', label: 'Other positions’ maintenance', kind: 'number', group: 'cross', instruments: ['linear', 'inverse'], advanced: true, hint: 'Cross only: maintenance margin used by the account’s other positions.', unit: 'margin' },
  { key: 'otherPnl', label: 'Other positions’ unrealized PnL', kind: 'number', group: 'cross', instruments: ['linear', 'inverse'], advanced: true, hint: 'Cross only: negative for losses.', unit: 'margin' },
  { key: 'mmr', label: 'Maintenance rate', kind: 'percent', group: 'maintenance', instruments: ['linear', 'inverse'], advanced: true, hint: 'Share of the position value that must stay as equity (ignored when brackets apply).', unit: 'percent' },
  { key: 'mmAmount', label: 'Maintenance amount', kind: 'number', group: 'maintenance', instruments: ['linear', 'inverse'], advanced: true, hint: 'Subtracted from the requirement (Binance “cum”, Bybit “MM deduction”).', unit: 'margin' },
  { key: 'mmBasis', label: 'Maintenance measured at', kind: 'choice', group: 'maintenance', instruments: ['linear', 'inverse'], advanced: true, hint: 'Mark: at the liquidation price (Binance, dYdX, Hyperliquid). Entry: on entry value (Bybit, BitMEX).', options: [{ value: 'mark', label: 'Liquidation price (mark)' }, { value: 'entry', label: 'Entry value' }] },
  { key: 'tiers', label: 'Brackets', kind: 'tiers', group: 'maintenance', instruments: ['linear', 'inverse'], advanced: true, hint: 'floor:rate%:amount:max× per bracket, separated by semicolons.' },
  { key: 'maxLeverage', label: 'Venue maximum leverage', kind: 'number', group: 'maintenance', instruments: ['linear', 'inverse'], advanced: true, hint: 'Leverage above this is refused.', unit: 'times' },
  { key: 'feeRate', label: 'Taker fee', kind: 'percent', group: 'maintenance', advanced: true, hint: 'Charged on open and on close; the break-even price includes both.', unit: 'percent' },
  { key: 'closeFeeInLiquidation', label: 'Count the fee to close in the liquidation condition', kind: 'boolean', group: 'maintenance', instruments: ['linear', 'inverse'], advanced: true, hint: 'OKX, Gate, Phemex and Bybit UTA do.' },
  { key: 'liquidationThreshold', label: 'Liquidation threshold', kind: 'percent', group: 'loan', instruments: ['loan'], advanced: false, hint: 'Aave LT: liquidation when collateral × LT falls below the debt.', unit: 'percent' },
  { key: 'liquidationRatio', label: 'CDP liquidation ratio', kind: 'percent', group: 'loan', instruments: ['loan'], advanced: false, hint: 'Maker 145 %, Liquity 110 %; the same as a threshold of 1 ÷ ratio. Leave empty when a threshold is set.', unit: 'percent' },
  { key: 'ltv', label: 'Loan-to-value per loop', kind: 'percent', group: 'loan', instruments: ['loan'], advanced: false, hint: 'Share of the collateral value borrowed each round.', unit: 'percent' },
  { key: 'loops', label: 'Loops', kind: 'number', group: 'loan', instruments: ['loan'], advanced: false, hint: 'Borrow rounds after the first deposit; sets the leverage when leverage is left empty.', unit: 'count' },
  { key: 'fundingRate', label: 'Funding rate (per 8 h)', kind: 'percent', group: 'carry', instruments: ['linear', 'inverse'], advanced: false, hint: 'Positive: longs pay shorts. Quoted per 8 hours; hourly venues pay 1/8 of it each hour.', unit: 'percent' },
  { key: 'fundingIntervalHours', label: 'Funding interval', kind: 'number', group: 'carry', instruments: ['linear', 'inverse'], advanced: false, hint: '8 h at Binance and Bybit, 1 h at Hyperliquid and dYdX.', unit: 'hours' },
  { key: 'holdHours', label: 'Holding period', kind: 'number', group: 'carry', advanced: false, hint: 'How long the position stays open: funding, interest and fees accrue over it.', unit: 'hours' },
  { key: 'borrowApr', label: 'Borrow rate (APR)', kind: 'percent', group: 'carry', instruments: ['loan'], advanced: false, hint: 'Interest on the debt, per year.', unit: 'percent' },
  { key: 'supplyApr', label: 'Supply yield (APY)', kind: 'percent', group: 'carry', instruments: ['loan'], advanced: false, hint: 'Yield earned on the collateral, per year.', unit: 'percent' },
  { key: 'volatility', label: 'Volatility (annualized)', kind: 'percent', group: 'risk', advanced: false, hint: 'Scales with the square root of time: over d days the typical move is σ·√(d/365).', unit: 'percent' },
  { key: 'horizonDays', label: 'Horizon', kind: 'number', group: 'risk', advanced: false, hint: 'Days over which to estimate the chance of liquidation.', unit: 'days' },
  { key: 'drift', label: 'Drift (annualized)', kind: 'percent', group: 'risk', advanced: true, hint: 'Expected trend of the price per year; 0 assumes none.', unit: 'percent' },
  { key: 'volatilityStress', label: 'Volatility stress multiplier', kind: 'number', group: 'risk', advanced: false, hint: 'GBM has no jumps or fat tails: 1.5× or 2× gives a more cautious estimate.', unit: 'times' },
  { key: 'exitPrice', label: 'Exit price', kind: 'number', group: 'toolbox', advanced: false, hint: 'Price to close at; empty uses 5 % in your favour. Arrow keys move it by 0.1 %.', unit: 'price' },
  { key: 'targetRoe', label: 'Target ROE', kind: 'percent', group: 'toolbox', advanced: false, hint: 'Return on the initial margin to reach; negative for a loss.', unit: 'percent' },
  { key: 'fills', label: 'Fills', kind: 'fills', group: 'toolbox', advanced: false, hint: 'price:size per fill, separated by semicolons (size in the position’s unit).' },
  { key: 'riskBalance', label: 'Account balance', kind: 'number', group: 'toolbox', advanced: false, hint: 'Balance available to this trade; empty uses the collateral.', unit: 'margin' },
  { key: 'riskPercent', label: 'Risk per trade', kind: 'percent', group: 'toolbox', advanced: false, hint: 'Share of the balance to lose at the stop, both fees included.', unit: 'percent' },
  { key: 'riskAmount', label: 'Risk amount', kind: 'number', group: 'toolbox', advanced: false, hint: 'Amount to lose at the stop, both fees included; used instead of the percentage when set.', unit: 'margin' },
  { key: 'stopPrice', label: 'Stop-loss price', kind: 'number', group: 'toolbox', advanced: false, hint: 'Where the trade is closed at a loss; empty uses 2 % against you.', unit: 'price' },
  { key: 'takeProfitPrice', label: 'Take-profit price', kind: 'number', group: 'toolbox', advanced: false, hint: 'Optional: where the trade is closed at a profit.', unit: 'price' },
  { key: 'portfolio', label: 'Cross-margin positions', kind: 'portfolio', group: 'toolbox', advanced: false, hint: 'name:side:entry:size:mark:maintenance% per position, separated by semicolons.' },
  { key: 'portfolioWallet', label: 'Cross wallet balance', kind: 'number', group: 'toolbox', advanced: false, hint: 'Wallet shared by every position of the portfolio.', unit: 'margin' },
  { key: 'thresholds', label: 'Health levels to mark', kind: 'levels', group: 'markers', advanced: true, hint: 'Comma-separated; 1 is liquidation, 1.25 is Binance’s margin call (80 % margin ratio).' },
];

export function fieldDefinition(key: InputKey): FieldDefinition {
  const found = fields.find((field) => field.key === key);
  if (found === undefined) throw new Error(`unknown field ${key}`);
  return found;
}

export function isToolKey(key: string): key is ToolKey {
  return toolKeys.some((toolKey) => toolKey === key);
}

export function isInputKey(key: string): key is InputKey {
  return fields.some((field) => field.key === key);
}

export function isWidgetKey(key: string): key is WidgetKey {
  return widgetKeys.some((widgetKey) => widgetKey === key);
}
