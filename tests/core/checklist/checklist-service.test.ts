import { describe, expect, it } from 'vitest';
import { ChecklistService } from '../../../src/core/checklist/checklist-service';
import { DestinationService } from '../../../src/core/destinations/destination-service';
import { silentLogger } from '../../../src/core/ports';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import type { AutoCheckId, ChecklistStatus } from '../../../src/shared/checklist/checklist-schema';
import { defaultTemplates } from '../../../src/shared/checklist/default-templates';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import type { ChecklistPresets } from '../../../src/core/checklist/preset-facts';
import { appError } from '../../../src/shared/errors';
import { ok } from '../../../src/shared/result';
import { FakeObsController } from '../../support/fake-obs-controller';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { waitFor } from '../../support/wait-for';

/**
 * The checklist service on its own: what it keeps in checklist.json and how it reads meter
 * events. Its checks against a real OBS are in checklist-presets.obs.test.ts and
 * tests/core/golive/golive.obs.test.ts; here the OBS side is a FakeObsController whose state the test sets, since
 * these cases are about storage and timing, not about what OBS answers.
 */
/** Connected, with one microphone, "Mic". */
const connect = (obs: FakeObsController) =>
  obs.set({
    connection: { ...obs.state.connection, status: 'connected' },
    inputs: [{ name: 'Mic', kind: 'pulse_input_capture', muted: false }],
  });

