import type { LiquidationCost, ValidAnalysis } from '../model/types';
import type { VenueLiquidation, VenuePreset } from '../model/venues';
import type { Formatter } from '../config/format';
import type { Inputs } from '../config/schema';
import { DEFAULT_TICK } from './derive';
import { priceText } from './display';
import type { PriceKind } from './display';

/** One headline figure with its plain-language reading. `key` is the DOM contract (`data-result`). */
export interface HeadlineRow {
  key: string;
  label: string;
  value: string;
  /** Shown after the value (prices carry no unit in `value`). */
  unit: string;
  reading: string;
}

export interface ReadingContext {
  tick: string;
  /** What moves: "BTC", or "The price" for custom parameters. */
  asset: string;
  base: string;
  quote: string;
  /** The venue's name, and its liquidation terms with their source; null for custom parameters. */
  venueLabel: string;
  liquidation: VenueLiquidation | null;
}

/** `tick` is the display tick worked out with the analysis (Derived.tick); without it, the venue's own. */
export function readingContext(venue: VenuePreset | undefined, tick: string = venue?.tick ?? DEFAULT_TICK): ReadingContext {
  const custom = venue === undefined || venue.id === 'custom';
  return {
    tick,
    asset: custom ? 'The price' : venue.base,
    base: custom ? 'units' : venue.base,
    quote: venue?.quote ?? 'USD',
    venueLabel: custom ? 'Custom parameters' : venue.label,
    liquidation: venue?.liquidation ?? null,
  };
}

/** Units and rounding for the toolbox's figures. */
export interface ToolContext {
  tick: string;
  quote: string;
  base: string;
  /** Margin currency: the coin for inverse contracts. */
  marginUnit: string;
  coin: boolean;
  /** Unit of a position size: base units, or USD face value for inverse. */
  sizeUnit: string;
}

export function toolContext(venue: VenuePreset | undefined, instrument: Inputs['instrument'], displayTick?: string): ToolContext {
  const { tick, quote, base } = readingContext(venue, displayTick);
  const coin = instrument === 'inverse';
  return { tick, quote, base, marginUnit: coin ? base : quote, coin, sizeUnit: coin ? quote : base };
}

/** The analysis's prices as every card writes them: one rule per kind (src/view/display.ts). */
export function pricesOf(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): (kind: PriceKind, value: string | number | null) => string {
  const display = { tick: context.tick, side: analysis.side };
  return (kind, value) => priceText(kind, value, display, format);
}

/** Signed fraction from entry to a price; display only. */
function moveFrom(entry: string, price: string): number {
  const start = Number(entry);
  return (Number(price) - start) / start;
}

function size(fraction: number, format: Formatter): string {
  return format.percent(Math.abs(fraction), { digits: 1 });
}

function direction(fraction: number): 'fall' | 'rise' {
  return fraction < 0 ? 'fall' : 'rise';
}

function marginUnit(analysis: ValidAnalysis, context: ReadingContext): string {
  return analysis.marginCurrency === 'coin' ? context.base : context.quote;
}

function money(analysis: ValidAnalysis, value: string | null, context: ReadingContext, format: Formatter): string {
  return format.money(value, marginUnit(analysis, context), { coin: analysis.marginCurrency === 'coin' });
}

function liquidationRows(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): HeadlineRow[] {
  const { asset, quote } = context;
  const price = pricesOf(analysis, context, format);
  const liquidation = analysis.liquidationPrice;
  const entryText = price('entry', analysis.entry);
  if (liquidation === null || analysis.liquidationDistance === null) {
    const why = analysis.liquidationNote ?? 'This position has no liquidation price.';
    return [
      { key: 'liquidationPrice', label: 'Liquidation price', value: 'None', unit: '', reading: why },
      { key: 'liquidationDistance', label: 'Distance to liquidation', value: '—', unit: '', reading: 'No liquidation price, so no distance to it.' },
    ];
  }
  const distance = Number(analysis.liquidationDistance);
  return [
    {
      key: 'liquidationPrice',
      label: 'Liquidation price',
      value: price('liquidation', liquidation),
      unit: quote,
      reading: `${asset} can ${direction(distance)} ${size(distance, format)} before this position is liquidated.`,
    },
    {
      key: 'liquidationDistance',
      label: 'Distance to liquidation',
      value: format.percent(analysis.liquidationDistance, { signed: true }),
      unit: '',
      reading: `Measured from the entry price of ${entryText} ${quote}.`,
    },
  ];
}

