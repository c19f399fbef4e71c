import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The module contract (docs/modules.md): a server module is reached from outside only through its public
 * face, `server/<module>/index.ts`; tests, benchmarks and the scripts may also use its `testing.ts`.
 * The web app reads from the server only dependency-free files (`*-view.ts`).
 */
const MODULES = ['identity', 'reference', 'seizures', 'national', 'comm', 'screening', 'osint', 'alerts', 'desk'];

const face = (others, testing) =>
  others.map((m) => ({
    group: [`**/${m}/*`, `!**/${m}/index.ts`, ...(testing ? [`!**/${m}/testing.ts`] : [])],
    message: `Use the public face of the ${m} module (${m}/index.ts${testing ? ` or ${m}/testing.ts` : ''}); see docs/modules.md.`,
  }));

// Tests and their helpers.
const TEST_FILES = ['**/*.test.ts', '**/test-*.ts', '**/testing.ts'];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const boundaries = [
  // Each module reaches the others through their faces only.
  ...MODULES.flatMap((m) => {
    const others = MODULES.filter((o) => o !== m);
    return [
      { files: [`server/${m}/**/*.ts`], ignores: TEST_FILES, rules: restrict(face(others, false)) },
      { files: TEST_FILES.map((t) => `server/${m}/${t}`), rules: restrict(face(others, true)) },
    ];
  }),
  // The composition root (app, command line, demo) builds modules from their faces.
  { files: ['server/*.ts', 'server/demo/**/*.ts', 'server/maintenance/**/*.ts'], ignores: ['**/*.test.ts'], rules: restrict(face(MODULES, false)) },
  { files: ['server/*.test.ts', 'server/demo/**/*.test.ts', 'server/platform/**/*.test.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts'], rules: restrict(face(MODULES, true)) },
  // The platform is below every module: it imports none of them.
  {
    files: ['server/platform/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(MODULES.map((m) => ({ group: [`**/${m}/*`], message: 'The platform must not depend on a module; move the code into the module or pass it in.' }))),
  },
  // The browser bundle takes from the server only dependency-free files.
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: restrict([
      {
        group: ['**/server/*.ts', '**/server/*/*.ts', '**/server/*/*/**', '!**/server/*/*-view.ts', '!**/server/*/*/*-view.ts', '!**/server/seizures/vocabulary.ts', '!**/server/screening/problem-codes.ts', '!**/server/platform/csv-cell.ts'],
        message: 'The web app imports from the server only dependency-free view files (server/<module>/*-view.ts, or in a part folder).',
      },
    ]),
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'scratch', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
);
