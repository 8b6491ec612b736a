import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

/** Builds a harness page (real db and engine code, the sync worker bundled) into a temp dir. */
export async function buildHarness(dir: 'harness' | 'bench-page'): Promise<string> {
  const root = path.resolve('test/e2e/client', dir === 'harness' ? 'harness' : '../../bench/client/page');
  const outDir = mkdtempSync(path.join(tmpdir(), `pd-${dir}-`));
  await build({
    root,
    base: './',
    logLevel: 'warn',
    configFile: false,
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, minify: false, target: 'es2022' },
  });
  return outDir;
}
