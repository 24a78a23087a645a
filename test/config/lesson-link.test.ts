// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { configNotices, MAX_SCENARIOS_TEXT, parseConfig, serializeLink } from '../../src/config/codec';
import type { ParsedConfig } from '../../src/config/codec';
import { chartViews, MAX_SCENARIOS, SCENARIO_NAME_MAX_LENGTH, toolTabs } from '../../src/config/schema';
import type { Inputs, LinkSettings, NamedInputs } from '../../src/config/schema';
import { screenInputs } from '../ui/arbitraries';

/** A scenario as the page saves one: another position, or the link's own with a different leverage and side. */
const scenarioInputs = (main: Inputs): fc.Arbitrary<Inputs> =>
  fc.oneof(
    screenInputs,
    fc.record({ tenths: fc.integer({ min: 10, max: 200 }), side: fc.constantFrom('long', 'short') }).map(({ tenths, side }) => {
      const loan = main.instrument === 'loan';
      return inputsWith({ leverage: String(loan ? Math.min(tenths / 10, 2.5) : tenths / 10), side: loan ? 'long' : side }, main);
    }),
  );

/** Names as typed in the 40-character box: trimmed, not empty, with the link's separators, escapes and markup among them. */
const scenarioName: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom('a', 'Z', ' ', '|', '*', '%', '=', '&', '%7C', '<b>', 'é', '€', '😀', '+', '#', ';', ':', ','), minLength: 1, maxLength: 12 })
  .map((name) => name.trim().slice(0, SCENARIO_NAME_MAX_LENGTH).trim())
  .filter((name) => name !== '');

const lesson: fc.Arbitrary<{ main: Inputs; link: Partial<LinkSettings> }> = screenInputs.chain((main) =>
  fc.record({
    main: fc.constant(main),
    link: fc.record(
      {
        scenarios: fc.array(fc.record({ name: scenarioName, inputs: scenarioInputs(main) }), { minLength: 1, maxLength: MAX_SCENARIOS }),
        chart: fc.constantFrom(...chartViews),
        tool: fc.constantFrom(...toolTabs),
      },
      { requiredKeys: ['scenarios'] },
    ),
  }),
);

/** What a link leaves out: the first tab of each list is the default. */
function expectedLink(link: Partial<LinkSettings>): Partial<LinkSettings> {
  const expected: Partial<LinkSettings> = { scenarios: link.scenarios?.map(({ name, inputs }) => ({ name, inputs })) ?? [] };
  if (link.chart !== undefined && link.chart !== chartViews[0]) expected.chart = link.chart;
  if (link.tool !== undefined && link.tool !== toolTabs[0]) expected.tool = link.tool;
  return expected;
}

const leads = { rejected: 'Some values in the link could not be used, so defaults were loaded for', unknown: 'The link had settings this page does not know, which were ignored' };

/** Reads `scenarios=<raw>` on top of the defaults, timed: every call must be quick, however hostile the text. */
function readTimed(raw: string, extra: [string, string][] = []): { parsed: ParsedConfig; notices: string; milliseconds: number } {
  const started = performance.now();
  const parsed = parseConfig([['v', '1'], ...extra, ['scenarios', raw]]);
  const milliseconds = performance.now() - started;
  return { parsed, notices: configNotices(parsed, leads).join(' '), milliseconds };
}

/** A budget no honest link comes near (four scenarios read in about a millisecond), loose enough for a busy 2-core machine. */
const CALL_BUDGET_MS = 250;

describe('lesson links: scenarios and tabs', () => {
  it('survive serialize → query string → parse exactly, with no notice', () => {
    fc.assert(
      fc.property(lesson, ({ main, link }) => {
        const query = new URLSearchParams(serializeLink(main, link)).toString();
        const parsed = parseConfig(new URLSearchParams(query).entries());
        expect(parsed.rejected).toEqual([]);
        expect(parsed.unknown).toEqual([]);
        expect(parsed.inputs).toEqual(main);
        expect(parsed.link).toEqual(expectedLink(link));
      }),
      { numRuns: 100 },
    );
  });

  it('write each scenario as its differences from the link’s inputs, not as a second full link', () => {
    const main = defaultInputs();
    const calm: NamedInputs = { name: 'Calm', inputs: inputsWith({ leverage: '3' }, main) };
    const pairs = new Map(serializeLink(main, { scenarios: [calm] }));
    expect(pairs.get('scenarios')).toBe('Calm*leverage=3');
    // Names and values keep the separators they contain.
    const odd: NamedInputs = { name: 'A|B*50%', inputs: inputsWith({ leverage: '3' }, main) };
    const text = new Map(serializeLink(main, { scenarios: [odd] })).get('scenarios') ?? '';
    expect(parseConfig([['scenarios', text]]).link.scenarios?.[0]?.name).toBe('A|B*50%');
  });

  it('leave the scenarios key out when there are none, and the default tabs out always', () => {
    const keys = serializeLink(defaultInputs(), { scenarios: [], chart: 'equity', tool: 'exit' }).map(([key]) => key);
    expect(keys).not.toContain('scenarios');
    expect(keys).not.toContain('chart');
    expect(keys).not.toContain('tool');
  });
});

