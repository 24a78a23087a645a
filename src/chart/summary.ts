import { curveFromNumbers, numericSpec } from '../model/curve';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';

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

/** Liquidation prices round toward entry: a long's up, a short's down, so the shown price is never too optimistic. */
export function liquidationDirection(analysis: ValidAnalysis): 'up' | 'down' {
  return analysis.side === 'long' ? 'up' : 'down';
}

function relativeMove(price: string, entry: string): number {
  return (Number(price) - Number(entry)) / Number(entry);
}

/**
 * The chart in plain sentences, for screen readers and for anyone who prefers text. Only figures from the
 * analysis, formatted for display; every missing figure becomes words, never NaN or Infinity.
 */
export function chartSummary(analysis: ValidAnalysis, spec: PositionSpec, options: SummaryOptions, format: Formatter): string {
  const { tick } = options;
  const coin = analysis.marginCurrency === 'coin';
  const marginUnit = coin ? options.coinUnit : options.quoteUnit;
  const money = (value: string | number | null): string => format.money(value, marginUnit, { coin });
  const price = (value: string | null): string => format.price(value, tick);
  const move = (value: string): string => format.percent(relativeMove(value, analysis.entry), { signed: true });
  const sentences: string[] = [];

  const side = analysis.side === 'long' ? 'Long' : 'Short';
  const kind = analysis.instrument === 'loan' ? 'loan position' : analysis.instrument === 'inverse' ? 'inverse contract' : 'position';
  const amplification = analysis.instrument === 'inverse' ? analysis.amplificationUsd : analysis.amplification;
  sentences.push(
    `${side} ${kind} at ${price(analysis.entry)} with ${money(analysis.effectiveCollateral)} of collateral at ${format.times(analysis.leverage)} leverage: ` +
      `a 1 % price move changes equity${analysis.instrument === 'inverse' ? ' in USD' : ''} by about ${format.number(amplification, { digits: 2 })} %.`,
  );

  const direction = analysis.side === 'long' ? 'falls' : 'rises';
  if (analysis.bankruptcyPrice !== null) {
    sentences.push(
      `Equity falls from ${money(analysis.effectiveCollateral)} at entry ${price(analysis.entry)} to 0 as the price ${direction} to the bankruptcy price ${price(analysis.bankruptcyPrice)} (${move(analysis.bankruptcyPrice)}).`,
    );
  } else {
    sentences.push(`Equity does not reach 0 at any positive price.`);
  }

  if (analysis.liquidationPrice !== null) {
    const liquidation = format.price(analysis.liquidationPrice, tick, { direction: liquidationDirection(analysis) });
    const left = analysis.maintenanceAtLiquidation === null ? '' : `, with ${money(analysis.maintenanceAtLiquidation)} of equity left`;
    sentences.push(`Liquidation at ${liquidation} (${move(analysis.liquidationPrice)})${left}.`);
    const unleveraged = unleveragedChangeAt(spec, Number(analysis.liquidationPrice));
    if (unleveraged !== null) {
      sentences.push(`Held at 1× without leverage, the same collateral would have changed by ${format.percent(unleveraged, { signed: true })} at that price.`);
    }
  } else {
    sentences.push(analysis.liquidationNote ?? 'This position has no liquidation price.');
  }

  sentences.push(`Break-even after fees at ${price(analysis.breakEvenPrice)}.`);

  const healthName = analysis.instrument === 'loan' ? 'Health factor' : 'Health';
  const levels = analysis.thresholdPrices
    .filter((threshold) => Number(threshold.level) !== 1)
    .map((threshold) =>
      threshold.price === null
        ? `${healthName.toLowerCase()} ${format.number(threshold.level, { digits: 4 })} is never reached`
        : `${healthName.toLowerCase()} ${format.number(threshold.level, { digits: 4 })} at ${price(threshold.price)} (${move(threshold.price)})`,
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
