import { expect } from 'vitest';

/**
 * How many cases a fast-check property runs, and why. One number for a developer's run and for CI: CI=true proves
 * exactly what a local `npm test` proves (fast-check draws a new seed each run, so repeated runs add coverage).
 *
 * A property meets a kind of case that makes up a share p of what its arbitrary generates with probability
 * 1 − (1 − p)^n after n runs. The rarest kinds our arbitraries are written to produce are their discrete combinations:
 * test/model/arbitraries.ts draws a perpetual from 2 instruments × 2 sides × 2 maintenance bases × 3 fee rates × 2
 * close-fee choices (48 combinations), a tiered spec from 2 × 2 × 2 × 1–6 brackets (48), and the chart and model
 * properties pick one of those two or a loan (`oneof` of three): the rarest combination is 1/144 of the cases. To meet
 * every one of them with 99.9 % probability a property needs ln(0.001) / ln(1 − 1/144) ≈ 992 runs. Continuous
 * corners (a leverage within 1 % of its maximum and a rate within 1 % of its own) have a share near 10⁻⁴: 10,000 runs
 * would still miss them a third of the time, so boundary values belong in the arbitraries (fast-check biases towards
 * them) or in example tests, not in a larger run count.
 */
export function runsToMeet(share: number, confidence = 0.999): number {
  return Math.ceil(Math.log(1 - confidence) / Math.log(1 - share));
}

/** The rarest discrete combination of the position arbitraries (see above). */
export const rarestSpecShare = 1 / 144;

/** Runs for a property over positions (model and chart): meets every combination of the arbitraries with 99.9 %. */
export const propertyRuns = runsToMeet(rarestSpecShare);

/**
 * Counts the generated cases a property really checked, for properties that skip cases that do not apply (an invalid
 * spec, a position that cannot be liquidated). Call `checked()` where the assertions start; after fc.assert,
 * `expectAtLeast(share, runs)` fails when fewer than that share of the runs got that far, so a property cannot pass
 * by skipping everything.
 */
export function checkedCases(): { checked: () => void; expectAtLeast: (share: number, runs: number) => void } {
  let count = 0;
  return {
    checked: () => {
      count += 1;
    },
    expectAtLeast: (share, runs) => {
      expect(count, `cases checked out of ${runs} runs`).toBeGreaterThanOrEqual(Math.floor(share * runs));
    },
  };
}
