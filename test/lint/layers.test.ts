import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The one-way import rule is part of the architecture: prove the lint config really enforces it.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'fatal');
}

describe('layer rules', () => {
  it.each([
    ["import { useState } from 'react';\nexport const x = useState;\n", 'src/model/probe.ts'],
    ["import { create } from 'zustand';\nexport const x = create;\n", 'src/model/probe.ts'],
    ["import { LineChart } from 'recharts';\nexport const x = LineChart;\n", 'src/model/probe.ts'],
    ["import { createRoot } from 'react-dom/client';\nexport const x = createRoot;\n", 'src/model/probe.ts'],
    ["import { useDerived } from '../store';\nexport const x = useDerived;\n", 'src/model/probe.ts'],
    ["import { App } from '../app/App';\nexport const x = App;\n", 'src/ui/probe.ts'],
    ["import { ChartPanel } from '../chart';\nexport const x = ChartPanel;\n", 'src/ui/probe.ts'],
    ["import { useState } from 'react';\nexport const x = useState;\n", 'src/config/probe.ts'],
    // The view layer is pure: no UI library, nothing above it.
    ["import { useMemo } from 'react';\nexport const x = useMemo;\n", 'src/view/probe.ts'],
    ["import { useStore } from 'zustand';\nexport const x = useStore;\n", 'src/view/probe.ts'],
    ["import { createSelector } from 'recharts';\nexport const x = createSelector;\n", 'src/view/probe.ts'],
    ["import { useCalculator } from '../store/context';\nexport const x = useCalculator;\n", 'src/view/probe.ts'],
    ["import { markerPrice } from '../chart/plan';\nexport const x = markerPrice;\n", 'src/view/probe.ts'],
    ["import { derive } from '../view/derive';\nexport const x = derive;\n", 'src/config/probe.ts'],
    ["import { derive } from '../view/derive';\nexport const x = derive;\n", 'src/model/probe.ts'],
    // The toolbox's parts keep to their layers: its chart part never reaches its ui part, nor the other way.
    ["import { ToolboxPanel } from '../ui/ToolboxPanel';\nexport const x = ToolboxPanel;\n", 'src/toolbox/chart/probe.ts'],
    ["import { Field } from '../../ui/Field';\nexport const x = Field;\n", 'src/toolbox/chart/probe.ts'],
    ["import { ToolboxLayer } from '../chart/ToolboxLayer';\nexport const x = ToolboxLayer;\n", 'src/toolbox/ui/probe.ts'],
    ["import { colors } from '../../chart/series';\nexport const x = colors;\n", 'src/toolbox/ui/probe.ts'],
    ["import { ToolboxPanel } from '../toolbox/ui/ToolboxPanel';\nexport const x = ToolboxPanel;\n", 'src/chart/probe.ts'],
  ])('refuses %s in %s', async (code, filePath) => {
    expect(await ruleIds(code, filePath)).toContain('no-restricted-imports');
  });

  it('lets the view use the model and config, the store and screens use the view, and the chart its toolbox layer', async () => {
    expect(await ruleIds("import { analyze } from '../model/analyze';\nimport { inputsToSpec } from '../config/spec';\nexport const x = [analyze, inputsToSpec];\n", 'src/view/probe.ts')).not.toContain('no-restricted-imports');
    for (const filePath of ['src/store/probe.ts', 'src/chart/probe.ts', 'src/ui/probe.ts']) {
      expect(await ruleIds("import { createViewSelectors } from '../view/selectors';\nexport const x = createViewSelectors;\n", filePath)).not.toContain('no-restricted-imports');
    }
    expect(await ruleIds("import { useToolboxChart } from '../toolbox/chart/ToolboxLayer';\nexport const x = useToolboxChart;\n", 'src/chart/probe.ts')).not.toContain('no-restricted-imports');
    expect(await ruleIds("import { openTool } from '../../view/toolbox';\nimport { useSelectors } from '../../store/context';\nexport const x = [openTool, useSelectors];\n", 'src/toolbox/ui/probe.ts')).not.toContain('no-restricted-imports');
  });

  it('allows the model to use decimal.js and the store to use the model', async () => {
    expect(await ruleIds("import Decimal from 'decimal.js';\nexport const x = Decimal;\n", 'src/model/probe.ts')).not.toContain('no-restricted-imports');
    expect(await ruleIds("import { analyze } from '../model';\nexport const x = analyze;\n", 'src/store/probe.ts')).not.toContain('no-restricted-imports');
  });

  // Each widget formats numbers in its own locale and currency, so the browser-locale functions stay out of the screens.
  it.each([
    ["import { formatPrice } from '../config/format';\nexport const x = formatPrice;\n", 'src/chart/probe.ts'],
    ["import { formatMoney, formatTimes } from '../config/format';\nexport const x = [formatMoney, formatTimes];\n", 'src/ui/probe.tsx'],
    ["import { formatPercent } from '../../config/format';\nexport const x = formatPercent;\n", 'src/toolbox/ui/probe.tsx'],
    ["import { formatPrice } from '../../config/format';\nexport const x = formatPrice;\n", 'src/toolbox/chart/probe.ts'],
    ["import { formatNumber } from '../config/format';\nexport const x = formatNumber;\n", 'src/app/probe.ts'],
    ["import { formatPrice } from '../config/format';\nexport const x = formatPrice;\n", 'src/embed/probe.ts'],
  ])('refuses the locale-blind %s in %s', async (code, filePath) => {
    const [result] = await eslint.lintText(code, { filePath });
    const refusals = (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports');
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]?.message).toMatch(/useFormatter\(\)/);
  });

  it('still lets the screens use the Formatter type, the store hook and each other', async () => {
    const code = "import type { Formatter } from '../config/format';\nimport { useFormatter } from '../store';\nexport const x: Formatter | null = null;\nexport const y = useFormatter;\n";
    for (const filePath of ['src/chart/probe.ts', 'src/ui/probe.ts', 'src/app/probe.ts', 'src/embed/probe.ts']) {
      expect(await ruleIds(code, filePath)).not.toContain('no-restricted-imports');
    }
    // The store's provider is where the functions are bound to a locale; it keeps its access.
    expect(await ruleIds("import { formatPrice } from '../config/format';\nexport const x = formatPrice;\n", 'src/store/probe.ts')).not.toContain('no-restricted-imports');
  });

  it('keeps the layer rules in the folders that also refuse the format functions', async () => {
    expect(await ruleIds("import { ChartPanel } from '../chart';\nexport const x = ChartPanel;\n", 'src/ui/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { App } from '../app/App';\nexport const x = App;\n", 'src/chart/probe.ts')).toContain('no-restricted-imports');
  });

  it('forbids any and as-casts', async () => {
    expect(await ruleIds('export const x = (1 as unknown) as number;\n', 'src/model/probe.ts')).toContain('@typescript-eslint/consistent-type-assertions');
    expect(await ruleIds('export const y: any = 1;\n', 'src/model/probe.ts')).toContain('@typescript-eslint/no-explicit-any');
  });

  it('refuses a chart scale the bundles do not carry, and allows the ones they do', async () => {
    const axis = (scale: string): string => `import { XAxis } from 'recharts';\nexport const x = <XAxis scale=${scale} />;\n`;
    expect(await ruleIds(axis('"log"'), 'src/chart/probe.tsx')).toContain('no-restricted-syntax');
    expect(await ruleIds(axis('{"time"}'), 'src/chart/probe.tsx')).toContain('no-restricted-syntax');
    expect(await ruleIds(axis('"linear"'), 'src/chart/probe.tsx')).not.toContain('no-restricted-syntax');
    expect(await ruleIds(axis('"auto"'), 'src/chart/probe.tsx')).not.toContain('no-restricted-syntax');
  });
});
