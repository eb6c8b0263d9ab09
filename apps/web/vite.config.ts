import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app compiles the shared domain package from source, so contracts never go stale
// between a server build and a web build.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@anjian/domain', replacement: path.resolve(import.meta.dirname, '../../packages/domain/src/index.ts') },
      // zod without its `new Function` JIT, which the CSP forbids (src/shared/zod-jitless.ts).
      { find: /^zod$/, replacement: path.resolve(import.meta.dirname, 'src/shared/zod-jitless.ts') },
    ],
  },
  server: {
    proxy: {
      '/api': { target: process.env.ANJIAN_API ?? 'http://localhost:3100', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is larger than the default warning threshold; pages are split by route.
    chunkSizeWarningLimit: 1500,
  },
});
