/**
 * One pre-built bundle of the sweep thread's code (sweep-thread-main.ts and the engine), made with
 * esbuild (tsx's own dependency) and kept in node_modules/.cache/shardscape/. Why: a worker thread
 * does not inherit the main thread's tsx loader, and transpiling the engine's ~200 modules again in
 * each thread took ~3 s of CPU per thread, more than a 5-minute hot-key point (measured: 3.5 s to
 * the first answer, 0.3 s with the bundle). Faker is bundled, so only the locale it uses loads
 * (importing the package whole costs 0.6 s); QuickJS stays outside (it finds its .wasm file next to
 * its own module).
 *
 * The cache file's name carries a fingerprint of the sources (count, newest mtime, total size),
 * so an edited engine gets a new bundle. Any failure returns null: the caller falls back to tsx.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(SRC, '..');

function fingerprint(dir: string, acc = { n: 0, mtime: 0, size: 0 }) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) fingerprint(p, acc);
    else if (/\.(ts|mjs|json)$/.test(e.name) && !e.name.includes('.test.')) {
      const s = statSync(p);
      acc.n++;
      acc.mtime = Math.max(acc.mtime, s.mtimeMs);
      acc.size += s.size;
    }
  }
  return acc;
}

let built: Promise<URL | null> | null = null;

/** URL of the bundled thread entry (built once per process and source state), or null. */
export function sweepThreadBundle(): Promise<URL | null> {
  built ??= build().catch(() => null);
  return built;
}

async function build(): Promise<URL | null> {
  if (process.env.SHARDSCAPE_NO_BUNDLE) return null;
  const esbuild = await import('esbuild');
  const f = fingerprint(SRC);
  const key = createHash('sha1')
    .update(`${esbuild.version} ${f.n} ${f.mtime} ${f.size}`)
    .digest('hex')
    .slice(0, 12);
  const dir = join(ROOT, 'node_modules', '.cache', 'shardscape');
  const file = join(dir, `sweep-thread-${key}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const out = await esbuild.build({
      entryPoints: [join(SRC, 'worker', 'sweep-thread-main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      external: ['quickjs-emscripten-core', '@jitl/quickjs-wasmfile-release-sync'],
    });
    // Written under another name and renamed: two processes building at once never see half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, out.outputFiles[0].contents);
    renameSync(tmp, file);
  }
  return pathToFileURL(file);
}
