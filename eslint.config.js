// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibraries = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'recharts'];

/** Numbers on screen follow each widget's `locale` and `currency`: the bare format functions would use the browser's. */
const localeBlindFormatters = {
  group: ['**/config/format', '**/config/format.ts'],
  importNames: ['formatPrice', 'formatMoney', 'formatPercent', 'formatTimes', 'formatNumber'],
  message: "Numbers follow the widget's locale and currency: use useFormatter() in components, or take a `format: Formatter` parameter in helpers.",
};

/**
 * Imports flow one way: model → config → view → store → chart/ui → app/embed. A feature folder (src/toolbox/) keeps its
 * parts together in sub-folders named after their layer (chart/, ui/), each under that layer's rule: the zones' folder
 * patterns (any path segment named ui or chart) then keep them apart too. `extraPatterns` are further patterns for these files.
 */
const layer = (files, forbiddenFolders, forbiddenPackages = [], extraPatterns = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: forbiddenPackages.map((name) => ({ name, message: `${files[0]} must stay free of ${name}.` })),
        patterns: [
          ...forbiddenFolders.map((folder) => ({
            group: [`**/${folder}`, `**/${folder}/**`],
            message: `Imports flow one way (model → config → view → store → chart/ui → app/embed); ${files[0]} cannot import from ${folder}/.`,
          })),
          ...(forbiddenPackages.length > 0
            ? [{ group: forbiddenPackages.filter((name) => name.endsWith('/*')), message: 'UI libraries are not allowed here.' }]
            : []),
          ...extraPatterns,
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-lib', 'node_modules', 'test-results', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  layer(['src/model/**'], ['config', 'view', 'store', 'chart', 'ui', 'app', 'embed'], uiLibraries),
  layer(['src/config/**'], ['view', 'store', 'chart', 'ui', 'app', 'embed'], uiLibraries),
  layer(['src/view/**'], ['store', 'chart', 'ui', 'app', 'embed'], uiLibraries),
  layer(['src/store/**'], ['chart', 'ui', 'app', 'embed']),
  layer(['src/chart/**', 'src/toolbox/chart/**'], ['ui', 'app', 'embed'], [], [localeBlindFormatters]),
  layer(['src/ui/**', 'src/toolbox/ui/**'], ['chart', 'app', 'embed'], [], [localeBlindFormatters]),
  layer(['src/app/**'], ['embed'], [], [localeBlindFormatters]),
  layer(['src/embed/**'], [], [], [localeBlindFormatters]),
  {
    // The bundles carry only the d3 scales recharts picks for numeric and categorical axes (vite.config.ts, scalesInUse).
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='scale']:not([value.value=/^(auto|linear|band|point)$/])",
          message: "Charts use the 'linear', 'band' or 'point' scale: the bundles carry only those (see scalesInUse in vite.config.ts).",
        },
      ],
    },
  },
);
