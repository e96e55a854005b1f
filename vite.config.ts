import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/** A TypeScript module of the app's client or of the domain it shares with the server. */
const APP_MODULE = /\/src\/(client|domain)\/.+\.tsx?$/;

export default defineConfig({
  root: 'src/client',
  publicDir: '../../public',
  build: {
    outDir: '../../dist',
    emptyOutDir: true,
    sourcemap: true,
    // The app's own modules act on nothing when imported: they declare functions, components and
    // zod schemas; only the entry (main.tsx) and the style sheets do something on import
    // (tests/lint/side-effect-imports.test.ts keeps it so; tests/e2e/built-effects.test.ts checks
    // in a build that the few top-level statements that act, i18n's set-up and the vault caches'
    // key listeners, are still there). Rolldown cannot prove a top-level `z.object(...)` pure, so
    // without this a module none of whose exports the first screen uses (reached through the
    // client/data barrel) still lands in the first load (issue 15).
    // A screen's chunk imports its shared chunks itself; listing them beside each dynamic import
    // (so they are fetched in parallel) put the file names of every screen's dependencies into
    // the first load (~2 KB gzipped, issue 15). The precache serves them, and preloadScreens
    // fetches every screen once the board is up. The style sheets stay: a lazy screen's CSS is
    // only ever loaded through this list.
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css'))),
    },
    rolldownOptions: {
      // Every module the entry imports statically goes into one chunk with it. Left to itself,
      // rolldown cut the first load into 23 files along the lines the lazy screens share, and an
      // offline cold start paid for each: a preload, a fetch through the service worker, a module
      // to instantiate (issue 15: 1.8 s against 2.2 s to the ward board, CPU slowed 4x). The bytes
      // are the same modules; the lazy screens import what they share with it from it.
      output: { codeSplitting: { groups: [{ name: 'first-load', tags: ['$initial'] }] } },
      treeshake: { moduleSideEffects: (id: string) => !APP_MODULE.test(id) || id.endsWith('/main.tsx') },
    },
  },
  // wouter reaches React's useSyncExternalStore through the shim package written for React 17;
  // React 19 has it, and the shim's CommonJS wrapper was on the first load for nothing.
  resolve: { alias: [{ find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'react' }] },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Relève — continuité des soins en mode dégradé',
        short_name: 'Relève',
        description: 'Dossier de soins hors ligne pour les périodes de panne informatique.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b4f6c',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The QR decoder's .wasm too, so scanning a sheet works offline.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest,wasm}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
