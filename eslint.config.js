// ESLint: typescript-eslint's strict type-checked rules over the library, its scripts and tests.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'app/dist/', 'coverage/', 'reports/', 'docs/', '.stryker-tmp*/', 'node_modules/', 'out/', 'tmp/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    // Every .ts file (src, tests, scripts, examples and the root configs) is in tsconfig.json.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // TypeScript reports undefined names itself (typescript-eslint's advice for .ts files).
      'no-undef': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // process.env['NAME'] and other index-signature reads may keep the bracket form.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
    },
  },
  {
    // Plain JavaScript (eslint.config.js, .size-limit.mjs, stryker.config.mjs, examples/*.mjs) is outside
    // the TypeScript project: lint it without type information, with Node's globals declared.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-undef': 'error' },
  },
  {
    // The simulation's numeric core reads typed arrays and matrices at indices in range by
    // construction (a bin per score, a row per year, a column per source). noUncheckedIndexedAccess
    // types such a read as `number | undefined`; no-non-null-assertion forbids `x[i]!`, and a `?? 0`
    // would add a branch no input reaches (in the hot loops, one per read). These files write
    // `x[i] as number`, which this stylistic rule would turn into `!`. Everywhere else code is typed
    // so that it needs neither.
    files: ['src/simulation/{kernel,random,covariance,runChunks,summarize}.ts', 'src/simulation/world/*.ts'],
    rules: { '@typescript-eslint/non-nullable-type-assertion-style': 'off' },
  },
  {
    // zod as a namespace (`import * as z from 'zod'`): bundlers then keep only the parts used. The
    // named `z` export holds all of zod, and a browser bundle of the core grew by about 70 KB
    // gzipped with it (npm run bench prints the bundle sizes).
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "import * as z from 'zod' (the named z export defeats tree-shaking in browser bundles)" }] },
  },
  {
    // No function in the library over 80 lines. Every line counts, blank lines and comments too: the
    // limit is about how much a reader must hold at once, and a long comment inside a function is part
    // of that (move it to the doc comment above, or split the function). Tests are exempt: a table of
    // cases reads best in one piece.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test-data.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }] },
  },
  {
    files: ['**/*.test.ts', 'tests/**', 'scripts/**', 'examples/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // The deprecated aliases CHANGELOG.md lists: the entries re-export them, and one test file calls
    // them to show they still work. Anywhere else a use of a deprecated export is an error.
    files: ['src/**/index.ts', 'tests/api/deprecated.test.ts'],
    rules: { '@typescript-eslint/no-deprecated': 'off' },
  },
);