function bankruptcyRow(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): HeadlineRow {
  const price = analysis.bankruptcyPrice;
  if (price === null) {
    return { key: 'bankruptcyPrice', label: 'Bankruptcy price', value: '—', unit: '', reading: 'Equity never reaches zero at a positive price.' };
  }
  const move = moveFrom(analysis.entry, price);
  const reading =
    analysis.instrument === 'loan'
      ? `Where the collateral is worth exactly the debt and your own funds are gone: a ${size(move, format)} ${direction(move)}.`
      : `Where equity reaches zero (a ${size(move, format)} ${direction(move)}); liquidation closes the position before it.`;
  return { key: 'bankruptcyPrice', label: 'Bankruptcy price', value: pricesOf(analysis, context, format)('bankruptcy', price), unit: context.quote, reading };
}

function breakEvenRow(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): HeadlineRow {
  const move = moveFrom(analysis.entry, analysis.breakEvenPrice);
  const value = pricesOf(analysis, context, format)('breakEven', analysis.breakEvenPrice);
  const fees = Number(analysis.openFee) + Number(analysis.closeFeeAtEntry);
  const moveText = `${direction(move)} ${format.percent(Math.abs(move), { digits: 2 })}`;
  const reading =
    Number(analysis.openFee) === 0 && Number(analysis.closeFeeAtEntry) === 0
      ? 'With no fees, break-even is the entry price.'
      : fees < 0
        ? `The maker rebates pay you: ${context.asset} can ${moveText} before closing loses money.`
        : `${context.asset} must ${moveText} to pay the fees to open and close.`;
  return { key: 'breakEvenPrice', label: 'Break-even price', value, unit: context.quote, reading };
}

function thresholdRows(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): HeadlineRow[] {
  const priceOf = pricesOf(analysis, context, format);
  return analysis.thresholdPrices.map(({ level, price }) => {
    const label = `Price at health ${format.number(level, { digits: 4 })}`;
    const key = `thresholdPrice-${level}`;
    if (price === null) {
      return { key, label, value: '—', unit: '', reading: `Health ${format.number(level, { digits: 4 })} is not reached at any positive price.` };
    }
    const move = moveFrom(analysis.entry, price);
    const already = analysis.healthAtEntry !== null && Number(analysis.healthAtEntry) < Number(level);
    const reading = already
      ? `Health is already below ${format.number(level, { digits: 4 })} at entry; a ${size(move, format)} ${direction(move)} restores it.`
      : `${context.asset} can ${direction(move)} ${size(move, format)} before health drops to ${format.number(level, { digits: 4 })}.`;
    return { key, label, value: priceOf('threshold', price), unit: context.quote, reading };
  });
}

/** The venue's source for its liquidation terms, as a closing sentence; custom parameters say they are the reader's. */
function liquidationSource(terms: VenueLiquidation | null): string {
  if (terms === null) return 'Terms as set under the inputs (clearance fee, insurance fund, bonus, close factor).';
  return `Source: ${terms.source} (as of ${terms.asOf}).`;
}

function lossParts(analysis: ValidAnalysis, cost: LiquidationCost, context: ReadingContext, format: Formatter): string {
  const amount = (value: string): string => money(analysis, value, context, format);
  const parts = [`${amount(cost.priceLoss)} to the move to the liquidation price`];
  if (Number(cost.clearanceFee) > 0) parts.push(`${amount(cost.clearanceFee)} clearance fee (${format.percent(cost.rate)} of the position value there)`);
  if (Number(cost.insuranceFund) > 0) parts.push(`${amount(cost.insuranceFund)} margin left to the insurance fund`);
  if (Number(cost.penalty) > 0) parts.push(`${amount(cost.penalty)} liquidation ${analysis.instrument === 'loan' ? 'bonus to the liquidator' : 'penalty'}`);
  if (Number(cost.openFee) > 0) parts.push(`${amount(cost.openFee)} fee to open`);
  // A maker rebate on opening is a credit: the total is smaller by it.
  if (Number(cost.openFee) < 0) parts.push(`less ${amount(cost.openFee.replace(/^-/, ''))} maker rebate on opening`);
  return parts.join(', ');
}

