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
    // zod/mini, as a namespace (`import * as z from 'zod/mini'`): its checks are functions
    // (`z.optional(x)`, `.check(z.minimum(0))`), so a bundler keeps only those the library uses. Classic
    // zod ('zod') hangs every method on every schema, and the core's browser bundle was 60 kB min+gzip
    // with it (npm run bench prints the bundle sizes; tests/architecture/zod-mini.test.ts checks the
    // bundles of every entry). The named `z` export holds all of zod/mini: not that either.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['zod', 'zod/v4', 'zod/v3', 'zod/v4-mini'].map((name) => ({ name, message: "import * as z from 'zod/mini' (classic zod's methods defeat tree-shaking in browser bundles)" })),
        patterns: [{ group: ['zod/v4/classic', 'zod/v4/classic/*', 'zod/v3/*'], message: "import * as z from 'zod/mini'" }],
      }],
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier[imported.name='z']", message: "import * as z from 'zod/mini' (the named z export defeats tree-shaking in browser bundles)" }],
    },
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
