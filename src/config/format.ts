import { roundToTick } from '../model';

/** Display formatting only: the model's exact decimals are rounded here, at the last moment. */
export interface FormatOptions {
  locale?: string;
}

const formatterCache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string | undefined, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let cached = formatterCache.get(key);
  if (cached === undefined) {
    cached = new Intl.NumberFormat(locale, { minimumFractionDigits, maximumFractionDigits });
    formatterCache.set(key, cached);
  }
  return cached;
}

function decimalsOf(tick: string): number {
  const [, fraction = ''] = tick.split('.');
  return fraction.replace(/0+$/, '').length;
}

const DASH = '—';

/** A price rounded to the instrument's tick. Liquidation prices pass `direction` to round toward entry. */
export function formatPrice(value: string | number | null, tick: string, options: FormatOptions & { direction?: 'nearest' | 'up' | 'down' } = {}): string {
  if (value === null) return DASH;
  const rounded = roundToTick(typeof value === 'number' ? String(value) : value, tick, options.direction ?? 'nearest');
  if (rounded === null) return DASH;
  const decimals = decimalsOf(tick);
  return formatter(options.locale, decimals, decimals).format(Number(rounded));
}

/** Money in a unit: quote amounts to 2 decimals (more when tiny), coin amounts to 8 significant digits. */
export function formatMoney(value: string | number | null, unit: string, options: FormatOptions & { coin?: boolean } = {}): string {
  if (value === null) return DASH;
  const number = Number(value);
  if (!Number.isFinite(number)) return DASH;
  const magnitude = Math.abs(number);
  const decimals = options.coin === true ? Math.min(10, Math.max(2, 8 - Math.floor(Math.log10(Math.max(magnitude, 1e-12))) - 1)) : magnitude > 0 && magnitude < 1 ? 4 : 2;
  return `${formatter(options.locale, options.coin === true ? 0 : Math.min(decimals, 2), decimals).format(number)} ${unit}`.trim();
}

/** A fraction shown in percent (0.046 → "4.6 %"). */
export function formatPercent(fraction: string | number | null, options: FormatOptions & { digits?: number; signed?: boolean } = {}): string {
  if (fraction === null) return DASH;
  const number = Number(fraction) * 100;
  if (!Number.isFinite(number)) return DASH;
  const digits = options.digits ?? (Math.abs(number) >= 100 ? 0 : Math.abs(number) >= 10 ? 1 : 2);
  const text = formatter(options.locale, 0, digits).format(number);
  return `${options.signed === true && number > 0 ? '+' : ''}${text} %`;
}

/** Leverage and other multipliers (20 → "20×"). */
export function formatTimes(value: string | number | null, options: FormatOptions & { digits?: number } = {}): string {
  if (value === null) return DASH;
  const number = Number(value);
  if (!Number.isFinite(number)) return DASH;
  const digits = options.digits ?? (number >= 100 ? 0 : number >= 10 ? 1 : 2);
  return `${formatter(options.locale, 0, digits).format(number)}×`;
}

/** A plain number with a sensible number of digits (health factors, counts). */
export function formatNumber(value: string | number | null, options: FormatOptions & { digits?: number } = {}): string {
  if (value === null) return DASH;
  const number = Number(value);
  if (!Number.isFinite(number)) return DASH;
  return formatter(options.locale, 0, options.digits ?? 2).format(number);
}
