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
  ])('refuses %s in %s', async (code, filePath) => {
    expect(await ruleIds(code, filePath)).toContain('no-restricted-imports');
  });

  it('allows the model to use decimal.js and the store to use the model', async () => {
    expect(await ruleIds("import Decimal from 'decimal.js';\nexport const x = Decimal;\n", 'src/model/probe.ts')).not.toContain('no-restricted-imports');
    expect(await ruleIds("import { analyze } from '../model';\nexport const x = analyze;\n", 'src/store/probe.ts')).not.toContain('no-restricted-imports');
  });

  it('forbids any and as-casts', async () => {
    expect(await ruleIds('export const x = (1 as unknown) as number;\n', 'src/model/probe.ts')).toContain('@typescript-eslint/consistent-type-assertions');
    expect(await ruleIds('export const y: any = 1;\n', 'src/model/probe.ts')).toContain('@typescript-eslint/no-explicit-any');
  });
});
