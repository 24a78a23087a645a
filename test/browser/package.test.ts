import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { build } from 'vite';
import { analyze } from '../../src/model/analyze';
import type { PositionSpec } from '../../src/model/types';
import { expectedLiquidation, readmeBlocks } from './expected';
import { entryFiles } from '../bench/entryFiles';

// The npm package as a consumer installs it (its own file, so it runs beside the browser suites on the other worker).
// One packed tarball and one consumer directory serve every check: packing builds the library and the element.

/** What a consumer may pay for `analyze` alone (issue 15: decimal.js is about 12 KB gzip of it). */
const MODEL_ONLY_BUDGET_KB = 35;

/**
 * Everything the package imports from React must exist in React 18.2, the oldest release its peer range allows.
 * The names each module exported in react@18.2.0 (packages/react/index.js, packages/react/jsx-runtime.js,
 * packages/react-dom/index.js, packages/react-dom/client.js). Checked for real once with react@18.3.1: server render,
 * client render and onChange (see the README's npm package section).
 */
const REACT_18_EXPORTS: Record<string, readonly string[]> = {
  react: [
    'Children', 'Component', 'Fragment', 'Profiler', 'PureComponent', 'StrictMode', 'Suspense', 'cloneElement', 'createContext', 'createElement',
    'createFactory', 'createRef', 'forwardRef', 'isValidElement', 'lazy', 'memo', 'startTransition', 'useCallback', 'useContext', 'useDebugValue',
    'useDeferredValue', 'useEffect', 'useId', 'useImperativeHandle', 'useInsertionEffect', 'useLayoutEffect', 'useMemo', 'useReducer', 'useRef',
    'useState', 'useSyncExternalStore', 'useTransition', 'version',
  ],
  'react/jsx-runtime': ['Fragment', 'jsx', 'jsxs'],
  'react-dom': ['createPortal', 'findDOMNode', 'flushSync', 'hydrate', 'render', 'unmountComponentAtNode', 'unstable_batchedUpdates', 'version'],
  'react-dom/client': ['createRoot', 'hydrateRoot'],
};

const run = promisify(execFile);

