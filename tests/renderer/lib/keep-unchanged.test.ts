import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../../src/renderer/lib/keep-unchanged';

describe('keepUnchanged', () => {
  const before = {
    programScene: 'A',
    scenes: [{ name: 'A' }, { name: 'B' }],
    inputs: [{ name: 'Mic', muted: false }],
    stream: { active: false },
  };

  it('keeps the identity of every part that did not change', () => {
    const after = keepUnchanged(before, JSON.parse(JSON.stringify({ ...before, programScene: 'B' })) as typeof before);
    expect(after.programScene).toBe('B');
    expect(after).not.toBe(before);
    expect(after.scenes).toBe(before.scenes);
    expect(after.inputs).toBe(before.inputs);
    expect(after.stream).toBe(before.stream);
  });

  it('returns the previous object when nothing changed at all', () => {
    expect(keepUnchanged(before, JSON.parse(JSON.stringify(before)) as typeof before)).toBe(before);
  });

  it('replaces what changed, down to the changed item', () => {
    const next = JSON.parse(JSON.stringify(before)) as typeof before;
    next.inputs[0]!.muted = true;
    next.scenes.push({ name: 'C' });
    const after = keepUnchanged(before, next);
    expect(after.inputs).not.toBe(before.inputs);
    expect(after.inputs[0]!.muted).toBe(true);
    expect(after.scenes).not.toBe(before.scenes);
    expect(after.scenes[0]).toBe(before.scenes[0]);
    expect(after.scenes.map((s) => s.name)).toEqual(['A', 'B', 'C']);
  });

  it('handles nulls, removed keys and type changes', () => {
    expect(keepUnchanged<unknown>({ a: 1 }, null)).toBeNull();
    expect(keepUnchanged<unknown>([1], { 0: 1 })).toEqual({ 0: 1 });
    expect(keepUnchanged<Record<string, number>>({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
  });
});
