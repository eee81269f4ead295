import { performance } from 'node:perf_hooks';
import type { RequestBatchRequest, ResponseMessage } from 'obs-websocket-js';
import { ObsController } from '../../src/core/obs/obs-controller';
import type { PresetObs } from '../../src/core/presets/obs-snapshot';
import { PresetStore } from '../../src/core/presets/preset-store';
import { PresetsService } from '../../src/core/presets/presets-service';
import { MemoryDocumentStore } from '../../src/core/settings/memory-document-store';
import { silentLogger } from '../../src/core/ports';
import type { ApplyResult } from '../../src/shared/presets/preset-plan';
import { ok } from '../../src/shared/result';
import { withRawObs, type RunningObs } from '../../tests/support/obs-studio';
import { startCore } from './core-session';
import { sleep, until } from './stats';
import type { PhaseResult } from './table';

export const STORY_TIME = 'builtin-story-time';

interface BatchItem {
  requestType: string;
  requestData?: Record<string, unknown>;
  inputVariables?: Record<string, string>;
  outputVariables?: Record<string, string>;
}

const isMutatingBatch = (requests: RequestBatchRequest[]): boolean =>
  requests.some((r) => !String(r.requestType).startsWith('Get'));

/** A fresh, empty scene collection (OBS switches to it). */
async function freshCollection(obs: RunningObs, name: string): Promise<void> {
  await withRawObs(obs.address, obs.password, async (c) => {
    await c.call('CreateSceneCollection', { sceneCollectionName: name });
    await until(
      async () => (await c.call('GetSceneCollectionList')).currentSceneCollectionName === name,
      20_000,
      `scene collection ${name}`,
      100,
    );
  });
}

