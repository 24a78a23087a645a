import type { ValidAnalysis } from '../model/types';
import type { VenuePreset } from '../model/venues';
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
}

/** `tick` is the display tick worked out with the analysis (Derived.tick); without it, the venue's own. */
export function readingContext(venue: VenuePreset | undefined, tick: string = venue?.tick ?? DEFAULT_TICK): ReadingContext {
  const custom = venue === undefined || venue.id === 'custom';
  return {
    tick,
    asset: custom ? 'The price' : venue.base,
    base: custom ? 'units' : venue.base,
    quote: venue?.quote ?? 'USD',
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
  const reading =
    Number(analysis.openFee) === 0
      ? 'With no fees, break-even is the entry price.'
      : `${context.asset} must ${direction(move)} ${format.percent(Math.abs(move), { digits: 2 })} to pay the fees to open and close.`;
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

/** Every headline figure, in display order, each with a one-line reading. Never shows NaN or Infinity. */
export function headlineRows(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): HeadlineRow[] {
  const loan = analysis.instrument === 'loan';
  const amplification = format.number(analysis.amplification, { digits: 2 });
  const usdNote =
    analysis.instrument === 'inverse'
      ? ` In USD terms it is ${format.number(analysis.amplificationUsd, { digits: 1 })} %, because the collateral is the coin itself.`
      : '';
  const rows: HeadlineRow[] = [
    ...liquidationRows(analysis, context, format),
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
          ? 'The collateral backing this position (wallet less other positions’ needs) plus the fee to open.'
          : `All ${loan ? 'your own funds' : 'the collateral'}${Number(analysis.openFee) > 0 ? ' plus the fee to open' : ''}.`,
    },
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
