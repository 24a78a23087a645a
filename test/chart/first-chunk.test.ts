import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The equity chart owns its plot frame so that the pages' first chunks carry no recharts (about 96 KB gzip less;
 * docs/decisions/equity-chart.md). One value import of recharts in any file a page loads eagerly would bring it
 * all back without a failing build, so this follows the static imports from each page's entry and looks.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const staticImport = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function resolveSource(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every source file reached from the entry through static (not dynamic, not type-only) imports, with the packages each imports. */
function eagerGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (graph.has(file)) continue;
    const packages: string[] = [];
    graph.set(file, packages);
    for (const match of readFileSync(file, 'utf8').matchAll(staticImport)) {
      const typeOnly = match[1] !== undefined;
      const specifier = match[2] ?? '';
      if (typeOnly) continue;
      if (specifier.startsWith('.')) {
        const target = resolveSource(file, specifier);
        if (target !== null) pending.push(target);
      } else {
        packages.push(specifier);
      }
    }
  }
  return graph;
}

// The standalone page (index.html) and the iframe page (embed.html); the element is one file and carries everything.
describe.each(['src/main.tsx', 'src/embed/embed-page.tsx'])('the first chunk of %s', (entry) => {
  const graph = eagerGraph(join(root, entry));

  it('reaches the equity chart and its layers (so the check below looks at the right files)', () => {
    const files = [...graph.keys()].map((file) => relative(root, file));
    expect(files).toContain('src/chart/EquityChart.tsx');
    expect(files).toContain('src/chart/Annotations.tsx');
  });

  it('imports no recharts value: the lazily loaded charts bring it when they are shown', () => {
    const withRecharts = [...graph].filter(([, packages]) => packages.some((name) => name === 'recharts' || name.startsWith('recharts/'))).map(([file]) => relative(root, file));
    expect(withRecharts).toEqual([]);
  });
});
