import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

// `npm test` and `npm run test:e2e` run `electron-vite build` before this project.
const outDir = path.resolve('out');

describe('electron-vite build output', () => {
  it('emits a CommonJS preload that requires nothing but electron and exposes the bridge', () => {
    const source = readFileSync(path.join(outDir, 'preload', 'index.cjs'), 'utf8');
    const required: string[] = [];
    const exposed: Record<string, unknown> = {};
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: () => Promise.resolve(), on: () => undefined, removeListener: () => undefined },
    };
    const sandboxRequire = (id: string): unknown => {
      required.push(id);
      if (id !== 'electron') throw new Error(`the preload required ${id}`);
      return fakeElectron;
    };
    const module = { exports: {} };

    // A sandboxed preload gets CommonJS `require` and no ES module loader: this must not throw.
    vm.runInNewContext(source, { require: sandboxRequire, module, exports: module.exports, console });

    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(exposed).toHaveProperty('partnerDesk');
  });

  it('emits the main process and the renderer entry', () => {
    const main = readFileSync(path.join(outDir, 'main', 'index.js'), 'utf8');
    expect(main).toContain('app://');
    const html = readFileSync(path.join(outDir, 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
  });
});