describe('hostile scenario lists give a notice, never a throw, and are read quickly', () => {
  it('too many scenarios: the first four are read', () => {
    const { parsed, notices, milliseconds } = readTimed(Array.from({ length: 9 }, (_, index) => `S${index + 1}*leverage=${index + 2}`).join('|'));
    expect(parsed.link.scenarios?.map((scenario) => [scenario.name, scenario.inputs.leverage])).toEqual([
      ['S1', '2'],
      ['S2', '3'],
      ['S3', '4'],
      ['S4', '5'],
    ]);
    expect(notices).toContain(`Saved scenarios (scenarios) lists 9 scenarios: the first ${MAX_SCENARIOS} were read.`);
    expect(milliseconds).toBeLessThan(CALL_BUDGET_MS);
  });

  it('a name that is too long is shortened; control characters and empty names are not kept', () => {
    const { parsed, notices } = readTimed(`${'n'.repeat(500)}*leverage=3|\u0007Bell\u0000|   *leverage=4`);
    expect(parsed.link.scenarios?.map((scenario) => scenario.name)).toEqual(['n'.repeat(SCENARIO_NAME_MAX_LENGTH), 'Bell', 'Scenario 3']);
    expect(notices).toContain(`Saved scenarios (scenarios), scenario 1: its name is longer than ${SCENARIO_NAME_MAX_LENGTH} characters and was shortened.`);
  });

  it('markup stays text in a name and is refused as a value, without being repeated in the notice', () => {
    const { parsed, notices } = readTimed('<img src=x onerror=alert(1)>*entry=<script>alert(1)</script>*side=<b>');
    expect(parsed.link.scenarios?.[0]?.name).toBe('<img src=x onerror=alert(1)>');
    expect(parsed.link.scenarios?.[0]?.inputs.entry).toBe(defaultInputs().entry);
    expect(parsed.link.scenarios?.[0]?.inputs.side).toBe(defaultInputs().side);
    expect(notices).toContain('Saved scenarios (scenarios), scenario 1: Entry price (entry)');
    expect(notices).toContain('Saved scenarios (scenarios), scenario 1: Side (side)');
    expect(notices).not.toMatch(/<script|<b>|<img/);
  });

  it('exploding numbers are refused before anything is computed', () => {
    const { parsed, notices, milliseconds } = readTimed(`Boom*entry=1e999999999*collateral=${'9'.repeat(5000)}*leverage=1e-999999999`);
    expect(parsed.link.scenarios?.[0]?.inputs).toEqual(defaultInputs());
    expect(notices).toContain('Saved scenarios (scenarios), scenario 1: Entry price (entry)');
    expect(notices).toContain('Saved scenarios (scenarios), scenario 1: Collateral (collateral)');
    expect(notices).toContain('Saved scenarios (scenarios), scenario 1: Leverage (leverage)');
    expect(milliseconds).toBeLessThan(CALL_BUDGET_MS);
  });

  it('unknown keys, keys without values and nested link keys are named', () => {
    const { parsed, notices } = readTimed('Odd*evil=1*leverage*scenarios=x|y*theme=dark');
    expect(parsed.link.scenarios).toHaveLength(2);
    expect(notices).toContain('Saved scenarios (scenarios), scenario 1: evil is not an input with a value.');
    expect(notices).toContain('Saved scenarios (scenarios), scenario 1: leverage is not an input with a value.');
    expect(notices).toContain('Saved scenarios (scenarios), scenario 1: scenarios is not an input with a value.');
    expect(notices).toContain('Saved scenarios (scenarios), scenario 2: theme is not an input with a value.');
  });

  it('a list longer than any honest one is refused whole', () => {
    const { parsed, notices, milliseconds } = readTimed(`Big*tiers=${'1:1:1:1;'.repeat(MAX_SCENARIOS_TEXT)}`);
    expect(parsed.link.scenarios).toBeUndefined();
    expect(notices).toContain(`Saved scenarios (scenarios) is too long: at most ${MAX_SCENARIOS_TEXT} characters.`);
    expect(milliseconds).toBeLessThan(CALL_BUDGET_MS);
  });

  it('any text at all: no throw, at most four scenarios with short names, every problem in a notice, each call quick', () => {
    const piece = fc.oneof(
      fc.constantFrom('|', '*', '=', '%', '%7C', '%2A', '%25', '%E0%A4%A', 'leverage', 'entry', 'venue', 'tiers', 'side', 'solveFor', '1e999', '-1', '0', 'NaN', '<b>', 'long', '1:2:3:4;'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 300 }), (pieces) => {
        const { parsed, notices, milliseconds } = readTimed(pieces.join(''));
        const scenarios = parsed.link.scenarios ?? [];
        expect(scenarios.length).toBeLessThanOrEqual(MAX_SCENARIOS);
        for (const scenario of scenarios) {
          expect(scenario.name.length).toBeGreaterThan(0);
          expect(scenario.name.length).toBeLessThanOrEqual(SCENARIO_NAME_MAX_LENGTH);
        }
        expect(parsed.rejected.length === 0).toBe(notices === '');
        expect(milliseconds).toBeLessThan(CALL_BUDGET_MS);
      }),
      { numRuns: 300 },
    );
  });

  it('bad tabs are named with the values they may take', () => {
    const parsed = parseConfig([
      ['chart', 'pie'],
      ['tool', 'maxopen'],
    ]);
    expect(parsed.link).toEqual({});
    expect(configNotices(parsed, leads).join(' ')).toContain('Toolbox tab (tool) must be one of exit, target, average, maxOpen, risk, portfolio.');
  });
});
