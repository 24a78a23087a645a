import { Dec, parseDecimal, toOutput } from './decimal';
import type { Instrument } from './types';

/*
 * A size as traders type it: in the coin (base units), as its quote value at the entry price (USDT notional), or
 * in the venue's contracts. The model reads one unit per instrument — base units for linear contracts and loans,
 * USD face value for inverse contracts — so every other unit is converted here, once, in Decimal.
 */

export type SizeUnit = 'base' | 'quote' | 'contracts';

/** One contract of a venue: its size in the model's unit (base units when linear, USD when inverse). */
export interface ContractTerms {
  size: string;
  /** Only whole contracts trade. */
  whole: boolean;
}

export interface SizeContext {
  instrument: Instrument;
  unit: SizeUnit;
  /** Entry price (quote per base); needed to turn a quote value into coin and back. */
  entry: string;
  contract: ContractTerms | null;
}

export type SizeConversion = { ok: true; size: string } | { ok: false; message: string };

/** The unit the model reads for an instrument: nothing to convert when the size is typed in it. */
export function nativeUnit(instrument: Instrument): SizeUnit {
  return instrument === 'inverse' ? 'quote' : 'base';
}

/** Model units per typed unit (size in model units = typed × factor), or why there is none. */
function factor(context: SizeContext): { ok: true; value: Dec } | { ok: false; message: string } {
  if (context.unit === 'contracts') {
    const contract = context.contract === null ? null : parseDecimal(context.contract.size);
    if (contract === null || contract.lte(0)) return { ok: false, message: 'This preset has no contract size: type the size in the coin or as its quote value.' };
    return { ok: true, value: contract };
  }
  if (context.unit === nativeUnit(context.instrument)) return { ok: true, value: new Dec(1) };
  const entry = parseDecimal(context.entry);
  if (entry === null || entry.lte(0)) return { ok: false, message: 'Enter the entry price: the size is converted at it.' };
  // Linear and loans: coin = quote value ÷ entry. Inverse: USD face value = coins × entry.
  return { ok: true, value: context.instrument === 'inverse' ? entry : new Dec(1).div(entry) };
}

/** The size the model reads, from the size as typed in `context.unit`. */
export function toModelSize(typed: string, context: SizeContext): SizeConversion {
  const amount = parseDecimal(typed.trim());
  if (amount === null) return { ok: false, message: 'Size must be a number.' };
  if (context.unit === 'contracts' && context.contract?.whole === true && !amount.isInteger()) {
    return { ok: false, message: 'This venue trades whole contracts: enter a whole number of contracts.' };
  }
  if (context.unit === nativeUnit(context.instrument)) return { ok: true, size: typed.trim() };
  const conversion = factor(context);
  return conversion.ok ? { ok: true, size: toOutput(amount.mul(conversion.value)) } : conversion;
}

/** A size the model worked out (in its own unit), written in the unit the reader types; null when it cannot be. */
export function fromModelSize(modelSize: string, context: SizeContext): string | null {
  const amount = parseDecimal(modelSize);
  if (amount === null) return null;
  if (context.unit === nativeUnit(context.instrument)) return modelSize;
  const conversion = factor(context);
  return conversion.ok ? toOutput(amount.div(conversion.value)) : null;
}
