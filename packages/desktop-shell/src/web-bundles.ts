import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

// What each device's window loads from a web app's vite build (apps/<app>/dist/.vite/): vite's
// manifest gives the chunks each entry imports statically; `chunkModules()`, a plugin in the
// app's vite.config.ts, writes which source modules each chunk holds. The apps' bundle tests
// check them, and `npx tsx packages/desktop-shell/src/web-bundles.ts
// apps/counter/dist src/pad/PadApp.tsx …` prints each screen's size (docs/benchmarks.md, "One bundle per
// device"). Typed structurally: this package does not depend on vite.

const MODULES = '.vite/chunk-modules.json';

/** Vite's default chunk size warning limit: no chunk of ours may pass it. */
export const CHUNK_LIMIT_BYTES = 500 * 1000;

/** The built JavaScript chunks over `limit` bytes, as `file: size bytes`. */
export function chunksOver(distDir: string, limit = CHUNK_LIMIT_BYTES): string[] {
  const assets = join(distDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, size: statSync(join(assets, f)).size }))
    .filter(({ size }) => size > limit)
    .map(({ f, size }) => `${f}: ${size} bytes`);
}

interface OutputChunk {
  type: string;
  fileName: string;
  moduleIds?: string[];
}

/** vite plugin: writes `.vite/chunk-modules.json`, chunk file → its modules (relative ids). */
export function chunkModules() {
  let root = '';
  return {
    name: 'onestop-chunk-modules',
    apply: 'build' as const,
    configResolved(config: { root: string }) {
      root = config.root;
    },
    writeBundle(options: { dir?: string }, bundle: Record<string, OutputChunk>) {
      const chunks: Record<string, string[]> = {};
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks[out.fileName] = (out.moduleIds ?? []).map((id) =>
          isAbsolute(id) ? relative(root, id).replaceAll('\\', '/') : id,
        );
      }
      const file = join(options.dir ?? join(root, 'dist'), MODULES);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, JSON.stringify(chunks, null, 1));
    },
  };
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
}

export interface DeviceBundle {
  /** The files loaded (JS and CSS), relative to dist/. */
  files: string[];
  /** The source modules in them, relative to the app's root (`src/…`, `../../node_modules/…`). */
  modules: string[];
  bytes: number;
  gzip: number;
}

/** A build's own JSON file (vite's manifest, the module list), trusted as its writer wrote it. */
function readJson<T>(file: string): T {
  const parsed: T = JSON.parse(readFileSync(file, 'utf8'));
  return parsed;
}

/**
 * What a device loads before its screen shows: the page's entry and the screen's chunk
 * (`screen`, its source path as in the manifest, e.g. `src/pad/PadApp.tsx`), each with every
 * chunk it imports statically. Chunks it may import later (`import()`) are not counted.
 */
export function deviceBundle(distDir: string, screen: string): DeviceBundle {
  const manifest = readJson<Record<string, ManifestChunk>>(join(distDir, '.vite/manifest.json'));
  const modules = readJson<Record<string, string[]>>(join(distDir, MODULES));
  if (!manifest[screen]?.isDynamicEntry && !manifest[screen]?.isEntry) {
    throw new Error(`${screen} is not a chunk of its own in ${distDir}`);
  }
  const chunks = new Map<string, ManifestChunk>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || chunks.has(key)) return;
    chunks.set(key, chunk);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit('index.html');
  visit(screen);
  const files = [
    ...new Set([...chunks.values()].flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])])),
  ].sort();
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    bytes += content.length;
    gzip += gzipSync(content).length;
  }
  const moduleIds = [...chunks.values()].flatMap((chunk) => modules[chunk.file] ?? []);
  return { files, modules: moduleIds, bytes, gzip };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dist, ...screens] = process.argv.slice(2);
  if (!dist || screens.length === 0) {
    console.error('usage: npx tsx packages/desktop-shell/src/web-bundles.ts <dist dir> <screen>…');
    process.exit(2);
  }
  const kb = (n: number) => (n / 1000).toFixed(1).padStart(9);
  const width = Math.max(...screens.map((s) => s.length)) + 2;
  console.log(`${'screen'.padEnd(width)}       kB  gzip kB`);
  for (const screen of screens) {
    const b = deviceBundle(dist, screen);
    console.log(`${screen.padEnd(width)}${kb(b.bytes)}${kb(b.gzip)}`);
  }
}

/**
 * Vitest runs with NODE_ENV=test, which vite would build React's development code with; the
 * hall server (and `npm start` after a test run) serves this dist, so it is built as for
 * production.
 */
export async function productionBuild<T>(run: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    process.env.NODE_ENV = before;
  }
}
