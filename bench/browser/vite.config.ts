// The bench's own pages, built apart from the app (never shipped): the tablet's write and apply
// paths run in Chromium against raw Dexie, and the floor page (React 19 + Dexie +
// workbox-window, nothing else) sets the bundle and cold-start baselines.
import { join } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export const BENCH_PAGES_DIR = join(import.meta.dirname, '..', '..', '.tmp', 'bench-browser');

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    outDir: BENCH_PAGES_DIR,
    emptyOutDir: true,
    // A CPU profile (BENCH_PROFILE) names the app's functions; the byte counts need the minified build.
    minify: !process.env.BENCH_PROFILE,
    sourcemap: !!process.env.BENCH_PROFILE,
    rolldownOptions: { input: { floor: join(import.meta.dirname, 'floor.html'), tablet: join(import.meta.dirname, 'tablet.html') } },
  },
  plugins: [
    react(),
    // The floor works offline the way the app does: a precaching service worker.
    VitePWA({ registerType: 'prompt', injectRegister: false, manifest: false, workbox: { globPatterns: ['**/*.{js,css,html}'], navigateFallback: null } }),
  ],
});