/** What the trader still has right after a liquidation: handed back, or still in a partly liquidated loan. */
function leftText(analysis: ValidAnalysis, cost: LiquidationCost, context: ReadingContext, format: Formatter): string {
  const amount = money(analysis, cost.left, context, format);
  return cost.after === null ? `the venue leaves you ${amount}.` : `${amount} of equity stays in the loan, which remains open.`;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Said beside the maximum loss when a liquidation costs less than all of it (the venue leaves something). */
/** The fee to open in the maximum-loss sentence: paid on top, a maker rebate taken off, or nothing. */
function openFeeWords(openFee: string): string {
  const fee = Number(openFee);
  if (fee > 0) return ' plus the fee to open';
  return fee < 0 ? ' less the maker rebate on opening' : '';
}

function liquidationLossNote(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): string {
  const cost = analysis.liquidationCost;
  if (cost === null || Number(cost.left) <= 0) return '';
  return ` Liquidated, you lose ${money(analysis, cost.total, context, format)}: ${leftText(analysis, cost, context, format)}`;
}

/** What one liquidation costs, its parts and source; for a partial liquidation, what is still open after it. */
export function liquidationCostRows(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): HeadlineRow[] {
  const cost = analysis.liquidationCost;
  if (cost === null) {
    return [{ key: 'lossAtLiquidation', label: 'Loss at liquidation', value: '—', unit: '', reading: 'Nothing liquidates this position at a positive price.' }];
  }
  const left = Number(cost.left) > 0 ? ` ${capitalized(leftText(analysis, cost, context, format))}` : ' The venue leaves you nothing.';
  const rows: HeadlineRow[] = [
    {
      key: 'lossAtLiquidation',
      label: 'Loss at liquidation',
      value: money(analysis, cost.total, context, format),
      unit: '',
      reading: `${lossParts(analysis, cost, context, format)}.${left} ${liquidationSource(context.liquidation)}`,
    },
  ];
  if (cost.after !== null) {
    const after = cost.after;
    rows.push({
      key: 'afterLiquidation',
      label: 'Health after one liquidation',
      value: format.number(after.health, { digits: 3 }),
      unit: '',
      reading: `A liquidation repays ${format.percent(cost.closeFactor)} of the debt; ${format.number(after.collateral, { digits: 6 })} ${analysis.side === 'long' ? context.base : context.quote} of collateral and ${format.money(after.debt, context.quote)} of debt stay open.`,
    });
  }
  return rows;
}

/** Which price the venue liquidates on, and the liquidation price in last-price terms for the mark–last spread. */
export function lastPriceRow(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): HeadlineRow | null {
  const band = analysis.lastPriceLiquidation;
  if (band === null) return null;
  const price = pricesOf(analysis, context, format);
  const on = context.liquidation?.on ?? 'mark price';
  const who = context.liquidation === null ? 'Perpetual venues (Binance, Bybit, OKX) liquidate' : `${context.venueLabel} liquidates`;
  const spread = Number(band.spread);
  const markText = `${price('liquidation', band.markPrice)} ${context.quote}`;
  const reading =
    spread === 0
      ? `${who} on the ${on}, not the last traded price; with no spread set both read ${markText}. Set a last − mark spread to see the difference.`
      : `${who} on the ${on}. With the last price ${format.percent(Math.abs(spread))} ${spread > 0 ? 'above' : 'below'} it, the last price reads ${price('liquidation', band.lastPrice)} ${context.quote} when the ${on} reaches ${markText}: ${
          (spread > 0) === (analysis.side === 'long') ? 'the position is liquidated before the last price gets to the liquidation price' : 'the last price passes the liquidation price before the position is liquidated'
        }.`;
  return { key: 'lastPriceLiquidation', label: 'Liquidation in last price', value: price('liquidation', band.lastPrice), unit: context.quote, reading };
}

/** The figures that matter most: shown beside the chart (and, large, in the presenter view); the rest follow below it. */
export const keyFigureKeys: ReadonlySet<string> = new Set(['liquidationPrice', 'liquidationDistance', 'amplification', 'maxLoss']);

/** Every headline figure, in display order, each with a one-line reading. Never shows NaN or Infinity. */
export function headlineRows(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): HeadlineRow[] {
  const loan = analysis.instrument === 'loan';
  const amplification = format.number(analysis.amplification, { digits: 2 });
  const usdNote =
    analysis.instrument === 'inverse'
      ? ` In USD terms it is ${format.number(analysis.amplificationUsd, { digits: 1 })} %, because the collateral is the coin itself.`
      : '';
  const lastPrice = lastPriceRow(analysis, context, format);
  const rows: HeadlineRow[] = [
    ...liquidationRows(analysis, context, format),
    ...(lastPrice === null ? [] : [lastPrice]),
    bankruptcyRow(analysis, context, format),
    breakEvenRow(analysis, context, format),
    {
      key: 'amplification',
      label: 'Amplification',
      value: format.times(analysis.amplification),
      unit: '',
      reading: `A 1 % move changes your equity by ${amplification} %.${usdNote}`,
    },
    {
      key: 'notional',
      label: 'Position value',
      value: format.money(analysis.notionalQuote, context.quote),
      unit: '',
      reading: `${format.number(analysis.quantity, { digits: 8 })} ${context.base} at ${pricesOf(analysis, context, format)('entry', analysis.entry)} ${context.quote}.`,
    },
    {
      key: 'initialMargin',
      label: loan ? 'Own funds' : 'Initial margin',
      value: money(analysis, analysis.initialMargin, context, format),
      unit: '',
      reading: loan ? 'Your own money in the position; the rest of the collateral is borrowed.' : `Collateral set aside to open: position value ÷ ${format.times(analysis.leverage)}.`,
    },
    {
      key: 'maintenanceMargin',
      label: loan ? 'Equity required at entry' : 'Maintenance margin',
      value: money(analysis, analysis.maintenanceMargin, context, format),
      unit: '',
      reading: loan
        ? 'Collateral value × (1 − liquidation threshold): the cushion the loan needs at entry.'
        : `Equity the venue requires at entry (${format.percent(analysis.appliedMmr)} of the position${Number(analysis.appliedMmAmount) > 0 ? ' minus the bracket amount' : ''}).`,
    },
  ];
  if (loan) {
    rows.push({
      key: 'debt',
      label: 'Debt',
      value: format.money(analysis.debt, context.quote),
      unit: '',
      reading:
        analysis.loanMaxLeverage === null
          ? `Borrowed to reach ${format.times(analysis.leverage)}.`
          : `Borrowed to reach ${format.times(analysis.leverage)}; at most ${format.times(analysis.loanMaxLeverage)} with these loan terms.`,
    });
  }
  rows.push(
    {
      key: 'maxLoss',
      label: 'Maximum loss',
      value: money(analysis, analysis.maxLoss, context, format),
      unit: '',
      reading:
        analysis.marginMode === 'cross' && !loan
          ? `The collateral backing this position (wallet less other positions’ needs)${openFeeWords(analysis.openFee)}.`
          : `All ${loan ? 'your own funds' : 'the collateral'}${openFeeWords(analysis.openFee)}.${liquidationLossNote(analysis, context, format)}`,
    },
    ...liquidationCostRows(analysis, context, format),
    {
      key: 'healthAtEntry',
      label: 'Health at entry',
      value: format.number(analysis.healthAtEntry, { digits: 3 }),
      unit: '',
      reading:
        analysis.healthAtEntry === null
          ? 'Nothing is required at entry, so health is unlimited.'
          : loan
            ? 'Health factor: collateral × threshold ÷ debt; liquidation below 1.'
            : `Equity is ${format.number(analysis.healthAtEntry, { digits: 2 })} times the maintenance requirement; liquidation at 1.`,
    },
    ...thresholdRows(analysis, context, format),
  );
  return rows;
}
