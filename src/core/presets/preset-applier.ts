import type { ResponseMessage } from 'obs-websocket-js';
import type { DeviceChoice } from '../../shared/presets/preset-details';
import type { ApplyPhase, ApplyResult, PlanStep, PlanWarning } from '../../shared/presets/preset-plan';
import { ok, type Result } from '../../shared/result';
import { buildPlan, deviceWarnings, type BuiltPlan, type PlanInput } from './plan-builder';
import { readSnapshot, type PresetObs, type SnapshotOptions } from './obs-snapshot';
import type { Ownership } from './ownership';
import { settleTransition } from './transition-settle';

/** A whole preset is tens of requests; OBS renders in software on small machines. */
const APPLY_TIMEOUT_MS = 30_000;

export interface ApplyContext {
  obs: PresetObs & { callBatch: PresetObs['callBatch'] };
  input: Omit<PlanInput, 'snapshot'>;
  saveOwnership(ownership: Ownership): Result<null>;
  onPhase(phase: ApplyPhase): void;
  /** Resolves true once OBS is connected again (after a drop), false after `timeoutMs`. */
  waitForConnection(timeoutMs: number): Promise<boolean>;
  /** How long to wait for OBS to come back after an interruption. */
  reconnectWaitMs?: number;
}

/** Reads OBS and plans, in one round trip. */
export async function planPreset(
  obs: PresetObs,
  input: Omit<PlanInput, 'snapshot'>,
  countRoundTrip: () => void = () => {},
  options: SnapshotOptions = {},
): Promise<Result<BuiltPlan>> {
  const snapshot = await readSnapshot(obs, countRoundTrip, options);
  if (!snapshot.ok) return snapshot;
  return ok(buildPlan({ ...input, snapshot: snapshot.value }));
}

const isChange = (step: PlanStep): boolean => step.action !== 'keep';
const stepKey = (step: PlanStep): string => `${step.target}\u0000${step.name}\u0000${step.scene ?? ''}`;

/**
 * Plan, then make OBS match in one RequestBatch (SerialRealtime, haltOnFailure false — the
 * server's defaults — so one failed item does not stop the rest; each result is checked).
 * The ownership record is saved before the batch goes out, so an interrupted apply still
 * knows which scenes are its own; a second apply then completes it.
 */
export async function applyPreset(ctx: ApplyContext): Promise<Result<ApplyResult>> {
  const started = Date.now();
  let roundTrips = 0;
  const count = () => (roundTrips += 1);
  ctx.onPhase('reading');
  const planned = await planPreset(ctx.obs, ctx.input, count);
  if (!planned.ok) return planned;
  const built = planned.value;
  const result = (
    fields: Pick<ApplyResult, 'status' | 'applied' | 'failed' | 'remaining' | 'confirmed' | 'warnings'>,
    mutatingRequests: number,
  ): ApplyResult => ({
    presetId: ctx.input.preset.id,
    ...fields,
    roundTrips,
    mutatingRequests,
    durationMs: Date.now() - started,
  });
  if (built.plan.mutations === 0) {
    // A re-linked (renamed) scene changes the record, not OBS.
    if (JSON.stringify(built.ownership) !== JSON.stringify(ctx.input.ownership)) ctx.saveOwnership(built.ownership);
    ctx.onPhase('done');
    return ok(
      result(
        { status: 'unchanged', applied: [], failed: [], remaining: [], confirmed: true, warnings: built.plan.warnings },
        0,
      ),
    );
  }
  const saved = ctx.saveOwnership(built.ownership);
  if (!saved.ok) return saved;

  ctx.onPhase('applying');
  count();
  const reply = await ctx.obs.callBatch(
    built.requests.map((r) => r.request),
    { timeoutMs: APPLY_TIMEOUT_MS },
  );
  const mutating = built.plan.mutations;
  if (!reply.ok) {
    ctx.onPhase('checking');
    const outcome = await whatWasApplied(ctx, built, count);
    ctx.onPhase('done');
    return ok(result({ status: 'interrupted', failed: [], warnings: built.plan.warnings, ...outcome }, mutating));
  }
  const failedSteps = new Map<number, string>();
  const warnings: PlanWarning[] = [...built.plan.warnings];
  reply.value.forEach((response, i) => {
    const planned = built.requests[i];
    if (!planned) return;
    if (planned.mutating && !response.requestStatus.result && !failedSteps.has(planned.step)) {
      failedSteps.set(planned.step, commentOf(response));
    }
  });
  if (
    built.transition &&
    !failedSteps.has(built.transition.step) &&
    !(await settleTransition(ctx.obs, built.transition, count))
  ) {
    failedSteps.set(
      built.transition.step,
      `SetCurrentSceneTransition: OBS still shows another transition than ${built.transition.name}`,
    );
  }
  warnings.push(...probeWarnings(built, reply.value, ctx.input));
  const withUuids = createdUuids(built, reply.value);
  if (withUuids !== built.ownership) ctx.saveOwnership(withUuids);
  const changed = built.plan.steps.map((step, i) => ({ step, i })).filter(({ step }) => isChange(step));
  ctx.onPhase('done');
  return ok(
    result(
      {
        status: failedSteps.size > 0 ? 'partial' : 'applied',
        applied: changed.filter(({ i }) => !failedSteps.has(i)).map(({ step }) => step),
        failed: [...failedSteps].map(([i, comment]) => ({ step: built.plan.steps[i]!, comment })),
        remaining: [],
        confirmed: true,
        warnings,
      },
      mutating,
    ),
  );
}

