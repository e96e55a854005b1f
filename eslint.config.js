// ESLint, run first by `npm test`. Three jobs:
// - TypeScript and React hooks mistakes (typescript-eslint, react-hooks);
// - the layers of docs/architecture.md, as boundaries rules: who may import whom;
// - size: no file over 300 lines in src, no function over 80 lines in src/client.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The layers, from the file's path. The first descriptor that matches wins. */
const LAYERS = [
  ['domain', 'src/domain'],
  ['client-app', 'src/client/app'],
  ['client-features', 'src/client/features'],
  ['client-data', 'src/client/data'],
  ['client-db', 'src/client/db'],
  ['client-sync', 'src/client/sync'],
  ['client-pwa', 'src/client/pwa'],
  ['client-ui', 'src/client/ui'],
  ['client-i18n', 'src/client/i18n'],
  ['client-styles', 'src/client/styles'],
  ['client', 'src/client'], // main.tsx, the entry
  ['server', 'src/server'],
];

const layer = (type) => ({ element: { type } });
const only = (from, to) => ({ from: layer(from), allow: { to: to.map(layer) } });

/** Who may import whom. Whatever is not allowed here is refused. */
const LAYER_POLICIES = [
  only('domain', ['domain']),
  // Screens reach data through client/data only: never Dexie (db), the sync loop or the shell (app).
  only('client-features', ['domain', 'client-features', 'client-data', 'client-ui', 'client-i18n', 'client-styles']),
  // Shared widgets know nothing of the data.
  only('client-ui', ['domain', 'client-ui', 'client-i18n']),
  only('client-data', ['domain', 'client-data', 'client-db', 'client-sync', 'client-pwa', 'client-i18n']),
  only('client-sync', ['domain', 'client-sync', 'client-db']),
  only('client-db', ['domain', 'client-db']),
  only('client-pwa', ['client-pwa']),
  only('client-i18n', ['client-i18n']),
  only('client-app', ['domain', 'client-app', 'client-features', 'client-data', 'client-ui', 'client-i18n', 'client-styles']),
  only('client', ['client-app', 'client-data', 'client-ui', 'client-i18n', 'client-styles']),
  // Client and server share only the domain.
  only('server', ['domain', 'server']),
  // Packages: anyone but the domain; the domain runs unchanged in the browser and in Node, so it
  // gets these three and nothing else (no Node built-ins, no DOM libraries, no React).
  { from: { element: { type: '!domain' } }, allow: { to: { module: { origin: ['external', 'core'] } } } },
  { from: layer('domain'), allow: { to: { module: { origin: 'external', source: ['zod', 'uuid', 'canonicalize', 'fhirpath', 'fhirpath/fhir-context/r4', '@lhncbc/ucum-lhc'] } } } },
];

export const layerRules = {
  plugins: { boundaries },
  settings: {
    'boundaries/elements': LAYERS.map(([type, pattern]) => ({ type, pattern, partialMatch: false })),
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
  },
  rules: {
    'boundaries/dependencies': ['error', { default: 'disallow', checkAllOrigins: true, policies: LAYER_POLICIES }],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-server/**', 'build/**', 'node_modules/**', 'public/**', '.tmp/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Scripts run in Node.
  { files: ['scripts/**/*.mjs', '*.config.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } } },
  // React's rules where React is: the client.
  { files: ['src/client/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  { files: ['src/**/*.{ts,tsx}'], ...layerRules },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }] },
  },
);
