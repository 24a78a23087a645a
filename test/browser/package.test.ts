import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { analyze } from '../../src/model/analyze';
import type { PositionSpec } from '../../src/model/types';
import { expectedLiquidation, readmeBlocks } from './expected';

// The npm package as a consumer installs it (its own file, so it runs beside the browser suites on the other worker).
/** A throwaway project that installs the packed tarball, with this repository's copies of its dependencies. */
describe('the npm package', () => {
  let project = '';
  const repository = resolve('.');

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'leverage-lens-consumer-'));
    // `npm pack` runs the prepack script, which builds dist-lib/ (library, element, types).
    // NODE_ENV=production: vitest's NODE_ENV=test would compile the package's JSX for React's development runtime.
    execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: repository, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    const packed = readdirSync(project).find((name) => name.endsWith('.tgz'));
    if (packed === undefined) throw new Error('npm pack wrote no tarball');
    const modules = join(project, 'node_modules');
    mkdirSync(join(modules, '@types'), { recursive: true });
    execFileSync('tar', ['-xzf', join(project, packed), '-C', modules]);
    renameSync(join(modules, 'package'), join(modules, 'leverage-lens'));
    for (const name of ['react', 'react-dom', 'recharts', 'zustand', 'decimal.js', '@types/react', '@types/react-dom']) {
      symlinkSync(join(repository, 'node_modules', name), join(modules, name), 'dir');
    }
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'leverage-lens': `file:${packed}` } }));
  }, 180_000);

  afterAll(() => {
    if (project !== '') rmSync(project, { recursive: true, force: true });
  });

  it('ships the built files and no sources', () => {
    const shipped = readdirSync(join(project, 'node_modules/leverage-lens/dist-lib'));
    expect(shipped).toEqual(expect.arrayContaining(['index.js', 'style.css', 'leverage-lens.js', 'types']));
    expect(existsSync(join(project, 'node_modules/leverage-lens/src'))).toBe(false);
  });

  it('ships one self-contained declaration file per export, importing only packages the consumer installs', () => {
    // A relative import in a declaration is read differently by bundler and nodenext resolution; a bundled file has none.
    const installed = join(project, 'node_modules/leverage-lens');
    const manifest: unknown = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined);
    const exported = Object.values(field(manifest, 'exports') ?? {}).map((entry: unknown) => field(entry, 'types')).filter((path) => typeof path === 'string');
    const shipped = readdirSync(join(installed, 'dist-lib'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.d.ts'));
    expect(shipped.map((name) => `./dist-lib/${name}`).sort()).toEqual([...exported].sort());
    const namesIn = (key: string): string[] => {
      const record = field(manifest, key);
      return typeof record === 'object' && record !== null ? Object.keys(record) : [];
    };
    const dependencies = [...namesIn('dependencies'), ...namesIn('peerDependencies')];
    const specifiers = shipped.flatMap((name) => ts.preProcessFile(readFileSync(join(installed, 'dist-lib', name), 'utf8'), true, true).importedFiles.map((file) => file.fileName));
    expect(specifiers.length, 'the declarations import React types').toBeGreaterThan(0);
    const packageOf = (specifier: string): string => /^(?:@[^/]+\/)?[^/]+/.exec(specifier)?.[0] ?? specifier;
    expect(specifiers.filter((specifier) => !dependencies.includes(packageOf(specifier)))).toEqual([]);
  });

  it('imports the model API and renders <LeverageLens /> with react-dom/server from plain Node', () => {
    const spec: PositionSpec = { instrument: 'linear', side: 'long', entry: '50000', collateral: '500', leverage: '20', mmr: '0.004' };
    writeFileSync(
      join(project, 'consumer.mjs'),
      `import { analyze, LeverageLens, parseConfig, schemaKeys } from 'leverage-lens';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const analysis = analyze(${JSON.stringify(spec)});
const html = renderToString(createElement(LeverageLens, { entry: '50000', leverage: 20, controls: 'leverage', views: 'results' }));
console.log(JSON.stringify({
  liquidationPrice: analysis.valid ? analysis.liquidationPrice : null,
  html,
  parsedLeverage: parseConfig([['leverage', '7']]).inputs.leverage,
  keys: schemaKeys().length,
  css: existsSync(fileURLToPath(import.meta.resolve('leverage-lens/style.css'))),
  element: existsSync(fileURLToPath(import.meta.resolve('leverage-lens/element'))),
}));
`,
    );
    const output = execFileSync(process.execPath, ['consumer.mjs'], { cwd: project, encoding: 'utf8' });
    const result: unknown = JSON.parse(output);
    const field = (key: string): unknown => (typeof result === 'object' && result !== null ? Reflect.get(result, key) : undefined);
    const model = analyze(spec);
    expect(model.valid).toBe(true);
    if (!model.valid) return;
    expect(field('liquidationPrice')).toBe(model.liquidationPrice);
    expect(field('html')).toContain(expectedLiquidation([['entry', '50000'], ['leverage', '20']]));
    expect(field('html')).toContain('aria-label="Leverage slider"');
    expect(field('parsedLeverage')).toBe('7');
    expect(field('keys')).toBeGreaterThan(20);
    expect(field('css')).toBe(true);
    expect(field('element')).toBe(true);
  });

  it('type-checks a TypeScript consumer and the README example with bundler and with nodenext resolution', () => {
    writeFileSync(
      join(project, 'consumer.tsx'),
      `import { analyze, LeverageLens } from 'leverage-lens';
import type { Analysis, LeverageLensProps, PositionSpec } from 'leverage-lens';

const spec: PositionSpec = { side: 'long', entry: 50000, collateral: 500, leverage: 20, mmr: 0.004 };
const analysis: Analysis = analyze(spec);
export const price: string | null = analysis.valid ? analysis.liquidationPrice : null;
const props: LeverageLensProps = { entry: 50000, leverage: '20', controls: 'leverage', onChange: (next: Analysis) => void next.valid };
export const view = <LeverageLens {...props} />;
// @ts-expect-error a misspelt key is a type error
export const misspelt = <LeverageLens levrage="10" />;
`,
    );
    writeFileSync(
      join(project, 'element-consumer.ts'),
      `import 'leverage-lens/element';
import type { Analysis } from 'leverage-lens';

const element = document.createElement('leverage-lens');
element.setAttribute('leverage', '10');
export const latest: Analysis | null = element.analysis;
`,
    );
    const readmeExample = readmeBlocks('tsx')[0];
    expect(readmeExample, 'README has a tsx example for the npm package').toBeTypeOf('string');
    writeFileSync(join(project, 'readme-example.tsx'), readmeExample ?? '');
    const tsc = join(repository, 'node_modules/typescript/bin/tsc');
    const common = ['--ignoreConfig', '--noEmit', '--strict', '--jsx', 'react-jsx', '--target', 'ES2022', '--lib', 'ES2023,DOM', 'consumer.tsx', 'readme-example.tsx', 'element-consumer.ts'];
    for (const resolution of [['--module', 'ESNext', '--moduleResolution', 'bundler'], ['--module', 'NodeNext', '--moduleResolution', 'NodeNext']]) {
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, ...resolution, ...common], { cwd: project, encoding: 'utf8' });
      } catch (error) {
        output = error instanceof Error && 'stdout' in error ? String(error.stdout) : String(error);
      }
      expect(output, resolution.join(' ')).toBe('');
    }
  });
});
