import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * index.html's one script (src/first-view/entry.ts) imports the application (src/main.tsx)
 * once the first view allows (the import preloads its files then). Its stylesheets go in the
 * page all the same, as ordinary render-blocking links as for a page's own entry: the first
 * view is drawn with them, and the page is never shown unstyled.
 */
function applicationStyles(): Plugin {
  return {
    name: 'anjian-application-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const main = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/main.tsx'));
        if (!main || main.type !== 'chunk') throw new Error('the build has no chunk for src/main.tsx');
        const seen = new Set<string>();
        const styles = new Set<string>();
        // (index.html's own entry, which main.tsx shares a few modules with, is there already.)
        const visit = (name: string) => {
          const chunk = bundle[name];
          if (!chunk || chunk.type !== 'chunk' || chunk.isEntry || seen.has(name)) return;
          seen.add(name);
          for (const file of chunk.viteMetadata?.importedCss ?? []) styles.add(file);
          chunk.imports.forEach(visit);
        };
        visit(main.fileName);
        return [...styles].map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${href}` }, injectTo: 'head' as const }));
      },
    },
  };
}

// The web app compiles the shared domain package from source, so contracts never go stale
// between a server build and a web build.
export default defineConfig({
  plugins: [react(), applicationStyles()],
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
    // Every browser the platform supports preloads modules itself; the polyfill would be sent
    // with the page's first script to all of them.
    modulePreload: { polyfill: false },
    emptyOutDir: true,
    // antd alone is larger than the default warning threshold; pages are split by route.
    chunkSizeWarningLimit: 1500,
  },
});
