import { defineConfig } from 'vitest/config';
import type { Plugin, UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { CompilerOptions } from 'typescript';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Build modes (all from this one config, so the top level stays small):
 *   vite build                  the standalone page (index.html) and the iframe page (embed.html) into dist/
 *   vite build --mode element   the <leverage-lens> custom element: dist/leverage-lens.js and its lazily loaded dist/leverage-lens-*.js chunks
 *   vite build --mode lib       the npm package: dist-lib/index.js (component), dist-lib/model.js (model only), dist-lib/style.css
 *                               and dist-lib/types/, dependencies external
 */

const EMBED_PAGE_SOURCE = 'src/embed/embed.html';
const ELEMENT_SOURCE = 'src/embed/element.tsx';
const LIBRARY_SOURCE = 'src/embed/lib.ts';
const MODEL_SOURCE = 'src/embed/model.ts';

/** Serves and emits the iframe page at /embed.html; under `vite` (dev) also serves the element at /leverage-lens.js. */
function embedPages(): Plugin {
  return {
    name: 'leverage-lens:embed-pages',
    enforce: 'post',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = request.url ?? '';
        if (url === '/embed.html' || url.startsWith('/embed.html?')) {
          request.url = `/${EMBED_PAGE_SOURCE}${url.slice('/embed.html'.length)}`;
        } else if (url === '/leverage-lens.js') {
          // Pages in public/ are not transformed, so the element installs React Refresh's preamble itself before loading.
          response.setHeader('Content-Type', 'text/javascript');
          response.end(`${react.preambleCode.replace('__BASE__', '/')}\nawait import('/${ELEMENT_SOURCE}');\n`);
          return;
        }
        next();
      });
    },
    generateBundle(_options, bundle) {
      const page = bundle[EMBED_PAGE_SOURCE];
      if (page === undefined || page.type !== 'asset') return;
      Reflect.deleteProperty(bundle, EMBED_PAGE_SOURCE);
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: page.source });
    },
  };
}

/** The element carries its CSS as strings for its shadow root; the extracted copy would be an orphan file. */
function dropCss(): Plugin {
  return {
    name: 'leverage-lens:drop-css',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) if (name.endsWith('.css')) Reflect.deleteProperty(bundle, name);
    },
  };
}

/**
 * Library mode: type-checks the package entries and writes one self-contained declaration file for each to types/
 * in the build directory, named after its source (src/embed/lib.ts → types/embed/lib.d.ts). TypeScript emits a
 * declaration per source file into a scratch directory; rolldown-plugin-dts bundles each entry's into one file
 * that imports nothing relative, so `bundler` and `nodenext` consumers read the same file the same way, and the
 * sources' style imports stay behind (types have no styles). One compiler program serves the check and the emit.
 */
function declarations(entries: readonly string[], copied: readonly string[] = []): Plugin {
  let outDir = 'dist-lib/types';
  return {
    name: 'leverage-lens:declarations',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir, 'types');
    },
    async closeBundle() {
      // Loaded here, not at the top: every other mode and the test runner start faster without the compiler.
      const { default: ts } = await import('typescript');
      const { rolldown } = await import('rolldown');
      const { dts } = await import('rolldown-plugin-dts');
      const root = process.cwd();
      const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      const sourceRoot = join(root, 'src');
      const scratch = mkdtempSync(join(tmpdir(), 'leverage-lens-types-'));
      try {
        const options: CompilerOptions = { ...config?.options, noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: sourceRoot, outDir: scratch };
        const program = ts.createProgram([...entries.map((entry) => join(root, entry)), join(sourceRoot, 'ui/vite-env.d.ts')], options);
        const diagnostics = ts.getPreEmitDiagnostics(program);
        if (diagnostics.length > 0) {
          const host = { getCanonicalFileName: (name: string) => name, getCurrentDirectory: () => root, getNewLine: () => '\n' };
          throw new Error(ts.formatDiagnostics(diagnostics, host));
        }
        program.emit(undefined, undefined, undefined, true);
        for (const entry of entries) {
          const name = relative(sourceRoot, join(root, entry)).replace(/\.tsx?$/, '');
          // cwd: the bundle's one module comment names the scratch file relative to it, not by its temporary path.
          const bundle = await rolldown({
            cwd: scratch,
            input: { [name]: join(scratch, `${name}.d.ts`) },
            external: (id) => packageDependencies.test(id),
            plugins: [dts({ dtsInput: true, emitDtsOnly: true, tsconfig: false })],
          });
          await bundle.write({ dir: outDir, format: 'es' });
          await bundle.close();
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      // Hand-written declarations (those for a package this project does not install) go in as written.
      for (const file of copied) copyFileSync(join(root, file), join(outDir, relative(sourceRoot, join(root, file))));
      // `import 'leverage-lens/style.css'` type-checks without a *.css declaration in the consumer's project.
      writeFileSync(join(outDir, 'style.css.d.ts'), '// The stylesheet has no exports; this file lets TypeScript resolve its import.\nexport {};\n');
    },
  };
}

