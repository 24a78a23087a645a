import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { guessError } from '../../src/model/predict';
import { propertyRuns } from '../property-runs';

describe('guessError', () => {
  it('measures a long position’s guess against the move from entry to liquidation', () => {
    // Entry 50,000, liquidation 47,690.8: the move is 2,309.2.
    const early = guessError('50000', '47690.8', '48500');
    expect(early).toEqual({ difference: '809.2', shareOfMove: expect.stringMatching(/^0\.3504/), early: true });
    const late = guessError('50000', '47690.8', '46000');
    expect(late?.early).toBe(false);
    expect(Number(late?.difference)).toBeCloseTo(-1690.8, 9);
    expect(guessError('50000', '47690.8', '47690.8')).toEqual({ difference: '0', shareOfMove: '0', early: false });
  });

  it('reads a short’s move upward', () => {
    const short = guessError('100', '110', '105');
    expect(short).toEqual({ difference: '-5', shareOfMove: '0.5', early: true });
  });

  it('refuses what cannot be measured', () => {
    expect(guessError('100', '100', '90')).toBeNull();
    expect(guessError('100', '90', '-1')).toBeNull();
    expect(guessError('100', '90', '0')).toBeNull();
    expect(guessError('100', 'x', '90')).toBeNull();
  });

  it('the share of the move is |guess − answer| ÷ |answer − entry|, and a guess on the far side of the entry is never early', () => {
    const price = fc.integer({ min: 1, max: 10_000_000 });
    fc.assert(
      fc.property(price, price, price, (entry, answer, guess) => {
        fc.pre(entry !== answer);
        const error = guessError(entry, answer, guess);
        expect(error).not.toBeNull();
        if (error === null) return;
        expect(Number(error.shareOfMove)).toBeCloseTo(Math.abs(guess - answer) / Math.abs(answer - entry), 9);
        expect(Number(error.difference)).toBe(guess - answer);
        if ((answer - entry) * (guess - entry) <= 0) expect(error.early).toBe(false);
      }),
      { numRuns: propertyRuns },
    );
  });
});