describe('the npm package', () => {
  let project = '';
  let installed = '';
  const repository = resolve('.');

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'leverage-lens-consumer-'));
    // `npm pack` runs the prepack script, which builds dist-lib/ (library, model entry, element, types).
    // NODE_ENV=production: vitest's NODE_ENV=test would compile the package's JSX for React's development runtime.
    execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: repository, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    const packed = readdirSync(project).find((name) => name.endsWith('.tgz'));
    if (packed === undefined) throw new Error('npm pack wrote no tarball');
    const modules = join(project, 'node_modules');
    mkdirSync(join(modules, '@types'), { recursive: true });
    execFileSync('tar', ['-xzf', join(project, packed), '-C', modules]);
    installed = join(modules, 'leverage-lens');
    renameSync(join(modules, 'package'), installed);
    for (const name of ['react', 'react-dom', 'recharts', 'zustand', 'decimal.js', '@types/react', '@types/react-dom']) {
      symlinkSync(join(repository, 'node_modules', name), join(modules, name), 'dir');
    }
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'leverage-lens': `file:${packed}` } }));
  }, 300_000);

  afterAll(() => {
    if (project !== '') rmSync(project, { recursive: true, force: true });
  });

  const manifest = (): unknown => JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined);
  const shippedScripts = (): string[] => readdirSync(join(installed, 'dist-lib')).filter((name) => name.endsWith('.js'));

  it('ships the built files and no sources; the model entry loads the model and decimal.js, nothing of the widget', () => {
    const shipped = readdirSync(join(installed, 'dist-lib'));
    expect(shipped).toEqual(expect.arrayContaining(['index.js', 'model.js', 'style.css', 'leverage-lens.js', 'types']));
    expect(existsSync(join(project, 'node_modules/leverage-lens/src'))).toBe(false);
    // What Node loads for `leverage-lens/model` (a bundler may drop more; Node runs every import).
    const model = entryFiles(join(installed, 'dist-lib'), 'model.js');
    expect(model.packages).toEqual(['decimal.js']);
    expect(model.files.length).toBeLessThanOrEqual(2);
    expect(entryFiles(join(installed, 'dist-lib'), 'index.js').packages).toEqual(expect.arrayContaining(['decimal.js', 'react', 'recharts', 'zustand']));
  });

  it('ships a declaration file per typed export, importing only packages the consumer may install and shipped files', () => {
    const exported = Object.values(field(manifest(), 'exports') ?? {}).map((entry: unknown) => field(entry, 'types')).filter((path) => typeof path === 'string');
    const shipped = readdirSync(join(installed, 'dist-lib'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.d.ts'));
    // The JSX typings' shared attribute list is the one declaration file that is not an export of its own.
    expect(shipped.map((name) => `./dist-lib/${name}`).sort()).toEqual([...exported, './dist-lib/types/embed/attributes.d.ts'].sort());
    const namesIn = (key: string): string[] => {
      const record = field(manifest(), key);
      return typeof record === 'object' && record !== null ? Object.keys(record) : [];
    };
    const dependencies = [...namesIn('dependencies'), ...namesIn('peerDependencies')];
    const imports = shipped.flatMap((name) =>
      ts.preProcessFile(readFileSync(join(installed, 'dist-lib', name), 'utf8'), true, true).importedFiles.map((file) => ({ from: name, specifier: file.fileName })),
    );
    expect(imports.length, 'the declarations import React types').toBeGreaterThan(0);
    const packageOf = (specifier: string): string => /^(?:@[^/]+\/)?[^/]+/.exec(specifier)?.[0] ?? specifier;
    // A relative import names its file with .js, which bundler, nodenext and node10 resolution read alike.
    const unresolved = imports.filter(({ from, specifier }) =>
      specifier.startsWith('.') ? !existsSync(join(installed, 'dist-lib', dirname(from), specifier.replace(/\.js$/, '.d.ts'))) : !dependencies.includes(packageOf(specifier)),
    );
    expect(unresolved).toEqual([]);
  });

  it('imports every entry in plain Node without a DOM, shares one model between them, and renders <LeverageLens /> on the server', async () => {
    const spec: PositionSpec = { instrument: 'linear', side: 'long', entry: '50000', collateral: '500', leverage: '20', mmr: '0.004' };
    writeFileSync(
      join(project, 'consumer.mjs'),
      `import * as main from 'leverage-lens';
import * as model from 'leverage-lens/model';
import * as element from 'leverage-lens/element';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const analysis = model.analyze(${JSON.stringify(spec)});
const html = renderToString(createElement(main.LeverageLens, { entry: '50000', leverage: 20, controls: 'leverage', views: 'results' }));
console.log(JSON.stringify({
  dom: typeof document,
  liquidationPrice: analysis.valid ? analysis.liquidationPrice : null,
  sameModel: main.analyze === model.analyze && main.buildCurve === model.buildCurve,
  modelExports: Object.keys(model).sort(),
  elementExports: Object.keys(element).length,
  html,
  parsedLeverage: main.parseConfig([['leverage', '7']]).inputs.leverage,
  keys: main.schemaKeys().length,
  css: existsSync(fileURLToPath(import.meta.resolve('leverage-lens/style.css'))),
}));
`,
    );
    const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: project, encoding: 'utf8' });
    const result: unknown = JSON.parse(stdout);
    const model = analyze(spec);
    expect(model.valid).toBe(true);
    if (!model.valid) return;
    expect(field(result, 'dom')).toBe('undefined');
    expect(field(result, 'liquidationPrice')).toBe(model.liquidationPrice);
    // One model in the package: the main entry re-exports the model entry's functions, not a copy of them.
    expect(field(result, 'sameModel')).toBe(true);
    expect(field(result, 'modelExports')).toEqual(expect.arrayContaining(['analyze', 'buildCurve', 'equityPath', 'venuePresets', 'validate']));
    expect(field(result, 'modelExports')).not.toContain('LeverageLens');
    expect(field(result, 'html')).toContain(expectedLiquidation([['entry', '50000'], ['leverage', '20']]));
    expect(field(result, 'html')).toContain('aria-label="Leverage slider"');
    expect(field(result, 'parsedLeverage')).toBe('7');
    expect(field(result, 'keys')).toBeGreaterThan(20);
    expect(field(result, 'css')).toBe(true);
  });

  it('costs a consumer that imports only analyze from leverage-lens/model a little, with no React, recharts or zustand in it', async () => {
    /** Bundles one consumer module for production as a Vite app would; the JS it emits and the packages inside. */
    const bundle = async (name: string, source: string): Promise<{ gzip: number; decimalGzip: number; packages: string[] }> => {
      writeFileSync(join(project, name), source);
      const output = await build({
        configFile: false,
        root: project,
        mode: 'production',
        logLevel: 'silent',
        build: { write: false, target: 'es2022', rolldownOptions: { input: join(project, name) } },
      });
      const results = Array.isArray(output) ? output : [output];
      const chunks = results.flatMap((result) => ('output' in result ? result.output : [])).flatMap((file) => (file.type === 'chunk' ? [file] : []));
      const packages = new Set<string>();
      let decimalGzip = 0;
      for (const chunk of chunks) {
        for (const [id, rendered] of Object.entries(chunk.modules)) {
          const inside = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
          if (inside !== undefined) packages.add(inside);
          if (inside === 'decimal.js' && rendered.code !== null) decimalGzip += gzipSync(rendered.code, { level: 9 }).length;
        }
      }
      return { gzip: chunks.reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0), decimalGzip, packages: [...packages].sort() };
    };
    const use = `const analysis = analyze({ side: 'long', entry: 50000, collateral: 500, leverage: 20, mmr: 0.004 });\nconsole.log(analysis.valid && analysis.liquidationPrice);\n`;
    const modelOnly = await bundle('model-only.js', `import { analyze } from 'leverage-lens/model';\n${use}`);
    // The main entry re-exports the model; with the package's sideEffects list a bundler drops the widget it does not use.
    const fromMain = await bundle('from-main.js', `import { analyze } from 'leverage-lens';\n${use}`);
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB gzip`;
    console.log(`analyze alone: from leverage-lens/model ${kb(modelOnly.gzip)} (decimal.js ${kb(modelOnly.decimalGzip)}); from leverage-lens ${kb(fromMain.gzip)}`);
    expect(modelOnly.packages).toEqual(['decimal.js', 'leverage-lens']);
    expect(modelOnly.decimalGzip).toBeGreaterThan(0);
    expect(modelOnly.gzip / 1024).toBeLessThanOrEqual(MODEL_ONLY_BUDGET_KB);
    expect(fromMain.packages).toEqual(['decimal.js', 'leverage-lens']);
    expect(fromMain.gzip / 1024).toBeLessThanOrEqual(MODEL_ONLY_BUDGET_KB);
  });

  it('imports from React only what React 18.2 has (the peer range starts there)', () => {
    const used = shippedScripts()
      .filter((name) => !name.startsWith('leverage-lens')) // the element and its chunks bundle their own React
      .flatMap((name) => [...readFileSync(join(installed, 'dist-lib', name), 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*"(react[^"]*)"/g)])
      .flatMap((match) => (match[1] ?? '').split(',').map((binding) => ({ from: match[2] ?? '', name: binding.trim().split(/\s+as\s+/)[0] ?? '' })));
    expect(used.length, 'the widget imports React').toBeGreaterThan(5);
    expect(used.filter(({ from, name }) => !(REACT_18_EXPORTS[from] ?? []).includes(name))).toEqual([]);
  });

  it('type-checks a TypeScript consumer, the README examples and <leverage-lens> in JSX with bundler, nodenext and node resolution', async () => {
    writeFileSync(
      join(project, 'consumer.tsx'),
      `import { analyze, LeverageLens } from 'leverage-lens';
import { analyze as analyzeModel } from 'leverage-lens/model';
import type { Analysis, LeverageLensProps, PositionSpec } from 'leverage-lens';
import type { ValidAnalysis } from 'leverage-lens/model';
import type {} from 'leverage-lens/jsx-react';

const spec: PositionSpec = { side: 'long', entry: 50000, collateral: 500, leverage: 20, mmr: 0.004 };
const analysis: Analysis = analyze(spec);
export const price: string | null = analysis.valid ? analysis.liquidationPrice : null;
const modelAnalysis = analyzeModel(spec);
export const valid: ValidAnalysis | null = modelAnalysis.valid ? modelAnalysis : null;
const props: LeverageLensProps = { entry: 50000, leverage: '20', controls: 'leverage', onChange: (next: Analysis) => void next.valid };
export const view = <LeverageLens {...props} />;
// @ts-expect-error a misspelt key is a type error
export const misspelt = <LeverageLens levrage="10" />;
export const element = <leverage-lens entry="50000" leverage="20" side="long" mmBasis="mark" mmbasis="mark" title="BTC" editable="leverage" predict="liquidation" className="lens" />;
// @ts-expect-error a misspelt attribute of the element is a type error too
export const misspeltElement = <leverage-lens levrage="10" />;
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
    const examples = readmeBlocks('tsx');
    expect(examples.length, 'README has the npm package example and the element-in-JSX example').toBeGreaterThanOrEqual(2);
    examples.forEach((example, index) => writeFileSync(join(project, `readme-example-${index}.tsx`), example));
    const tsc = join(repository, 'node_modules/typescript/bin/tsc');
    const files = ['consumer.tsx', 'element-consumer.ts', ...examples.map((_example, index) => `readme-example-${index}.tsx`)];
    const common = ['--ignoreConfig', '--noEmit', '--strict', '--jsx', 'react-jsx', '--target', 'ES2022', '--lib', 'ES2023,DOM', ...files];
    // The declaration files themselves (and React's) are checked once; the other two runs check what each resolution finds.
    const resolutions = [
      ['--module', 'ESNext', '--moduleResolution', 'bundler'],
      ['--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--skipLibCheck'],
      // node10: no `exports`; typesVersions in package.json maps the subpaths. TypeScript 6 deprecates the mode itself.
      ['--module', 'ESNext', '--moduleResolution', 'node', '--ignoreDeprecations', '6.0', '--skipLibCheck'],
    ];
    const outputs = await Promise.all(
      resolutions.map(async (resolution) => {
        try {
          await run(process.execPath, [tsc, ...resolution, ...common], { cwd: project, encoding: 'utf8' });
          return '';
        } catch (error) {
          return error instanceof Error && 'stdout' in error ? String(error.stdout) : String(error);
        }
      }),
    );
    expect(outputs.map((output, index) => `${resolutions[index]?.join(' ') ?? ''}: ${output}`)).toEqual(resolutions.map((resolution) => `${resolution.join(' ')}: `));
  });
});
