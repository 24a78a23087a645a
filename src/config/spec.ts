import { validate } from '../model/analyze';
import type { PositionSpec, SpecKey, TierInput } from '../model/types';
import { rowCount, textToTiers } from './lists';
import { modelSizeOf, sizeProblems } from './size';
import { hiddenKeys, isInputKey, isPercentKey, percentToFraction, positionKeys, readNumberText, schema } from './schema';
import type { FieldRecord, InputKey, Inputs, PositionKey } from './schema';

/** The longest text any single field takes (lists included); longer text is refused before it is read. */
export const MAX_TEXT_LENGTH = 2000;

/**
 * What is wrong with a field's text before the model sees it, in plain words, or null: a number the schema cannot
 * read (a comma, an exponent beyond any price, size or rate, too many digits), a value below the field's meaningful
 * minimum, or a list longer than its stated size.
 */
export function textProblem(key: InputKey, text: string): string | null {
  const record: FieldRecord = schema[key];
  if (text.length > MAX_TEXT_LENGTH) return `${record.label} is too long: at most ${MAX_TEXT_LENGTH} characters.`;
  switch (record.kind) {
    case 'choice':
    case 'boolean':
      return null;
    case 'number':
    case 'percent': {
      if (record.words?.includes(text.toLowerCase()) === true) return null;
      const reading = readNumberText(text);
      if (!reading.ok) return `${record.label} ${reading.reason}`;
      const min = record.min;
      if (min !== undefined && reading.text !== '') {
        const value = Number(reading.text);
        if (min.inclusive ? value < min.value : value <= min.value) return min.message;
      }
      return null;
    }
    case 'levels': {
      const parts = levelParts(text);
      if (record.maxEntries !== undefined && parts.length > record.maxEntries) return `${record.label}: at most ${record.maxEntries}.`;
      const unreadable = parts.find((part) => !readNumberText(part).ok);
      return unreadable === undefined ? null : `${record.label}: “${unreadable.slice(0, 20)}” must be a number (a point for decimals).`;
    }
    case 'tiers':
    case 'fills':
    case 'portfolio': {
      if (record.maxEntries !== undefined && rowCount(text) > record.maxEntries) return `${record.label}: at most ${record.maxEntries} rows.`;
      // A portfolio row starts with a name and a side; every other cell of every list is a number.
      const firstNumber = record.kind === 'portfolio' ? 2 : 0;
      const numeric = text.split(';').flatMap((row) => row.split(':').slice(firstNumber).map((cell) => cell.trim()));
      const unreadable = numeric.find((cell) => cell !== '' && !readNumberText(cell).ok);
      return unreadable === undefined ? null : `${record.label}: “${unreadable.slice(0, 20)}” must be a number (a point for decimals).`;
    }
  }
}

/** Health levels as typed: separated by commas, semicolons or spaces. */
export function levelParts(text: string): string[] {
  return text.split(/[,;\s]+/).filter((part) => part !== '');
}

/** What the model sees: fractions for rates, two of size/collateral/leverage (all three in cross); unreadable text is left out. */
export function inputsToSpec(inputs: Inputs): PositionSpec {
  const hidden = hiddenKeys(inputs);
  const spec: PositionSpec = {};
  for (const key of positionKeys) {
    const raw = inputs[key].trim();
    if (raw === '' || hidden.has(key) || textProblem(key, raw) !== null) continue;
    assignSpec(spec, key, inputs);
  }
  return spec;
}

function assignSpec(spec: PositionSpec, key: PositionKey, inputs: Inputs): void {
  switch (key) {
    case 'instrument':
      spec.instrument = inputs.instrument;
      return;
    case 'side':
      spec.side = inputs.side;
      return;
    case 'marginMode':
      spec.marginMode = inputs.marginMode;
      return;
    case 'mmBasis':
      spec.mmBasis = inputs.mmBasis;
      return;
    case 'feeBasis':
      spec.feeBasis = inputs.feeBasis;
      return;
    case 'entryOrder':
      spec.entryOrder = inputs.entryOrder;
      return;
    case 'exitOrder':
      spec.exitOrder = inputs.exitOrder;
      return;
    case 'tierMeasure':
      spec.tierMeasure = inputs.tierMeasure;
      return;
    case 'compounding':
      spec.compounding = inputs.compounding;
      return;
    case 'closeFeeInLiquidation':
      spec.closeFeeInLiquidation = inputs.closeFeeInLiquidation === 'true';
      return;
    case 'insuranceFundTakesRest':
      spec.insuranceFundTakesRest = inputs.insuranceFundTakesRest === 'true';
      return;
    case 'tiers': {
      const tiers: TierInput[] | undefined = textToTiers(inputs.tiers, true);
      if (tiers !== undefined) spec.tiers = tiers;
      return;
    }
    case 'thresholds':
      spec.thresholds = levelParts(inputs.thresholds);
      return;
    case 'size': {
      // The size is typed in its unit (coin, quote value or contracts); the model reads base units.
      const size = modelSizeOf(inputs);
      if (size !== null) spec.size = size;
      return;
    }
    default:
      spec[key] = isPercentKey(key) ? percentToFraction(inputs[key]) : inputs[key].trim();
  }
}

/** The schema's reading of the position fields the model would see: text it cannot read never reaches the model. */
export function textErrors(inputs: Inputs): Partial<Record<InputKey, string>> {
  const errors: Partial<Record<InputKey, string>> = {};
  const hidden = hiddenKeys(inputs);
  for (const key of positionKeys) {
    if (hidden.has(key)) continue;
    const problem = textProblem(key, inputs[key].trim());
    if (problem !== null) errors[key] = problem;
  }
  return { ...sizeProblems(inputs), ...errors };
}

/** Field errors, keyed by input key: the schema's reading first, then the model's; an error on the worked-out figure goes to that figure. */
export function fieldErrors(inputs: Inputs): Partial<Record<InputKey, string>> {
  const errors = textErrors(inputs);
  for (const error of validate(inputsToSpec(inputs))) {
    const key: SpecKey = error.field;
    if (isInputKey(key) && errors[key] === undefined) errors[key] = error.message;
  }
  return errors;
}