function applied(result: { ok: true; value: unknown } | { ok: false; error: unknown }, what: string): ApplyResult {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result.error)}`);
  return result.value as ApplyResult;
}

/**
 * The requests the applier would send to an empty OBS in its one batch: planned by a
 * PresetsService whose batch is captured instead of sent (the read batches go to OBS).
 */
async function captureApplyBatch(obs: RunningObs, presetId: string): Promise<RequestBatchRequest[]> {
  const controller = new ObsController({ logger: silentLogger });
  try {
    controller.connect(obs.address, obs.password);
    await until(() => controller.state.connection.status === 'connected', 30_000, 'controller connected', 20);
    let captured: RequestBatchRequest[] | null = null;
    const capturing: PresetObs & { onState: ObsController['onState'] } = {
      get state() {
        return controller.state;
      },
      onState: (listener) => controller.onState(listener),
      async callBatch(requests, opts) {
        if (!isMutatingBatch(requests)) return controller.callBatch(requests, opts);
        captured = requests;
        const replies = requests.map((r) => ({
          requestType: r.requestType,
          requestId: '',
          requestStatus: { result: true, code: 100 },
          responseData: {},
        }));
        return ok(replies as unknown as ResponseMessage[]);
      },
    };
    const service = new PresetsService({
      store: new PresetStore(new MemoryDocumentStore(), silentLogger),
      obs: capturing,
      language: () => 'sv',
      onChanged: () => {},
      onPhase: () => {},
    });
    applied(await service.apply(presetId), 'capturing apply');
    if (!captured) throw new Error('the applier sent no mutating batch');
    return captured;
  } finally {
    await controller.close();
  }
}

/** Issue #3: story time applied to an empty OBS through the app core; re-apply; the same requests one by one. */
export async function measurePresetApply(
  obs: RunningObs,
  opts: { quick: boolean; log: (m: string) => void },
): Promise<PhaseResult> {
  const stamp = Date.now().toString(36);
  await freshCollection(obs, `Bench preset ${stamp} a`);
  const session = await startCore(obs);
  let first: ApplyResult;
  let again: ApplyResult;
  let immediate: ApplyResult;
  let firstWallMs: number;
  try {
    const t0 = performance.now();
    first = applied(await session.core.handle('presets.apply', { presetId: STORY_TIME }), 'apply');
    firstWallMs = performance.now() - t0;
    if (first.status !== 'applied')
      opts.log(
        `  preset: first apply status ${first.status}, ${first.failed.length} failed: ${JSON.stringify(first.failed.slice(0, 3))}`,
      );
    // Right away (the mirror may still be taking in OBS's events about the new scenes), then
    // once settled, as staff would press it again.
    immediate = applied(await session.core.handle('presets.apply', { presetId: STORY_TIME }), 're-apply at once');
    await sleep(1_000);
    again = applied(await session.core.handle('presets.apply', { presetId: STORY_TIME }), 're-apply');
  } finally {
    await session.stop();
  }

  // The same mutating requests, one `call` each, on another empty collection.
  await freshCollection(obs, `Bench preset ${stamp} b`);
  const requests = await captureApplyBatch(obs, STORY_TIME);
  let failures = 0;
  const oneByOneMs = await withRawObs(obs.address, obs.password, async (c) => {
    // Batch variables (outputVariables → inputVariables, e.g. a new scene item's id) are
    // carried by hand here, as a client sending one request at a time has to.
    const vars = new Map<string, unknown>();
    const t0 = performance.now();
    for (const r of requests as BatchItem[]) {
      const data: Record<string, unknown> = { ...(r.requestData ?? {}) };
      for (const [param, name] of Object.entries(r.inputVariables ?? {})) data[param] = vars.get(name);
      try {
        const reply = (await c.call(
          r.requestType as 'GetVersion',
          (r.requestData || r.inputVariables ? data : undefined) as undefined,
        )) as unknown as Record<string, unknown> | undefined;
        for (const [name, field] of Object.entries(r.outputVariables ?? {})) vars.set(name, reply?.[field]);
      } catch (error) {
        failures += 1;
        if (failures <= 3) opts.log(`  preset: one by one: ${r.requestType} failed: ${String(error)}`);
      }
    }
    return performance.now() - t0;
  });
  if (failures > 0) opts.log(`  preset: ${failures} of ${requests.length} one-by-one requests failed`);

  const f = {
    preset_apply_round_trips: first.roundTrips,
    preset_apply_ms: first.durationMs,
    preset_apply_wall_ms: firstWallMs,
    preset_apply_mutations: first.mutatingRequests,
    preset_apply_batch_requests: requests.length,
    preset_apply_one_by_one_ms: oneByOneMs,
    preset_apply_one_by_one_failures: failures,
    preset_reapply_round_trips: again.roundTrips,
    preset_reapply_mutations: again.mutatingRequests,
    preset_reapply_ms: again.durationMs,
    preset_reapply_immediate_round_trips: immediate.roundTrips,
    preset_reapply_immediate_mutations: immediate.mutatingRequests,
  };
  return {
    figures: f,
    rows: [
      {
        figure: `preset: story time on empty OBS, round trips (status ${first.status})`,
        value: f.preset_apply_round_trips,
        unit: 'round trips',
        target: '≤ 3',
      },
      {
        figure: `preset: story time on empty OBS, time (${f.preset_apply_mutations} mutating)`,
        value: f.preset_apply_ms,
        unit: 'ms',
        floor: `one by one ${Math.round(oneByOneMs)} ms, ${(f.preset_apply_ms / oneByOneMs).toFixed(2)}×`,
      },
      {
        figure: `preset: the batch's ${requests.length} requests one by one (raw)`,
        value: oneByOneMs,
        unit: 'ms',
        floor: failures > 0 ? `${failures} failed` : '',
      },
      {
        figure: `preset: re-apply after 1 s, round trips (status ${again.status})`,
        value: f.preset_reapply_round_trips,
        unit: 'round trips',
        floor: `${Math.round(f.preset_reapply_ms)} ms`,
        target: '≤ 1',
      },
      {
        figure: `preset: re-apply at once, round trips (status ${immediate.status})`,
        value: f.preset_reapply_immediate_round_trips,
        unit: 'round trips',
        floor: `${f.preset_reapply_immediate_mutations} mutating`,
        target: '≤ 1',
      },
      {
        figure: 'preset: re-apply after 1 s, mutating requests',
        value: f.preset_reapply_mutations,
        unit: 'requests',
        target: '0',
      },
    ],
  };
}
