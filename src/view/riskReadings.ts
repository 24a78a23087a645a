import type { Compounding, HorizonRisk, PositionSpec, ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';
import type { HeadlineRow, ReadingContext } from './readings';
import { pricesOf } from './readings';

/** How the interest accrues, in the words of the borrow-interest reading. */
const accrualWords: Record<Compounding, string> = {
  simple: 'accrued simply',
  'per-second': 'compounded every second',
  hourly: 'charged for every hour begun',
  continuous: 'compounded continuously',
};

/*
 * Plain-language rows for risk over a horizon (GBM odds) and carry over the holding period. Pure: the
 * components memoize them per analysis, and the browser test formats the model's figures the same way.
 */

const DASH = '—';

/**
 * A probability in percent without false precision: the tails read "< 0.01 %" and "> 99.99 %", and rounding
 * never turns a possible event into "0 %" or a likely one into "100 %".
 */
export function formatProbability(probability: number | null, format: Formatter): string {
  if (probability === null || !Number.isFinite(probability)) return DASH;
  if (probability <= 0) return format.percent(0);
  if (probability >= 1) return format.percent(1);
  if (probability < 0.0001) return `< ${format.percent(0.0001, { digits: 2 })}`;
  if (probability > 0.9999) return `> ${format.percent(0.9999, { digits: 2 })}`;
  const percent = probability * 100;
  const oneDecimal = Number(percent.toFixed(1));
  const digits = percent < 1 || oneDecimal >= 100 || oneDecimal <= 0 ? 2 : 1;
  return `${format.number(percent, { digits })} %`;
}

/** Hours as a duration a person reads: "12 h", "7 days", "2.5 years". */
export function formatDuration(hours: number | string | null, format: Formatter): string {
  const value = typeof hours === 'string' ? Number(hours) : hours;
  if (value === null || !Number.isFinite(value) || value < 0) return DASH;
  if (value < 48) return `${format.number(value, { digits: 1 })} h`;
  const days = value / 24;
  if (days < 730) return `${format.number(days, { digits: 1 })} ${days === 1 ? 'day' : 'days'}`;
  return `${format.number(days / 365, { digits: 1 })} years`;
}

/** The short form for chart labels: "12 h", "7 d", "2.5 y". */
export function shortDuration(hours: number | string | null, format: Formatter): string {
  const value = typeof hours === 'string' ? Number(hours) : hours;
  if (value === null || !Number.isFinite(value) || value < 0) return DASH;
  if (value < 48) return `${format.number(value, { digits: 1 })} h`;
  const days = value / 24;
  return days < 730 ? `${format.number(days, { digits: 1 })} d` : `${format.number(days / 365, { digits: 1 })} y`;
}

/** "7-day", as an adjective. */
function dayAdjective(horizonDays: string, format: Formatter): string {
  return `${format.number(Number(horizonDays), { digits: 2 })}-day`;
}

function daysText(horizonDays: string, format: Formatter): string {
  const days = Number(horizonDays);
  return `${format.number(days, { digits: 2 })} ${days === 1 ? 'day' : 'days'}`;
}

/** σ over the horizon: σ·√T, stress included. */
export function horizonVolatility(risk: HorizonRisk): number {
  const value = risk.volatility * Math.sqrt(risk.years);
  return Number.isFinite(value) ? value : 0;
}

/**
 * The note under the volatility field: how the yearly figure scales to the horizon ("60 % a year is 8.3 % over
 * 7 days"), with the stressed figure when a multiplier is set.
 */
export function volatilityNote(risk: HorizonRisk, format: Formatter): string {
  const stress = risk.volatilityStress;
  const yearly = stress > 0 ? risk.volatility / stress : 0;
  const days = daysText(risk.horizonDays, format);
  const plain = format.percent(yearly * Math.sqrt(risk.years), { digits: 1 });
  const base = `${format.percent(yearly, { digits: 1 })} a year is ${plain} over ${days} (σ·√(days/365)).`;
  if (stress === 1 || !(stress > 0)) return base;
  return `${base} With the ${format.times(stress)} stress: ${format.percent(horizonVolatility(risk), { digits: 1 })}.`;
}

function liquidationSide(analysis: ValidAnalysis): 'below' | 'above' {
  return analysis.side === 'long' ? 'below' : 'above';
}

/** Odds of touching and ending beyond the liquidation price (and each health level) over the horizon. */
export function riskRows(analysis: ValidAnalysis, context: ReadingContext, format: Formatter): HeadlineRow[] {
  const risk = analysis.risk;
  if (risk === null) return [];
  const days = daysText(risk.horizonDays, format);
  const span = dayAdjective(risk.horizonDays, format);
  const sigma = format.percent(risk.volatility, { digits: 1 });
  const sigmaHorizon = format.percent(horizonVolatility(risk), { digits: 1 });
  const odds = risk.liquidation;
  const liquidation = analysis.liquidationPrice;
  if (odds === null || liquidation === null) {
    const why = 'This position has no liquidation price (see above), so no price path can reach one.';
    return [
      { key: 'touchProbability', label: `Chance of touching the liquidation price within ${days}`, value: 'None', unit: '', reading: why },
      { key: 'zScore', label: 'Distance in standard deviations', value: DASH, unit: '', reading: 'No liquidation price, so no distance to it.' },
      { key: 'endBeyondProbability', label: `Chance of ending beyond the liquidation price after ${days}`, value: DASH, unit: '', reading: 'No liquidation price, so nothing to end beyond.' },
    ];
  }
  const priceOf = pricesOf(analysis, context, format);
  const price = `${priceOf('liquidation', liquidation)} ${context.quote}`;
  const side = liquidationSide(analysis);
  const touch = formatProbability(odds.touchProbability, format);
  const end = formatProbability(odds.endBeyondProbability, format);
  const carryNote = risk.carryDrift !== 0 ? ' The liquidation price drifting with carry is included.' : '';
  const rows: HeadlineRow[] = [
    {
      key: 'touchProbability',
      label: `Chance of touching the liquidation price within ${days}`,
      value: touch,
      unit: '',
      reading: `${context.asset} reaches ${price} at some moment in ${touch} of random ${span} paths with ${sigma} yearly volatility; one touch is enough to be liquidated.${carryNote}`,
    },
    {
      key: 'zScore',
      label: 'Distance in standard deviations',
      value: odds.zScore === null ? DASH : `${format.number(odds.zScore, { digits: 2 })} σ`,
      unit: '',
      reading:
        odds.zScore === null
          ? 'With no volatility the price does not move in this model, so there is no spread to measure against.'
          : `The liquidation price is ${format.number(odds.zScore, { digits: 2 })} standard deviations of a ${span} move away; a typical ${span} move is ${sigmaHorizon}.`,
    },
    {
      key: 'endBeyondProbability',
      label: `Chance of ending ${side} the liquidation price after ${days}`,
      value: end,
      unit: '',
      reading: `The price is ${side} ${price} at the end in ${end} of paths; touching (${touch}) is likelier because a path can cross and come back.`,
    },
  ];
  const healthName = analysis.instrument === 'loan' ? 'health factor' : 'health';
  for (const threshold of risk.thresholds) {
    if (Number(threshold.level) === 1) continue;
    const levelText = format.number(threshold.level, { digits: 4 });
    const at = analysis.thresholdPrices.find((candidate) => candidate.level === threshold.level)?.price ?? null;
    // Health already under the level at entry: reaching it means health rising, which is no risk to report.
    if (analysis.healthAtEntry !== null && Number(analysis.healthAtEntry) < Number(threshold.level)) continue;
    const probability = formatProbability(threshold.touchProbability, format);
    rows.push({
      key: `touchProbability-${threshold.level}`,
      label: `Chance of ${healthName} falling to ${levelText} within ${days}`,
      value: probability,
      unit: '',
      reading:
        at === null
          ? `${healthName[0]?.toUpperCase() ?? ''}${healthName.slice(1)} ${levelText} is not reached at any positive price.`
          : `${context.asset} reaches ${priceOf('threshold', at)} ${context.quote}, where ${healthName} drops to ${levelText}, in ${probability} of random paths.`,
    });
  }
  return rows;
}

function marginUnit(analysis: ValidAnalysis, context: ReadingContext): string {
  return analysis.marginCurrency === 'coin' ? context.base : context.quote;
}

function specNumber(value: PositionSpec[keyof PositionSpec], fallback: number): number {
  const number = typeof value === 'string' || typeof value === 'number' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : fallback;
}

/** Funding, interest, fees and what they do to the liquidation price over the holding period. */
export function carryRows(analysis: ValidAnalysis, spec: PositionSpec, context: ReadingContext, format: Formatter): HeadlineRow[] {
  const carry = analysis.carry;
  if (carry === null) return [];
  const unit = marginUnit(analysis, context);
  const coin = analysis.marginCurrency === 'coin';
  const money = (value: string | number | null): string => format.money(value, unit, { coin });
  const hold = formatDuration(carry.hours, format);
  const loan = analysis.instrument === 'loan';
  const rows: HeadlineRow[] = [];

  if (!loan) {
    const rate = specNumber(spec.fundingRate, 0);
    const interval = specNumber(spec.fundingIntervalHours, 8);
    const events = interval > 0 ? Math.floor(Number(carry.hours) / interval) : 0;
    const perPayment = rate * (interval / 8);
    const funding = Number(carry.funding);
    const payer = analysis.side === 'long' ? 'longs' : 'shorts';
    const reading =
      funding === 0
        ? events === 0
          ? `No funding payment falls within ${hold} (one every ${format.number(interval, { digits: 2 })} h).`
          : 'A funding rate of 0 costs nothing.'
        : `${format.number(events, { digits: 0 })} ${events === 1 ? 'payment' : 'payments'} of ${format.percent(Math.abs(perPayment), { digits: 4 })} of the position every ${format.number(interval, { digits: 2 })} h, ${funding > 0 ? 'paid' : 'received'} by ${payer} at this rate (a flat price assumed).`;
    rows.push({ key: 'carryFunding', label: `Funding over ${hold}`, value: money(carry.funding), unit: '', reading });
  } else {
    const borrow = specNumber(spec.borrowApr, 0);
    const supply = specNumber(spec.supplyApr, 0);
    rows.push(
      {
        key: 'carryBorrowInterest',
        label: `Borrow interest over ${hold}`,
        value: money(carry.borrowInterest),
        unit: '',
        reading: `${format.percent(borrow, { digits: 2 })} a year on the ${format.money(analysis.debt, context.quote)} debt, ${accrualWords[analysis.compounding]}.`,
      },
      {
        key: 'carrySupplyYield',
        label: `Supply yield over ${hold}`,
        value: money(carry.supplyYield),
        unit: '',
        reading: `${format.percent(supply, { digits: 2 })} a year earned on the collateral; it offsets the interest.`,
      },
    );
  }
  rows.push({
    key: 'carryFees',
    label: 'Fees to open and close',
    value: money(carry.fees),
    unit: '',
    reading: Number(carry.fees) === 0 ? 'No trading fee is set.' : 'The taker fee on the way in and on the way out, at the entry price.',
  });
  const total = Number(carry.total);
  const collateral = Number(analysis.effectiveCollateral);
  const share = collateral > 0 ? Math.abs(total) / collateral : null;
  rows.push({
    key: 'carryTotal',
    label: `Total cost of holding ${hold}`,
    value: money(carry.total),
    unit: '',
    reading:
      total === 0
        ? 'Holding costs nothing at these rates.'
        : `${total > 0 ? 'Costs' : 'Earns'} ${share === null ? money(Math.abs(total)) : format.percent(share, { digits: 2 })} of ${loan ? 'your own funds' : 'the collateral'} if the price does not move.`,
  });
  rows.push(afterHoldRow(analysis, context, hold, format));
  if (analysis.netApy !== null) rows.push(netApyRow(analysis, spec, format));
  rows.push(carryLiquidationRow(analysis, format));
  return rows;
}

function afterHoldRow(analysis: ValidAnalysis, context: ReadingContext, hold: string, format: Formatter): HeadlineRow {
  const key = 'liquidationPriceAfterHold';
  const label = `Liquidation price after ${hold}`;
  const after = analysis.liquidationPriceAfterHold;
  const now = analysis.liquidationPrice;
  if (after === null) return { key, label, value: 'None', unit: '', reading: 'There is no liquidation price after the holding period.' };
  const priceOf = pricesOf(analysis, context, format);
  const value = priceOf('liquidation', after);
  if (now === null) return { key, label, value, unit: context.quote, reading: 'Carry creates a liquidation price that does not exist today.' };
  const shift = Number(after) - Number(now);
  const entry = Number(analysis.entry);
  // A long's liquidation price rising (a short's falling) comes closer to entry.
  const closer = analysis.side === 'long' ? shift > 0 : shift < 0;
  const moved = format.price(Math.abs(shift), context.tick);
  const reading =
    value === priceOf('liquidation', now)
      ? 'Unchanged at this tick: carry over the period is too small to move it.'
      : `Moves ${moved} ${context.quote} (${format.percent(Math.abs(shift) / entry, { digits: 2 })} of entry) ${closer ? 'closer to' : 'away from'} the entry price as carry ${closer ? 'eats' : 'adds to'} the margin at a flat price.`;
  return { key, label, value, unit: context.quote, reading };
}

function netApyRow(analysis: ValidAnalysis, spec: PositionSpec, format: Formatter): HeadlineRow {
  const leverage = Number(analysis.leverage);
  const borrow = format.percent(specNumber(spec.borrowApr, 0), { digits: 2 });
  const supply = format.percent(specNumber(spec.supplyApr, 0), { digits: 2 });
  const reading =
    analysis.side === 'long'
      ? `At a flat price: ${format.times(leverage)} the ${supply} supply yield minus ${format.times(leverage - 1)} the ${borrow} borrow rate.`
      : `At a flat price: the ${supply} supply yield on all the collateral minus the ${borrow} borrow rate on the debt, per unit of your own funds.`;
  return { key: 'netApy', label: 'Net APY on your own funds', value: format.percent(analysis.netApy, { signed: true, digits: 2 }), unit: '', reading };
}

function carryLiquidationRow(analysis: ValidAnalysis, format: Formatter): HeadlineRow {
  const hours = analysis.carryLiquidationHours;
  const label = 'Carry alone liquidates after';
  if (hours === null) {
    return {
      key: 'carryLiquidationHours',
      label,
      value: 'Never',
      unit: '',
      reading:
        analysis.instrument === 'loan'
          ? 'The yield keeps up with the interest (or it would take over 100 years), so a flat price is never liquidated by carry.'
          : 'Funding is received or zero here (or it would take over 100 years), so a flat price is never liquidated by carry.',
    };
  }
  const cost = analysis.instrument === 'loan' ? 'interest' : 'funding';
  return { key: 'carryLiquidationHours', label, value: formatDuration(hours, format), unit: '', reading: `Even if the price never moves, ${cost} wears the margin down to the requirement after ${formatDuration(hours, format)}.` };
}
