import { defineConfig } from 'vitest/config';
import type { Plugin, UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

/*
 * Build modes (all from this one config, so the top level stays small):
 *   vite build                  the standalone page (index.html) and the iframe page (embed.html) into dist/
 *   vite build --mode element   the <leverage-lens> custom element: one self-contained ES module, dist/leverage-lens.js
 *   vite build --mode lib       the npm package: dist-lib/index.js + dist-lib/style.css, dependencies external
 */

const EMBED_PAGE_SOURCE = 'src/embed/embed.html';
const ELEMENT_SOURCE = '/src/embed/element.tsx';

/** Serves and emits the iframe page at /embed.html, and the element script at /leverage-lens.js under `vite` (dev). */
function embedPages(): Plugin {
  return {
      name: 'leverage-lens:embed-pages',
      enforce: 'post',
      configureServer(server) {
        server.middlewares.use((request, _response, next) => {
          const url = request.url ?? '';
          if (url === '/embed.html' || url.startsWith('/embed.html?')) request.url = `/${EMBED_PAGE_SOURCE}${url.slice('/embed.html'.length)}`;
          else if (url === '/leverage-lens.js') request.url = ELEMENT_SOURCE;
          next();
        });
      },
      generateBundle(_options, bundle) {
        const page = bundle[EMBED_PAGE_SOURCE];
        if (page === undefined || page.type !== 'asset') return;
        delete bundle[EMBED_PAGE_SOURCE];
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
        for (const name of Object.keys(bundle)) if (name.endsWith('.css')) delete bundle[name];
      },
    };
  }

  const packageDependencies = /^(react|react-dom|recharts|zustand|decimal\.js)(\/|$)/;

  function elementBuild(): UserConfig {
    return {
      plugins: [react(), dropCss()],
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        target: 'es2022',
        outDir: 'dist',
        emptyOutDir: false,
        copyPublicDir: false,
        sourcemap: false,
        rolldownOptions: {
          input: ELEMENT_SOURCE.slice(1),
          output: { entryFileNames: 'leverage-lens.js', codeSplitting: false },
        },
      },
    };
  }

  function libraryBuild(): UserConfig {
    return {
      plugins: [react()],
      build: {
        target: 'es2022',
        outDir: 'dist-lib',
        emptyOutDir: true,
        copyPublicDir: false,
        sourcemap: true,
        lib: { entry: 'src/embed/lib.ts', formats: ['es'], fileName: () => 'index.js', cssFileName: 'style' },
        rolldownOptions: { external: (id) => packageDependencies.test(id) },
      },
    };
  }

  export default defineConfig(({ mode }) => {
    if (mode === 'element') return elementBuild();
    if (mode === 'lib') return libraryBuild();
    return {
    plugins: [react(), embedPages()],
    build: {
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: { input: { index: 'index.html', embed: EMBED_PAGE_SOURCE } },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'model',
            include: ['test/model/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/config/**/*.test.ts', 'test/chart/**/*.test.ts', 'test/store/**/*.test.ts'],
            environment: 'node',
            // Property tests run 10,000 cases each under CI=true.
            testTimeout: 180_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'ui',
            include: ['test/ui/**/*.test.tsx', 'test/app/**/*.test.tsx', 'test/embed/**/*.test.ts?(x)'],
            environment: 'jsdom',
            setupFiles: ['test/setup-dom.ts'],
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
            globalSetup: ['test/browser/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
