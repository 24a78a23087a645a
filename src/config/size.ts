import { findVenue } from '../model/venues';
import type { VenuePreset } from '../model/venues';
import { fromModelSize, toModelSize } from '../model/sizeUnits';
import type { ContractTerms, SizeContext } from '../model/sizeUnits';
import type { Instrument } from '../model/types';
import { readNumberText, solvedKeys } from './schema';
import type { Inputs } from './schema';

/**
 * The size field's unit (`sizeUnit`): where the inputs meet the model's one conversion (src/model/sizeUnits.ts).
 * The size is kept as typed, in its unit, in links, attributes and props; the model always receives base units
 * (USD face value for inverse contracts).
 */

/** One contract of a preset for this instrument (base units when linear, USD when inverse), or null when it has none. */
export function contractTerms(venue: VenuePreset | undefined, instrument: Instrument): ContractTerms | null {
  if (venue === undefined || (venue.spec.instrument ?? 'linear') !== instrument) return null;
  const size = instrument === 'inverse' ? venue.contractValue : venue.contractSize;
  return size === undefined ? null : { size, whole: venue.wholeContracts === true };
}

export function sizeContext(inputs: Inputs): SizeContext {
  return { instrument: inputs.instrument, unit: inputs.sizeUnit, entry: inputs.entry.trim(), contract: contractTerms(findVenue(inputs.venue), inputs.instrument) };
}

/** The typed size in the model's unit; null when it cannot be converted (sizeProblems says why). */
export function modelSizeOf(inputs: Inputs): string | null {
  const conversion = toModelSize(inputs.size, sizeContext(inputs));
  return conversion.ok ? conversion.size : null;
}

/** A worked-out size (model units) in the unit the size is typed in, for the size field; null when it cannot be. */
export function typedSizeOf(inputs: Inputs, modelSize: string): string | null {
  return fromModelSize(modelSize, sizeContext(inputs));
}

/** What is wrong with the size's unit or its conversion, in plain words, on the field that needs changing. */
export function sizeProblems(inputs: Inputs): { sizeUnit?: string; size?: string } {
  const context = sizeContext(inputs);
  if (context.unit === 'contracts' && context.contract === null) {
    return { sizeUnit: 'This preset has no contract size: type the size in the coin or as its quote value.' };
  }
  const typed = inputs.size.trim();
  const reading = readNumberText(typed);
  if (typed === '' || !reading.ok || solvedKeys(inputs).includes('size')) return {};
  const conversion = toModelSize(typed, context);
  return conversion.ok ? {} : { size: conversion.message };
}