/**
 * After the link dropped mid-batch: wait for OBS to come back, read it again and compare.
 * What the new plan still needs is what was not applied; the rest was.
 */
async function whatWasApplied(
  ctx: ApplyContext,
  built: BuiltPlan,
  count: () => void,
): Promise<Pick<ApplyResult, 'applied' | 'remaining' | 'confirmed'>> {
  const changes = built.plan.steps.filter(isChange);
  const back = await ctx.waitForConnection(ctx.reconnectWaitMs ?? 10_000);
  if (!back) return { applied: [], remaining: changes, confirmed: false };
  // With the record as saved before the batch: scenes it created are ours, not "taken".
  const again = await planPreset(ctx.obs, { ...ctx.input, ownership: built.ownership }, count);
  if (!again.ok) return { applied: [], remaining: changes, confirmed: false };
  const stillNeeded = new Set(again.value.plan.steps.filter(isChange).map(stepKey));
  return {
    applied: changes.filter((s) => !stillNeeded.has(stepKey(s))),
    remaining: again.value.plan.steps.filter(isChange),
    confirmed: true,
  };
}

function probeWarnings(built: BuiltPlan, responses: ResponseMessage[], input: ApplyContext['input']): PlanWarning[] {
  const out: PlanWarning[] = [];
  let probe = 0;
  built.requests.forEach((planned, i) => {
    if (planned.request.requestType !== 'GetInputPropertiesListPropertyItems') return;
    const target = built.deviceProbes[probe++];
    const response = responses[i] as
      | {
          requestStatus: { result: boolean };
          responseData?: { propertyItems?: { itemName: string; itemValue: unknown }[] };
        }
      | undefined;
    if (!target || !response?.requestStatus.result) return;
    const list = (response.responseData?.propertyItems ?? []).map((item) => ({
      value: String(item.itemValue),
      name: item.itemName,
    }));
    const source = input.preset.sources.find((s) => s.id === target.key);
    const slot =
      source && (source.role === 'camera' || source.role === 'microphone')
        ? (`${source.role}${source.slot}` as keyof DeviceChoice)
        : null;
    out.push(
      ...deviceWarnings(
        { role: target.role, label: source?.label ?? target.inputName, deviceSlot: slot },
        list,
        input.devices,
      ),
    );
  });
  return out;
}

/** The record with the UUIDs OBS gave what the batch created (obs-websocket 5.4+; 5.1 gives none). */
export function createdUuids(
  built: Pick<BuiltPlan, 'requests' | 'ownership'>,
  responses: ResponseMessage[],
): Ownership {
  let ownership = built.ownership;
  built.requests.forEach((planned, i) => {
    const response = responses[i] as
      { requestStatus: { result: boolean }; responseData?: Record<string, unknown> } | undefined;
    if (!planned.creates || !response?.requestStatus.result) return;
    const [list, id, field] =
      'scene' in planned.creates
        ? (['scenes', planned.creates.scene, 'sceneUuid'] as const)
        : (['inputs', planned.creates.input, 'inputUuid'] as const);
    const uuid = response.responseData?.[field];
    const entry = ownership[list][id];
    if (typeof uuid !== 'string' || uuid === '' || !entry) return;
    ownership = { ...ownership, [list]: { ...ownership[list], [id]: { ...entry, uuid } } };
  });
  return ownership;
}

function commentOf(response: ResponseMessage): string {
  const status = response.requestStatus as { code: number; comment?: string };
  return `${response.requestType}: ${status.comment ?? `status ${status.code}`}`.slice(0, 300);
}
