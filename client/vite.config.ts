// Vite build and dev server for the browser client: root is client/, output client/dist, API and websocket proxied in dev.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { parseAst } from 'rolldown/parseAst';

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

/** lib0 modules the browser bundle takes from client/src/app instead (each file says why). */
const LIB0_STAND_INS: Record<string, string> = {
  // Yjs' warning printer; lib0's browser build styles the console with lib0/dom.
  logging: fileURLToPath(new URL('./src/app/yjsLogging.ts', import.meta.url)),
  environment: fileURLToPath(new URL('./src/app/yjsEnvironment.ts', import.meta.url)),
  broadcastchannel: fileURLToPath(new URL('./src/app/broadcastChannel.ts', import.meta.url)),
};

/** Resolves those lib0 modules to their stand-ins, imported by name (`lib0/environment`) or from inside lib0. */
function lib0StandIns(): Plugin {
  return {
    name: 'scopeboard:lib0-stand-ins',
    enforce: 'pre',
    resolveId(source, importer) {
      const named = /^lib0\/(\w+)$/.exec(source)?.[1];
      const inside = importer?.includes('/node_modules/lib0/') ? /^\.\/(\w+)\.js$/.exec(source)?.[1] : undefined;
      const name = named ?? inside;
      // Side-effect free, as lib0 declares its own modules: a page that imports none of their names loads none of them.
      if (name === undefined || !Object.hasOwn(LIB0_STAND_INS, name)) return null;
      return { id: LIB0_STAND_INS[name]!, moduleSideEffects: false };
    },
  };
}

interface AstNode {
  type: string;
  start: number;
  end: number;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Calls `visit` on every node below `value` (a node or an array of them), depth first. */
function walk(value: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(value)) return value.forEach((item) => walk(item, visit));
  if (!isNode(value)) return;
  visit(value);
  for (const child of Object.values(value)) if (typeof child === 'object') walk(child, visit);
}

/** Node kinds that read and build values but never call anything, so dropping them changes nothing. */
const INERT = new Set([
  'ObjectExpression',
  'Property',
  'ArrayExpression',
  'Identifier',
  'Literal',
  'TemplateLiteral',
  'TemplateElement',
  'UnaryExpression',
  'BinaryExpression',
]);

function isInert(node: AstNode): boolean {
  let inert = true;
  walk(node, (inner) => {
    if (!INERT.has(inner.type)) inert = false;
  });
  return inert;
}

/**
 * `withMeta(schema, { title, description, ... })` with its second argument removed: the JSON Schema's titles and
 * descriptions (about 0.5 KiB gzipped of every page's first load) that zodLite's withMeta ignores. Only a literal
 * argument made of inert nodes is removed, so no call and no side effect is dropped; nested calls are found too.
 * Exported for its unit test.
 */
export function stripSchemaMeta(code: string): string {
  const cuts: [number, number][] = [];
  walk(parseAst(code, { lang: 'ts' }), (node) => {
    const call = node as AstNode & { callee?: AstNode & { name?: string }; arguments?: AstNode[] };
    if (node.type !== 'CallExpression' || call.callee?.type !== 'Identifier' || call.callee.name !== 'withMeta') return;
    const [schema, meta] = call.arguments ?? [];
    if (schema && meta && call.arguments!.length === 2 && meta.type === 'ObjectExpression' && isInert(meta))
      cuts.push([schema.end, meta.end]);
  });
  // Blanked rather than cut, line breaks kept: every other character stays where it was, so source maps hold.
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return cuts.reduce((text, [from, to]) => text.slice(0, from) + blank(text.slice(from, to)) + text.slice(to), code);
}

/** Applies stripSchemaMeta to the shared schema modules of the browser build (zodLite stands in for zod there). */
function browserSchemaMeta(): Plugin {
  return {
    name: 'scopeboard:browser-schema-meta',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(shared) || !id.endsWith('.ts') || !code.includes('withMeta(')) return null;
      return { code: stripSchemaMeta(code), map: null };
    },
  };
}