/**
 * recharts computes its tick values with decimal.js-light, a subset of decimal.js with the same API; bundles
 * that already carry decimal.js for the model use it for both (about 5 KB gzip less). recharts only uses the
 * default context, and the model works on its own clone, so neither sees the other's settings.
 * The page's first chunk has no recharts (the equity chart draws its own frame); this and scalesInUse trim the
 * lazily loaded charts' chunk and, above all, the element, which bundles everything in one file: without both it
 * measured 258.1 KB gzip against its 260 KB budget (docs/decisions/equity-chart.md).
 */
const sharedDecimal = { alias: [{ find: /^decimal\.js-light$/, replacement: 'decimal.js' }] };

/**
 * recharts looks its scales up by name in the whole of d3-scale (`import * as`), which keeps the time scales, their
 * calendars and locale formats in the bundle (about 5 KB gzip) although every axis here is numeric ('linear') or,
 * in principle, categorical ('band', 'point'). Bundles that carry recharts get a d3-scale with those three. A chart
 * that asked for another scale by name would get none, and recharts falls back to 'point' for unknown names.
 */
function scalesInUse(): Plugin {
  const subset = fileURLToPath(new URL('src/vendor/d3-scale.ts', import.meta.url));
  return {
    name: 'leverage-lens:d3-scale-in-use',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'victory-vendor/d3-scale' && importer !== subset ? subset : null;
    },
  };
}

const packageDependencies = /^(react|react-dom|recharts|zustand|decimal\.js)(\/|$)/;

function elementBuild(): UserConfig {
  return {
    plugins: [react(), dropCss(), scalesInUse()],
    resolve: sharedDecimal,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // Relative URLs: the element's lazily loaded parts are found beside leverage-lens.js wherever it is hosted.
    base: './',
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      copyPublicDir: false,
      sourcemap: false,
      // React and the rest are bundled in (no import map or bundler needed). What the first render does not need —
      // recharts for the amplification and holding-period charts, the price path, the toolbox's charts — loads in
      // leverage-lens-*.js chunks beside it when a reader opens them (the compact default never does), so a docs page
      // pays for the picture it shows.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: {
        input: ELEMENT_SOURCE,
        output: { entryFileNames: 'leverage-lens.js', chunkFileNames: 'leverage-lens-[name]-[hash].js' },
      },
    },
  };
}

