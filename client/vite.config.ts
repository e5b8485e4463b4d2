// Vite build and dev server for the browser client: root is client/, output client/dist, API and websocket proxied in dev.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const shared = fileURLToPath(new URL('../shared/src', import.meta.url));
const backend = 'http://localhost:8080';
const sharedZod = fileURLToPath(new URL('../shared/src/model/zod.ts', import.meta.url));
const zodLite = fileURLToPath(new URL('../shared/src/model/zodLite.ts', import.meta.url));
const boardPage = fileURLToPath(new URL('./src/board/BoardPage.tsx', import.meta.url));
const connectedBoard = fileURLToPath(new URL('./src/app/ConnectedBoard.tsx', import.meta.url));

/**
 * The browser reads records with zodLite.ts, a small interpreter of the same schema declarations (zod is about 11 KiB
 * of a phone's first load); tests/unit/model/zodLite.test.ts keeps its answers equal to zod's.
 */
function browserZod(): Plugin {
  return {
    name: 'scopeboard:browser-zod',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('zod.ts')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === sharedZod ? zodLite : null;
    },
  };
}

/** The modules of the connected board's chunk (filled in when the module graph is complete). */
const connectedModules = new Set<string>();

/**
 * Finds what ConnectedBoard.tsx statically needs beyond what the join screen has already loaded (the entry and
 * BoardPage.tsx). Left to itself the bundler cuts that into a chunk per set of importers (Yjs, the hooks the lazy
 * panels share, ...), but the lazy panels only ever load after the connected board: one chunk saves a phone's first
 * load the extra files and the import and export lists between them.
 */
function connectedChunk(): Plugin {
  return {
    name: 'scopeboard:connected-chunk',
    apply: 'build',
    buildEnd() {
      const staticClosure = (from: string, loaded: ReadonlySet<string>) => {
        const found = new Set<string>();
        const todo = [from];
        for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
          if (found.has(id) || loaded.has(id)) continue;
          found.add(id);
          todo.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return found;
      };
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const loaded = new Set([...entries, boardPage].flatMap((id) => [...staticClosure(id, new Set())]));
      connectedModules.clear();
      for (const id of staticClosure(connectedBoard, loaded)) connectedModules.add(id);
    },
  };
}

export default defineConfig({
  root,
  plugins: [browserZod(), connectedChunk(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages and views are split with React.lazy (a phone never downloads Konva); the canvas chunk is the big one.
    chunkSizeWarningLimit: 450,
    // .vite/manifest.json maps each source module to its chunks: bench/bundleSize.ts reads it to size each view.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The schemas, zod and the API client in one chunk: every page needs them, and split into a chunk per
          // importer set they cost each view several more files (and their gzip overhead).
          // The few shared modules the start page uses too go with them, so the start page never loads the board.
          groups: [
            {
              name: 'model',
              priority: 1,
              test: /\/(shared\/src\/(model|api)\/|shared\/src\/(import\/earlierSessions|phases\/planPhases)\.ts$|node_modules\/zod\/|client\/src\/app\/(storage|http|api)\.ts)/,
            },
            // Only the modules found above: their dependencies are either among them or already loaded.
            {
              name: 'ConnectedBoard',
              test: (id) => connectedModules.has(id),
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/ws': { target: backend, ws: true },
    },
  },
  // One Yjs copy in the bundle: two copies break sync silently (see docs/architecture.md).
  // `@shared/...` is shared/src/..., as in the tsconfig files.
  // lib0/logging is Yjs' warning printer; its browser build styles the console with lib0/dom (see yjsLogging.ts).
  resolve: {
    dedupe: ['yjs', 'y-protocols', 'lib0'],
    alias: [
      { find: '@shared', replacement: shared },
      { find: /^lib0\/logging$/, replacement: fileURLToPath(new URL('./src/app/yjsLogging.ts', import.meta.url)) },
    ],
  },
});