/**
 * Yjs from its ES module sources (the same code its one-file build is made of, shipped in the package): a module goes
 * whole into one chunk, so with the one file every part any view uses rode in the phone's first load, the undo
 * manager (about 1 KiB gzipped) included. Side-effect free, as Yjs's package.json says of every file; so the index's
 * own statement, the console warning when a second copy of Yjs loads, is left out: one copy is this build's to keep
 * (one resolution here, `dedupe` below; tests/e2e/phoneBundle.test.ts counts the copies).
 */
const yjsSources = fs.realpathSync(fileURLToPath(new URL('../node_modules/yjs/src/index.js', import.meta.url)));

export function yjsFromSources(): Plugin {
  return {
    name: 'scopeboard:yjs-from-sources',
    enforce: 'pre',
    apply: 'build',
    resolveId: (source) => (source === 'yjs' ? { id: yjsSources, moduleSideEffects: false } : null),
  };
}

/**
 * Yjs's text, XML and array types and its contents other than maps, JSON values and deletions, as Yjs's internals.js
 * imports them: no board holds them, so the browser build takes client/src/app/yjsMapsOnly.ts instead (it says why).
 */
const YJS_ABSENT_MODULES = new Set([
  './types/YText.js',
  './types/YXmlText.js',
  './types/YXmlFragment.js',
  './types/YXmlElement.js',
  './types/YXmlHook.js',
  './types/YArray.js',
  './structs/ContentString.js',
  './structs/ContentFormat.js',
  './structs/ContentEmbed.js',
  './structs/ContentBinary.js',
  './structs/ContentJSON.js',
  './structs/ContentDoc.js',
]);
const yjsInternals = path.join(path.dirname(yjsSources), 'internals.js');
const yjsMapsOnlyModule = fileURLToPath(new URL('./src/app/yjsMapsOnly.ts', import.meta.url));

/** Resolves those modules to the stand-in (exported for its unit test, which builds Yjs with it). */
export function yjsMapsOnly(): Plugin {
  return {
    name: 'scopeboard:yjs-maps-only',
    enforce: 'pre',
    apply: 'build',
    resolveId: (source, importer) =>
      importer === yjsInternals && YJS_ABSENT_MODULES.has(source)
        ? { id: yjsMapsOnlyModule, moduleSideEffects: false }
        : null,
  };
}

/**
 * Modules reached from the connected board only through Yjs's index, whose users all load later: Yjs's undo manager
 * is used by the canvas's local undo alone (shared/src/ideas/localUndo.ts), so the bundler puts it with them.
 */
const LAZY_USERS_ONLY = ['/node_modules/yjs/src/utils/UndoManager.js'];

/** The modules of the connected board's chunk (filled in when the module graph is complete). */
const connectedModules = new Set<string>();
/** The modules of the board page's chunk beyond the entry's: the join screen, the early socket, the view choice. */
const boardPageModules = new Set<string>();

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
      const entryModules = new Set(entries.flatMap((id) => [...staticClosure(id, new Set())]));
      boardPageModules.clear();
      for (const id of staticClosure(boardPage, entryModules)) boardPageModules.add(id);
      const loaded = new Set([...entryModules, ...boardPageModules]);
      connectedModules.clear();
      for (const id of staticClosure(connectedBoard, loaded))
        if (!LAZY_USERS_ONLY.some((tail) => id.endsWith(tail))) connectedModules.add(id);
    },
  };
}

export default defineConfig({
  root,
  plugins: [
    browserZod(),
    yjsFromSources(),
    yjsMapsOnly(),
    lib0StandIns(),
    browserSchemaMeta(),
    connectedChunk(),
    react(),
  ],
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
            // Only the modules found above: their dependencies are either among them or already loaded. The board
            // page's own group keeps the modules it shares with the connected board (the view choice, the canvas
            // loader) in its chunk rather than in a small chunk of their own.
            {
              name: 'BoardPage',
              test: (id) => boardPageModules.has(id),
              includeDependenciesRecursively: false,
            },
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
  resolve: {
    dedupe: ['yjs', 'y-protocols', 'lib0'],
    alias: [{ find: '@shared', replacement: shared }],
  },
});
