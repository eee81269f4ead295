import { describe, expect, it } from 'vitest';
import { changeSession, tickSession, type SessionLookups } from '../../../src/core/checklist/checklist-session';
import * as templates from '../../../src/core/checklist/checklist-templates';
import type { Session, Template } from '../../../src/shared/checklist/checklist-schema';
import { defaultTemplates } from '../../../src/shared/checklist/default-templates';
import { appError } from '../../../src/shared/errors';
import { fail, ok } from '../../../src/shared/result';

const session: Session = {
  programType: 'storytime',
  presetId: null,
  destinationId: null,
  record: false,
  rehearsal: false,
  ticks: {},
};
const lookups: SessionLookups = {
  presetProgramType: (id) => (id === 'talk' ? ok('authortalk') : fail(appError('PRESET_NOT_FOUND'))),
  templateRecords: (programType) => programType === 'authortalk',
  destinationExists: (id) => id === 'fb',
};

describe('changeSession', () => {
  it('takes the preset’s program type and that template’s choice to record', () => {
    expect(changeSession(session, { presetId: 'talk' }, lookups)).toEqual({
      ok: true,
      value: { next: { ...session, presetId: 'talk', programType: 'authortalk', record: true }, presetChanged: true },
    });
  });

  it('keeps the program type staff pick in the same change', () => {
    const changed = changeSession(session, { presetId: 'talk', programType: 'baby' }, lookups);
    expect(changed.ok && changed.value.next.programType).toBe('baby');
  });

  it('refuses a preset or destination that does not exist, changing nothing', () => {
    expect(changeSession(session, { presetId: 'gone' }, lookups)).toEqual(fail(appError('PRESET_NOT_FOUND')));
    expect(changeSession(session, { destinationId: 'nope' }, lookups)).toEqual(fail(appError('DESTINATION_NOT_FOUND')));
  });

  it('an unchanged preset is no preset change; null clears it', () => {
    const withPreset = { ...session, presetId: 'talk' };
    expect(changeSession(withPreset, { presetId: 'talk', record: true }, lookups)).toEqual({
      ok: true,
      value: { next: { ...withPreset, record: true }, presetChanged: false },
    });
    const cleared = changeSession(withPreset, { presetId: null }, lookups);
    expect(cleared.ok && cleared.value).toEqual({ next: session, presetChanged: true });
  });

  it('a tick keeps its note unless a new one is given', () => {
    const ticked = tickSession(session, 'host', true, 'Anna');
    expect(tickSession(ticked, 'host', false, undefined).ticks.host).toEqual({ done: false, note: 'Anna' });
  });
});

describe('template edits', () => {
  const copy = (): Template => structuredClone(defaultTemplates.storytime);

  it('moves an item, and leaves one at the edge where it is', () => {
    const t = copy();
    const [first, second] = t.manualItems.map((m) => m.id);
    expect(templates.moveItem(second!, 'up')(t)).toBe(true);
    expect(t.manualItems.map((m) => m.id).slice(0, 2)).toEqual([second, first]);
    expect(templates.moveItem(second!, 'up')(t)).toBe(true);
    expect(t.manualItems[0]!.id).toBe(second);
    expect(templates.moveItem('missing', 'down')(t)).toBe(false);
  });

  it('makes an automatic check required in the catalogue’s order, or a manual item', () => {
    const t = copy();
    t.requiredChecks = ['diskSpace'];
    expect(templates.setItemRequired('obsConnected', true)(t)).toBe(true);
    expect(t.requiredChecks).toEqual(['obsConnected', 'diskSpace']);
    expect(templates.setItemRequired('diskSpace', false)(t)).toBe(true);
    expect(t.requiredChecks).toEqual(['obsConnected']);
    expect(templates.setItemRequired('missing', true)(t)).toBe(false);
  });

  it('adds and removes an own item', () => {
    const t = copy();
    templates.addItem({ sv: 'Vattenglas', en: 'Water glass' }, false, false)(t);
    const added = t.manualItems.at(-1)!;
    expect(added.id).toMatch(/^own-[0-9a-f]{8}$/);
    expect(templates.removeItem(added.id)(t)).toBe(true);
    expect(templates.removeItem(added.id)(t)).toBe(false);
  });
});
