import fc from 'fast-check';
import { checkedCases } from '../property-runs';
import { describe, expect, it } from 'vitest';
import { createFormatter, defaultFormatter } from '../../src/config/format';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { applyVenue, defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { percentText } from '../../src/config/schema';
import { carryRows, formatDuration, formatProbability, riskRows, volatilityNote } from '../../src/view/riskReadings';
import { readingContext } from '../../src/view/readings';
import { screenInputs } from '../ui/arbitraries';

describe('formatProbability', () => {
  it('keeps the tails honest', () => {
    expect(formatProbability(0, defaultFormatter)).toBe('0 %');
    expect(formatProbability(1, defaultFormatter)).toBe('100 %');
    expect(formatProbability(1e-9, defaultFormatter)).toBe('< 0.01 %');
    expect(formatProbability(0.99999, defaultFormatter)).toBe('> 99.99 %');
    expect(formatProbability(null, defaultFormatter)).toBe('—');
    expect(formatProbability(Number.NaN, defaultFormatter)).toBe('—');
  });

  it('uses one decimal from 1 %, two below, and never rounds to 0 % or 100 %', () => {
    expect(formatProbability(0.5913, defaultFormatter)).toBe('59.1 %');
    expect(formatProbability(0.0042, defaultFormatter)).toBe('0.42 %');
    expect(formatProbability(0.9996, defaultFormatter)).toBe('99.96 %');
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1, maxExcluded: true, noNaN: true }), (probability) => {
        const text = formatProbability(probability, defaultFormatter);
        expect(text).not.toMatch(/^(0|100) %$/);
        expect(text).toMatch(/^(< |> )?\d{1,2}(\.\d{1,2})? %$/);
      }),
    );
  });
});

describe('odds and durations in a widget’s locale', () => {
  it('write the numbers, tails included, as the formatter’s locale does', () => {
    const german = createFormatter({ locale: 'de-DE' });
    const number = (value: number, digits: number): string => new Intl.NumberFormat('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(value);
    expect(formatProbability(0.5913, german)).toBe(`${number(59.13, 1)} %`);
    expect(formatProbability(1e-9, german)).toBe(`< ${number(0.01, 2)} %`);
    expect(formatProbability(0.99999, german)).toBe(`> ${number(99.99, 2)} %`);
    expect(formatDuration('30', german)).toBe(`${number(30, 1)} h`);
    expect(formatDuration(24 * 365 * 2.5, german)).toBe(`${number(2.5, 1)} years`);
    expect(formatProbability(0.5913, german)).toContain(',');
  });
});

describe('formatDuration', () => {
  it('reads hours, days and years', () => {
    expect(formatDuration('12', defaultFormatter)).toBe('12 h');
    expect(formatDuration('168', defaultFormatter)).toBe('7 days');
    expect(formatDuration(24 * 365 * 3, defaultFormatter)).toBe('3 years');
    expect(formatDuration(null, defaultFormatter)).toBe('—');
    expect(formatDuration('-1', defaultFormatter)).toBe('—');
  });
});

const carryAndRisk = fc.record({
  fundingRate: fc.constantFrom('0', '0.01', '-0.05', '0.3').map(percentText),
  fundingIntervalHours: fc.constantFrom('1', '8'),
  holdHours: fc.constantFrom('0', '5', '168', '8760'),
  borrowApr: fc.constantFrom('0', '5', '80').map(percentText),
  supplyApr: fc.constantFrom('0', '2', '30').map(percentText),
  volatility: fc.constantFrom('', '0', '1', '60', '400').map(percentText),
  horizonDays: fc.constantFrom('', '0', '1', '7', '365'),
  volatilityStress: fc.constantFrom('1', '2'),
});

describe('risk and carry rows', () => {
  it('never show NaN, Infinity or undefined and explain every figure', () => {
    const runs = 150;
    const cases = checkedCases();
    fc.assert(
      fc.property(screenInputs, carryAndRisk, (base, extra) => {
        const inputs = { ...base, ...extra };
        const spec = inputsToSpec(inputs);
        const analysis = analyze(spec);
        if (!analysis.valid) return;
        cases.checked();
        const context = readingContext(findVenue(inputs.venue));
        const rows = [...riskRows(analysis, context, defaultFormatter), ...carryRows(analysis, spec, context, defaultFormatter)];
        for (const row of rows) {
          expect(`${row.label} ${row.value} ${row.reading}`).not.toMatch(/NaN|Infinity|undefined/);
          expect(row.reading.length).toBeGreaterThan(10);
        }
        if (analysis.risk !== null) {
          expect(volatilityNote(analysis.risk, defaultFormatter)).not.toMatch(/NaN|Infinity|undefined/);
          const touch = rows.find((row) => row.key === 'touchProbability');
          if (analysis.risk.liquidation !== null && analysis.liquidationPrice !== null) {
            expect(touch?.value).toBe(formatProbability(analysis.risk.liquidation.touchProbability, defaultFormatter));
            expect(touch?.reading).toContain(touch?.value ?? '?');
          }
          // Only chances of health getting worse: no card for a level health is already under at entry.
          const healthAtEntry = analysis.healthAtEntry === null ? Number.POSITIVE_INFINITY : Number(analysis.healthAtEntry);
          for (const row of rows.filter((candidate) => candidate.key.startsWith('touchProbability-'))) {
            expect(Number(row.key.replace('touchProbability-', ''))).toBeLessThanOrEqual(healthAtEntry);
            expect(row.label).toMatch(/falling to/);
          }
        }
      }),
      { numRuns: runs },
    );
    cases.expectAtLeast(0.5, runs);
  });
});

describe('health-level odds', () => {
  it('report only health getting worse: a level the position is already under at entry gets no chance card', () => {
    const loan = { ...applyVenue(defaultInputs(), 'aave-v3-eth'), thresholds: '1.05, 2' };
    const spec = inputsToSpec(loan);
    const analysis = analyze(spec);
    if (!analysis.valid) throw new Error('valid loan expected');
    const health = Number(analysis.healthAtEntry);
    expect(health).toBeGreaterThan(1.05);
    expect(health).toBeLessThan(2);
    const rows = riskRows(analysis, readingContext(findVenue(loan.venue)), defaultFormatter);
    expect(rows.find((row) => row.key === 'touchProbability-1.05')?.reading).toMatch(/health factor drops to 1\.05/);
    expect(rows.find((row) => row.key === 'touchProbability-1.05')?.label).toMatch(/health factor falling to 1\.05/);
    expect(rows.map((row) => row.key)).not.toContain('touchProbability-2');
    expect(rows.map((row) => `${row.label} ${row.reading}`).join(' ')).not.toMatch(/rises to|rising to/);
  });

  it('measure a loan’s holding cost against its own funds and its supply yield on the collateral', () => {
    const loan = applyVenue(defaultInputs(), 'aave-v3-eth');
    const spec = inputsToSpec(loan);
    const analysis = analyze(spec);
    if (!analysis.valid) throw new Error('valid loan expected');
    const rows = new Map(carryRows(analysis, spec, readingContext(findVenue(loan.venue)), defaultFormatter).map((row) => [row.key, row.reading]));
    expect(rows.get('carryTotal')).toMatch(/of your own funds if the price does not move/);
    expect(rows.get('carrySupplyYield')).toMatch(/earned on the collateral/);
  });
});
