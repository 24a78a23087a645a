import { curveFromNumbers, numericSpec } from '../model/curve';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';
import { priceText } from '../view/display';
import { positionEnd, reachesEnd } from '../view/ending';
import type { PriceKind } from '../view/display';

export interface SummaryOptions {
  tick: string;
  /** Quote currency (USDT, USD). */
  quoteUnit: string;
  /** Coin of inverse contracts (BTC). */
  coinUnit: string;
}

export interface Units {
  quote: string;
  coin: string;
}

/** Currency names for a venue; a custom venue's placeholder base is called "coin". */
export function unitsFor(venue: { id: string; base: string; quote: string } | undefined): Units {
  if (venue === undefined) return { quote: 'USD', coin: 'coin' };
  return { quote: venue.quote, coin: venue.id === 'custom' ? 'coin' : venue.base };
}

function relativeMove(price: string, entry: string): number {
  return (Number(price) - Number(entry)) / Number(entry);
}

/**
 * The chart in plain sentences, for screen readers and for anyone who prefers text. Only figures from the
 * analysis, formatted for display; every missing figure becomes words, never NaN or Infinity.
 */
export function chartSummary(analysis: ValidAnalysis, spec: PositionSpec, options: SummaryOptions, format: Formatter): string {
  const display = { tick: options.tick, side: analysis.side };
  const coin = analysis.marginCurrency === 'coin';
  const marginUnit = coin ? options.coinUnit : options.quoteUnit;
  const money = (value: string | number | null): string => format.money(value, marginUnit, { coin });
  const price = (value: string | null, kind: PriceKind): string => priceText(kind, value, display, format);
  const loan = analysis.instrument === 'loan';
  // A loan's "collateral" is the whole deposit; what the trader put in is their own funds.
  const stake = loan ? 'own funds' : 'collateral';
  const move = (value: string): string => format.percent(relativeMove(value, analysis.entry), { signed: true });
  const sentences: string[] = [];

  const side = analysis.side === 'long' ? 'Long' : 'Short';
  const kind = loan ? 'loan position' : analysis.instrument === 'inverse' ? 'inverse contract' : 'position';
  const amplification = analysis.instrument === 'inverse' ? analysis.amplificationUsd : analysis.amplification;
  sentences.push(
    `${side} ${kind} at ${price(analysis.entry, 'entry')} with ${money(analysis.effectiveCollateral)} of ${stake} at ${format.times(analysis.leverage)} leverage: ` +
      `a 1 % price move changes equity${analysis.instrument === 'inverse' ? ' in USD' : ''} by about ${format.number(amplification, { digits: 2 })} %.`,
  );

  const direction = analysis.side === 'long' ? 'falls' : 'rises';
  const end = positionEnd(spec, analysis);
  const bankruptcy = analysis.bankruptcyPrice === null ? null : Number(analysis.bankruptcyPrice);
  // The curve of equity would reach 0 at bankruptcy, but the venue closes the position before it gets there.
  const closedFirst = end !== null && bankruptcy !== null && reachesEnd(end, bankruptcy) && end.price !== bankruptcy;
  if (analysis.bankruptcyPrice !== null && closedFirst) {
    sentences.push(
      `Equity would fall to 0 as the price ${direction} to the bankruptcy price ${price(analysis.bankruptcyPrice, 'bankruptcy')} (${move(analysis.bankruptcyPrice)}), but the position is liquidated before the price gets there.`,
    );
  } else if (analysis.bankruptcyPrice !== null) {
    sentences.push(
      `Equity falls from ${money(analysis.effectiveCollateral)} at entry ${price(analysis.entry, 'entry')} to 0 as the price ${direction} to the bankruptcy price ${price(analysis.bankruptcyPrice, 'bankruptcy')} (${move(analysis.bankruptcyPrice)}).`,
    );
  } else {
    sentences.push(`Equity does not reach 0 at any positive price.`);
  }

  if (analysis.liquidationPrice !== null) {
    const liquidation = price(analysis.liquidationPrice, 'liquidation');
    const left = analysis.maintenanceAtLiquidation === null ? '' : `, with ${money(analysis.maintenanceAtLiquidation)} of equity left`;
    sentences.push(`Liquidation at ${liquidation} (${move(analysis.liquidationPrice)})${left}.`);
    if (end !== null) {
      const direction = analysis.side === 'long' ? 'below' : 'above';
      sentences.push(`${end.assumption} From there on (${direction} ${price(end.exact, 'liquidation')}) the chart marks the position liquidated, and the trader's equity stays at ${money(end.leftExact)}.`);
    }
    const unleveraged = unleveragedChangeAt(spec, Number(analysis.liquidationPrice));
    if (unleveraged !== null) {
      const change = format.percent(unleveraged, { signed: true });
      // The model's 1× baseline of an inverse contract is a 1× inverse contract, counted in coin: say so.
      sentences.push(
        analysis.instrument === 'inverse'
          ? `A 1× inverse ${analysis.side} on the same ${marginUnit} collateral would have changed by ${change} in ${marginUnit} at that price.`
          : `Held at 1× without leverage, the same ${stake} would have changed by ${change} at that price.`,
      );
    }
  } else {
    sentences.push(analysis.liquidationNote ?? 'This position has no liquidation price.');
  }

  sentences.push(`Break-even after fees at ${price(analysis.breakEvenPrice, 'breakEven')}.`);

  const healthName = loan ? 'Health factor' : 'Health';
  const levels = analysis.thresholdPrices
    .filter((threshold) => Number(threshold.level) !== 1)
    .map((threshold) =>
      threshold.price === null
        ? `${healthName.toLowerCase()} ${format.number(threshold.level, { digits: 4 })} is never reached`
        : `${healthName.toLowerCase()} ${format.number(threshold.level, { digits: 4 })} at ${price(threshold.price, 'threshold')} (${move(threshold.price)})`,
    );
  if (levels.length > 0) sentences.push(`Warning levels: ${levels.join('; ')}.`);

  return sentences.join(' ');
}

/** Change of a 1× holding of the same collateral at a price, as a fraction; null when it cannot be computed. */
function unleveragedChangeAt(spec: PositionSpec, price: number): number | null {
  const numeric = numericSpec(spec);
  if (numeric === null || !(price > 0) || !(numeric.collateral > 0)) return null;
  const curve = curveFromNumbers(numeric, [price]);
  const value = curve.unleveragedEquity[0];
  if (value === undefined) return null;
  const change = (value - numeric.collateral) / numeric.collateral;
  return Number.isFinite(change) ? change : null;
}
