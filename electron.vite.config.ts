import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const fromRoot = (path: string): string => resolve(import.meta.dirname, path);

// Explicit inputs for the three builds. The renderer uses a relative base so that one build
// serves both the Electron shell (app://partner-desk/) and web mode (the service's /app/).
export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      rollupOptions: { input: { index: fromRoot('src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      // The sandboxed preload cannot load ES modules or anything but electron: one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: fromRoot('src-main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: fromRoot('src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: fromRoot('out/renderer'),
      minify: true,
      rollupOptions: { input: { index: fromRoot('src-renderer/index.html') } },
    },
  },
});
