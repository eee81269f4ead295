import { describe, expect, it } from 'vitest';
import { indicesOf, readBuilt } from './built-output';

/** Static checks of the built, sandboxed preload() (out/preload/index.cjs). */
/** Read per test (cached), so a missing build fails every test with its message. */
const preload = (): string => readBuilt('out/preload/index.cjs');

describe('preload', () => {
  it('is one file that needs nothing but electron at run time (a sandboxed preload() cannot require)', () => {
    const required = [...preload().matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes exactly one object, window.bibblan, built from the contract', () => {
    const exposes = indicesOf(preload(), 'exposeInMainWorld(');
    expect(exposes).toHaveLength(1);
    const call = /contextBridge\.exposeInMainWorld\("bibblan",\s*(\w+)\)/.exec(preload());
    expect(call).not.toBeNull();
    expect(preload()).toMatch(new RegExp(`(var|let|const) ${call?.[1]} = buildApi\\(`));
  });

  it('never hands ipcRenderer itself (or send/sendSync) to the page', () => {
    const uses = [...preload().matchAll(/ipcRenderer\b(\.\w+)?/g)].map((m) => m[1] ?? '(bare)');
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(['.invoke', '.on', '.removeListener']).toContain(use);
    expect(preload()).toMatch(/ipcRenderer\.invoke\(requestChannel\(/);
    expect(preload()).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('passes only the payload to page listeners, never the IPC event (its sender is ipcRenderer)', () => {
    expect(preload()).toMatch(/\(_?\w+,\s*(\w+)\)\s*=>\s*listener\(\1\)/);
    expect(preload()).toMatch(/removeListener\(/);
  });
});
