import { nativeUnit } from '../model/sizeUnits';
import type { SizeUnit } from '../model/sizeUnits';
import type { VenuePreset } from '../model/venues';
import type { Formatter } from '../config/format';
import { modelSizeOf, sizeContext, typedSizeOf } from '../config/size';
import { solvedKeys, withText } from '../config/schema';
import type { Inputs } from '../config/schema';
import { plainNumber } from './inputHelpers';

/** The unit shown after the size field: the coin, the quote currency or the venue's contracts. */
export function sizeUnitLabel(unit: SizeUnit, venue: VenuePreset | undefined): string {
  if (unit === 'contracts') return 'contracts';
  return unit === 'base' ? (venue?.base ?? 'BASE') : (venue?.quote ?? 'USD');
}

/**
 * The conversion under a typed size, so the reader sees what the model receives: "= 0.02 BTC (1,000 USDT ÷ 50,000)"
 * or "= 0.0123 BTC (123 contracts × 0.0001 BTC)". Undefined when the size is typed in the model's own unit or
 * cannot be converted (the field's error says why).
 */
export function sizeConversionNote(inputs: Inputs, venue: VenuePreset | undefined, format: Formatter): string | undefined {
  const context = sizeContext(inputs);
  if (context.unit === nativeUnit(inputs.instrument) || inputs.size.trim() === '') return undefined;
  const modelSize = modelSizeOf(inputs);
  if (modelSize === null) return undefined;
  const modelUnit = sizeUnitLabel(nativeUnit(inputs.instrument), venue);
  const typed = `${format.number(inputs.size.trim(), { digits: 8 })} ${sizeUnitLabel(context.unit, venue)}`;
  const how =
    context.unit === 'contracts'
      ? `${typed} × ${format.number(context.contract?.size ?? '', { digits: 8 })} ${modelUnit}`
      : inputs.instrument === 'inverse'
        ? `${typed} × ${format.number(context.entry, { digits: 8 })}`
        : `${typed} ÷ ${format.number(context.entry, { digits: 8 })}`;
  return `= ${format.number(modelSize, { digits: 8 })} ${modelUnit} (${how}).`;
}

/**
 * Choosing another unit for the size: a typed size is rewritten in the new unit, so the position stays the same
 * (1,000 USDT at 50,000 becomes 0.02 BTC). A worked-out size simply follows in the new unit.
 */
export function switchSizeUnit(inputs: Inputs, chosen: string): Partial<Inputs> {
  const next = withText(inputs, 'sizeUnit', chosen);
  const unchanged: Partial<Inputs> = { sizeUnit: next.sizeUnit };
  if (next.sizeUnit === inputs.sizeUnit || inputs.size.trim() === '' || solvedKeys(inputs).includes('size')) return unchanged;
  const modelSize = modelSizeOf(inputs);
  const typed = modelSize === null ? null : typedSizeOf(next, modelSize);
  return typed === null ? unchanged : { sizeUnit: next.sizeUnit, size: plainNumber(typed) };
}
