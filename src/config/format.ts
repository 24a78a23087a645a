import { roundToTick } from '../model/companions';

/** Display formatting only: the model's exact decimals are rounded here, at the last moment. */
export interface FormatOptions {
  locale?: string | undefined;
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
  const number = Number(rounded);
  if (!Number.isFinite(number)) return DASH;
  const decimals = decimalsOf(tick);
  return formatter(options.locale, decimals, decimals).format(number);
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

/** How one widget shows numbers: its `locale` (Intl, default: the browser's) and optional `currency` for quote amounts. */
export interface FormatSettings {
  locale?: string | undefined;
  currency?: string | undefined;
}


/** The format functions bound to one widget's settings; every on-screen number goes through one of these. */
export interface Formatter {
  readonly locale: string | undefined;
  readonly currency: string | undefined;
  price(value: string | number | null, tick: string, options?: { direction?: 'nearest' | 'up' | 'down' }): string;
  /** Quote amounts use `currency` (Intl currency style) when set; coin amounts always keep their coin unit. */
  money(value: string | number | null, unit: string, options?: { coin?: boolean }): string;
  percent(fraction: string | number | null, options?: { digits?: number; signed?: boolean }): string;
  times(value: string | number | null, options?: { digits?: number }): string;
  number(value: string | number | null, options?: { digits?: number }): string;
}

const currencyFormatterCache = new Map<string, Intl.NumberFormat>();

function currencyFormatter(locale: string | undefined, currency: string, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let cached = currencyFormatterCache.get(key);
  if (cached === undefined) {
    cached = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits, maximumFractionDigits });
    currencyFormatterCache.set(key, cached);
  }
  return cached;
}

/** Settings the validator let through can still be refused by this browser's Intl; those fall back to the defaults. */
function usableSettings(settings: FormatSettings): { locale: string | undefined; currency: string | undefined } {
  let locale: string | undefined;
  let currency: string | undefined;
  try {
    if (settings.locale !== undefined && settings.locale !== '') locale = new Intl.NumberFormat(settings.locale).resolvedOptions().locale;
  } catch {
    locale = undefined;
  }
  try {
    if (settings.currency !== undefined && settings.currency !== '') {
      currency = new Intl.NumberFormat(locale, { style: 'currency', currency: settings.currency }).resolvedOptions().currency;
    }
  } catch {
    currency = undefined;
  }
  return { locale, currency };
}

export function createFormatter(settings: FormatSettings = {}): Formatter {
  const { locale, currency } = usableSettings(settings);
  return {
    locale,
    currency,
    price: (value, tick, options = {}) => formatPrice(value, tick, { ...options, locale }),
    money: (value, unit, options = {}) => {
      if (currency === undefined || options.coin === true || value === null) return formatMoney(value, unit, { ...options, locale });
      const number = Number(value);
      if (!Number.isFinite(number)) return DASH;
      const magnitude = Math.abs(number);
      const decimals = magnitude > 0 && magnitude < 1 ? 4 : 2;
      return currencyFormatter(locale, currency, Math.min(decimals, 2), decimals).format(number);
    },
    percent: (fraction, options = {}) => formatPercent(fraction, { ...options, locale }),
    times: (value, options = {}) => formatTimes(value, { ...options, locale }),
    number: (value, options = {}) => formatNumber(value, { ...options, locale }),
  };
}

/** The browser's locale and each amount's own unit: what the standalone page shows unless told otherwise. */
export const defaultFormatter: Formatter = createFormatter();