function libraryBuild(): UserConfig {
  return {
    plugins: [react(), declarations([LIBRARY_SOURCE, MODEL_SOURCE, ELEMENT_SOURCE, 'src/embed/jsx-react.ts', 'src/embed/attributes.ts'], ['src/embed/jsx-vue.d.ts'])],
    build: {
      target: 'es2022',
      outDir: 'dist-lib',
      emptyOutDir: true,
      copyPublicDir: false,
      sourcemap: true,
      lib: { entry: { index: LIBRARY_SOURCE, model: MODEL_SOURCE }, formats: ['es'], fileName: (_format, name) => `${name}.js`, cssFileName: 'style' },
      rolldownOptions: {
        external: (id) => packageDependencies.test(id),
        // Library mode keeps whitespace by default; it is removed here while the /* @__PURE__ */ annotations that
        // let the consumer's bundler drop unused parts stay (comments.annotation is on for library ES output).
        // Two shared files and no others: the model (what both entries need; model.js re-exports it and loads
        // nothing else) and the widget, with the lazily loaded charts inlined: separate chunks would add their
        // cross-import lists to the package (about 2 KB gzip), and the consumer's bundler splits its own app anyway.
        // The model entry's own module goes with the model: in the widget's file, model.js would load the widget.
        output: {
          minify: { codegen: { removeWhitespace: true } },
          chunkFileNames: '[name].js',
          codeSplitting: {
            groups: [
              { name: 'model-core', test: /\/src\/(model\/|embed\/model\.ts$)/, priority: 2 },
              { name: 'widget', test: /\/src\//, priority: 1 },
            ],
          },
        },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'element') return elementBuild();
  if (mode === 'lib') return libraryBuild();
  return {
    plugins: [react(), embedPages(), scalesInUse()],
    resolve: sharedDecimal,
    build: {
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: { input: { index: 'index.html', embed: EMBED_PAGE_SOURCE } },
      manifest: true,
    },
    test: {
      // One worker per core (vitest's default leaves one core free, which on a 2-core CI machine ran every file in
      // turn). All three projects share the workers: vitest queues the browser files first (projects in name order),
      // so the longest chain starts at once and the node and jsdom files fill the other core.
      maxWorkers: '100%',
      projects: [
        {
          extends: true,
          test: {
            name: 'model',
            // Every plain .ts test runs without a DOM (model, config, view, chart plans, lint rules, theme, sync); a test
            // that renders is a .tsx file and lands in 'ui'; the real-browser suites have their own project.
            include: ['test/**/*.test.ts'],
            exclude: ['test/browser/**', '**/node_modules/**', '**/.git/**'],
            environment: 'node',
            // Pure tests share each worker's module cache (the model, decimal.js, fast-check load once per worker,
            // not once per file); none of them keeps state in a module or stubs a global it does not restore.
            isolate: false,
            // A property of ~1,000 runs (test/property-runs.ts) takes a few seconds; a machine shared with other work can stretch that tenfold.
            testTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'ui',
            include: ['test/**/*.test.tsx'],
            environment: 'jsdom',
            setupFiles: ['test/setup-dom.ts'],
            // Rendering suites share each worker's module cache too (React, recharts, the widget load once per worker):
            // 120 → 51 CPU seconds and 63 → 28 s for 217 tests, passing in three shuffled orders. Each test's tree is
            // unmounted by testing-library's cleanup and each widget has its own store, so no state crosses files.
            isolate: false,
            // jsdom renders of full recharts trees are slow on 2 cores when files run side by side.
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['test/browser/**/*.test.ts'],
            environment: 'node',
            // The suites share each worker's module cache: playwright-core, the helpers and the model load once per
            // worker (measured 26.4 → 20.4 CPU seconds for four suites). Each suite still opens its own browser context.
            isolate: false,
            globalSetup: ['test/browser/global-setup.ts'],
            // Two browser files may run side by side with the other projects' files on 2 cores: an axe pass over the
            // whole page took over 60 s on a machine also running other people's suites (load average ~28).
            testTimeout: 120_000,
            hookTimeout: 180_000,
            // What the page does a task or a frame later (a resized iframe, a redrawn marker) can take more than the
            // default second while the other worker runs a build: polls wait up to 15 s, and still fail when it never comes.
            expect: { poll: { timeout: 15_000 } },
            // No fileParallelism: false here: vitest runs such a project on its own, after every other file, with the
            // second core idle. The suites share one Chromium (global-setup.ts), each in fresh contexts of its own.
          },
        },
      ],
    },
  };
});
