import type { TierInput } from '../model/types';
import { fractionText, fractionToPercent, MAX_FILLS, MAX_PORTFOLIO_POSITIONS, MAX_TIERS, percentText, percentToFraction, readNumberText } from './schema';

/*
 * The list inputs as text: brackets (`floor:rate:amount:maxLeverage; …`), fills (`price:size; …`) and the
 * cross-margin portfolio (`name:side:entry:size:mark:mmr; …`). On screen rates are in percent; in links, fractions.
 */

function splitRows(text: string): string[][] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed.split(';').map((row) => row.split(':').map((part) => part.trim()));
}

/** How many rows a list text has, without reading them (for the size check before anything else). */
export function rowCount(text: string): number {
  return text.trim() === '' ? 0 : text.split(';').length;
}

/** Brackets as text, the rate in percent on screen and a fraction in links. */
export function tiersToText(tiers: readonly TierInput[] | undefined, ratesInPercent: boolean): string {
  if (tiers === undefined) return '';
  return tiers
    .map((tier) => {
      const fraction = fractionText(String(tier.mmr));
      const rate = ratesInPercent ? fractionToPercent(fraction) : fraction;
      return [String(tier.floor), rate, String(tier.mmAmount ?? '0'), String(tier.maxLeverage ?? '')].join(':');
    })
    .join('; ');
}

export function textToTiers(text: string, ratesInPercent: boolean): TierInput[] | undefined {
  const rows = splitRows(text);
  if (rows.length === 0) return undefined;
  return rows.map(([floor = '', rate = '', amount = '', maxLeverage = '']) => {
    const mmr = ratesInPercent ? percentToFraction(percentText(rate)) : rate;
    return maxLeverage === '' ? { floor, mmr, mmAmount: amount } : { floor, mmr, mmAmount: amount, maxLeverage };
  });
}

/** One fill of the average-entry tool, as typed. */
export interface FillRow {
  price: string;
  size: string;
}

/** One position of the cross-margin portfolio, as typed (the maintenance rate in percent on screen). */
export interface PortfolioRow {
  name: string;
  side: 'long' | 'short';
  entry: string;
  size: string;
  mark: string;
  mmr: string;
}

export { MAX_FILLS, MAX_PORTFOLIO_POSITIONS };
const NAME_PATTERN = /^[A-Za-z0-9._-]{0,16}$/;

/** What a list cell may hold: separators and spaces would break the encoding, so they never get in. */
export function cleanCell(text: string): string {
  return text.replace(/[:;\s]/g, '');
}

/** A portfolio position's name: letters, digits, dot, dash and underscore, at most 16. */
export function cleanName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 16);
}

/** `price:size; price:size` → rows (cells kept as typed). */
export function fillsFromText(text: string): FillRow[] {
  return splitRows(text).map(([price = '', size = '']) => ({ price, size }));
}

export function fillsToText(rows: readonly FillRow[]): string {
  return rows.map((row) => `${cleanCell(row.price)}:${cleanCell(row.size)}`).join('; ');
}

/** `name:side:entry:size:mark:mmr; …` → rows; the rate in percent when `ratesInPercent`, else a fraction. */
export function portfolioFromText(text: string, ratesInPercent = true): PortfolioRow[] {
  return splitRows(text).map(([name = '', side = 'long', entry = '', size = '', mark = '', mmr = '']) => ({
    name,
    side: side === 'short' ? 'short' : 'long',
    entry,
    size,
    mark,
    mmr: ratesInPercent ? mmr : fractionToPercent(fractionText(mmr)),
  }));
}

export function portfolioToText(rows: readonly PortfolioRow[], ratesInPercent = true): string {
  return rows
    .map((row) => {
      const mmr = cleanCell(row.mmr);
      const rate = ratesInPercent ? mmr : percentToFraction(percentText(mmr));
      return [cleanName(row.name), row.side, cleanCell(row.entry), cleanCell(row.size), cleanCell(row.mark), rate].join(':');
    })
    .join('; ');
}

/** A plain number above zero within the schema's bounds: what a price, size or balance may be. */
export function isPositiveNumberText(text: string): boolean {
  const reading = readNumberText(text);
  return reading.ok && reading.text !== '' && !reading.text.startsWith('-') && Number(reading.text) > 0;
}

const isSignedNumberText = (text: string): boolean => {
  const reading = readNumberText(text);
  return reading.ok && reading.text !== '';
};

/** Fills in a link → the on-screen text, or null when a row is malformed or there are too many. */
export function readFillsLink(raw: string): string | null {
  const rows = splitRows(raw);
  if (rows.length > MAX_FILLS) return null;
  const fine = rows.every((row) => row.length === 2 && row.every((cell) => cell === '' || isPositiveNumberText(cell)));
  return fine ? fillsToText(fillsFromText(raw)) : null;
}

/** A portfolio in a link (rates as fractions) → the on-screen text, or null. */
export function readPortfolioLink(raw: string): string | null {
  const rows = splitRows(raw);
  if (rows.length > MAX_PORTFOLIO_POSITIONS) return null;
  const fine = rows.every((row) => {
    const [name = '', side = '', entry = '', size = '', mark = '', mmr = ''] = row;
    const numbers = [entry, size, mark].every((cell) => cell === '' || isPositiveNumberText(cell));
    const rate = mmr === '' || (isSignedNumberText(mmr) && Number(mmr) >= 0 && Number(mmr) < 1);
    return row.length === 6 && NAME_PATTERN.test(name) && (side === 'long' || side === 'short') && numbers && rate;
  });
  return fine ? portfolioToText(portfolioFromText(raw, false), true) : null;
}

/** Brackets in a link (rates as fractions) → the on-screen text, or null when a number is unreadable or there are too many. */
export function readTiersLink(raw: string): string | null {
  if (rowCount(raw) > MAX_TIERS) return null;
  const tiers = textToTiers(raw, false);
  if (tiers === undefined) return '';
  const readable = tiers.every(
    (tier) => isSignedNumberText(String(tier.floor)) && isSignedNumberText(String(tier.mmr)) && [tier.mmAmount ?? '', tier.maxLeverage ?? ''].every((cell) => cell === '' || isSignedNumberText(String(cell))),
  );
  return readable ? tiersToText(tiers, true) : null;
}