const setup = (stored: Record<string, unknown> = {}) => {
  const doc = new MemoryDocumentStore();
  doc.store = stored;
  const obs = new FakeObsController();
  const destinations = new DestinationService(new MemoryDocumentStore(), new MemorySecretStore(), silentLogger);
  const service = new ChecklistService(doc, obs, destinations, silentLogger, { refreshMs: 60_000 });
  let last: ChecklistStatus | null = null;
  service.onChange((s) => (last = s));
  service.start();
  return { doc, obs, service, destinations, latest: () => last };
};
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('ChecklistService', () => {
  it('reads a template stored before a check was renamed without losing its edits', () => {
    const old = {
      ...defaultTemplates.storytime,
      requiredChecks: ['obsConnected', 'cameraPresent'],
      manualItems: [defaultTemplates.storytime.manualItems[0]],
    };
    const { service } = setup({ templates: { storytime: old } });
    const status = service.status();
    expect(status.template.requiredChecks).toEqual(['obsConnected', 'cameraActive']);
    expect(status.template.manualItems).toHaveLength(1);
    expect(status.auto.find((a) => a.id === 'cameraActive')?.required).toBe(true);
    // A session stored before sessions named a preset reads as "no preset".
    expect(status.session.presetId).toBeNull();
  });

  it('makes an automatic check required or recommended, and keeps it in checklist.json', () => {
    const { service, doc } = setup();
    let status = unwrap(service.setItemRequired('cameraActive', true));
    expect(status.auto.find((a) => a.id === 'cameraActive')?.required).toBe(true);
    status = unwrap(service.setItemRequired('micReady', false));
    expect(status.auto.find((a) => a.id === 'micReady')?.required).toBe(false);
    const stored = (doc.store as { templates: { storytime: { requiredChecks: string[] } } }).templates.storytime
      .requiredChecks;
    expect(stored).toContain('cameraActive');
    expect(stored).not.toContain('micReady');
    expect(service.setItemRequired('no-such-item', true)).toMatchObject({
      ok: false,
      error: { code: 'CHECKLIST_ITEM_NOT_FOUND' },
    });
  });

  it('refuses a preset when there is no presets domain, and keeps the session', () => {
    const { service } = setup();
    expect(service.updateSession({ presetId: 'builtin-story-time' })).toMatchObject({
      ok: false,
      error: { code: 'PRESET_NOT_FOUND' },
    });
    expect(service.status().session.presetId).toBeNull();
  });

  it('watches meters only while connected and not streaming, and hears the mic from them', async () => {
    const { obs, latest } = setup();
    expect(obs.meterListeners.size).toBe(0);
    connect(obs);
    expect(obs.meterListeners.size).toBe(1);
    obs.meters(0);
    await waitFor(() => latest()?.auto.find((a) => a.id === 'micReady')?.reason === 'listening', {
      message: 'listening',
    });
    obs.meters(0.3);
    // Heard for the first time: told at once, not at the next tick.
    expect(latest()?.auto.find((a) => a.id === 'micReady')?.status).toBe('pass');
    obs.set({ stream: { active: true, state: 'live' } });
    expect(obs.meterListeners.size).toBe(0);
    obs.set({ stream: { active: false, state: 'offline' } });
    expect(obs.meterListeners.size).toBe(1);
    obs.set({ connection: { ...obs.state.connection, status: 'reconnecting' } });
    expect(obs.meterListeners.size).toBe(0);
  });

  it('forgets the sound check when the link to OBS drops', () => {
    const { obs, service } = setup();
    connect(obs);
    obs.meters(0.3);
    expect(service.status().auto.find((a) => a.id === 'micReady')?.status).toBe('pass');
    obs.set({ connection: { ...obs.state.connection, status: 'reconnecting' } });
    connect(obs);
    expect(service.status().auto.find((a) => a.id === 'micReady')?.reason).toBe('notHeard');
  });

  it('clears ticks and roles when the broadcast ends, not on a lost link, and keeps them after a rehearsal', () => {
    const { service, obs } = setup();
    connect(obs);
    const onAir = (active: boolean) => obs.set({ stream: { active, state: active ? 'live' : 'offline' } });
    unwrap(service.tick('roles', true, 'Värd: Anna'));
    unwrap(service.tick('consent', true, undefined));
    onAir(true);
    // The link drops mid-broadcast and comes back (OBS's state read with it): ticks stay.
    obs.set({
      connection: { ...obs.state.connection, status: 'disconnected' },
      stream: { active: false, state: 'offline' },
    });
    obs.set({ connection: { ...obs.state.connection, status: 'connected' }, stream: { active: true, state: 'live' } });
    expect(service.status().session.ticks.roles).toEqual({ done: true, note: 'Värd: Anna' });
    onAir(false);
    expect(service.status().session.ticks).toEqual({});
    expect(service.status().manual.find((m) => m.id === 'roles')).toMatchObject({ done: false, note: '' });

    // A rehearsal's ticks stay for the real broadcast after it.
    unwrap(service.updateSession({ rehearsal: true }));
    unwrap(service.tick('roles', true, 'Värd: Bo'));
    onAir(true);
    onAir(false);
    expect(service.status().session.ticks.roles?.note).toBe('Värd: Bo');
  });

  it('chooses the only saved destination without a click, and never overrides a choice or a record-only rehearsal', () => {
    const { service, destinations } = setup();
    const save = (name: string) =>
      unwrap(destinations.save({ name, platform: 'youtube', server: '', key: { kind: 'set', value: 'abcd-1234' } }));
    const first = save('Stadsbiblioteket – YouTube');
    // The core calls this after every save (create-golive.ts).
    expect(service.destinationsChanged().session.destinationId).toBe(first.id);

    // Two destinations: the choice stays as it was.
    const second = save('Filialen – YouTube');
    service.destinationsChanged();
    unwrap(service.updateSession({ destinationId: second.id }));
    expect(service.destinationsChanged().session.destinationId).toBe(second.id);

    // A rehearsal that only records keeps "no destination"; back to a real broadcast, the only one is chosen.
    unwrap(destinations.delete(second.id));
    unwrap(service.updateSession({ rehearsal: true, destinationId: null }));
    expect(service.destinationsChanged().session.destinationId).toBeNull();
    expect(unwrap(service.updateSession({ rehearsal: false })).session.destinationId).toBe(first.id);
  });

  it('puts "Starting soon" back on air once the mic test has heard the mic', async () => {
    // Story time as applied: its scenes and its mic under these names in OBS.
    const preset = builtInPresets('sv')[0]!;
    const presets: ChecklistPresets = {
      find: () => ok({ preset, builtIn: true, details: {}, devices: {} }),
      ownership: () => ({
        scenes: Object.fromEntries(preset.scenes.map((sc) => [sc.id, { name: sc.name }])),
        inputs: { microphone: { name: 'Mic' } },
      }),
      plan: async () => ({ ok: false, error: appError('OBS_NOT_CONNECTED') }),
      apply: async () => ({ ok: false, error: appError('OBS_NOT_CONNECTED') }),
    };
    const doc = new MemoryDocumentStore();
    const obs = new FakeObsController();
    const destinations = new DestinationService(new MemoryDocumentStore(), new MemorySecretStore(), silentLogger);
    const service = new ChecklistService(doc, obs, destinations, silentLogger, { refreshMs: 60_000, presets });
    service.start();
    const switched: string[] = [];
    obs.answer((type, data) => {
      if (type !== 'SetCurrentProgramScene') return { ok: false, error: appError('OBS_REQUEST_FAILED') };
      const sceneName = (data as { sceneName: string }).sceneName;
      switched.push(sceneName);
      // OBS's event follows its answer.
      queueMicrotask(() => obs.set({ programScene: sceneName }));
      return ok(null);
    });
    connect(obs);
    obs.set({ scenes: preset.scenes.map((sc) => ({ name: sc.name })) as never, programScene: 'Startar snart' });
    unwrap(service.updateSession({ presetId: preset.id }));
    const check = (id: AutoCheckId) => service.status().auto.find((a) => a.id === id);
    expect(check('micReady')).toMatchObject({ status: 'fail', fix: 'testMic' });

    unwrap(await service.fix('micReady'));
    expect(switched).toEqual(['Läsare']);
    await waitFor(() => obs.state.programScene === 'Läsare', { message: 'mic scene on air' });
    expect(check('startingSceneLive')?.status).toBe('fail');
    obs.meters(0.3);
    await waitFor(() => obs.state.programScene === 'Startar snart', { message: 'starting scene back' });
    expect(switched).toEqual(['Läsare', 'Startar snart']);
    expect(check('startingSceneLive')?.status).toBe('pass');
    expect(check('micReady')?.status).toBe('pass');
    service.stop();
  });
});
