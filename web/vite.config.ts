import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is served by the API at /console under a strict CSP: every asset is a file of our own
// origin (nothing inlined as data: URLs, no inline scripts), hashed names so they cache forever.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
    target: 'es2022',
  },
});
