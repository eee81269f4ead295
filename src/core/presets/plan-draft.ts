import type { RequestBatchRequest } from 'obs-websocket-js';
import type { PlanStep, PlanWarning } from '../../shared/presets/preset-plan';
import type { ObsSnapshot } from './obs-snapshot';
import type { PlannedRequest } from './plan-builder';

/**
 * What the phases of buildPlan write to as they go: the plan's steps, the batch's requests,
 * warnings, and the names taken in OBS (so that no two things get the same one).
 */
export class PlanDraft {
  readonly steps: PlanStep[] = [];
  readonly requests: PlannedRequest[] = [];
  readonly warnings: PlanWarning[] = [];
  readonly #used: Set<string>;

  constructor(snapshot: ObsSnapshot) {
    this.#used = new Set([...snapshot.scenes.map((s) => s.name), ...snapshot.inputs.map((i) => i.name)]);
  }

  /** Adds a step of the plan; returns its index, for the requests that carry it out. */
  step(s: PlanStep): number {
    return this.steps.push(s) - 1;
  }

  /** Adds a request to the batch (step -1: a read that belongs to no step). */
  send(step: number, request: RequestBatchRequest, mutating = true, creates?: PlannedRequest['creates']): void {
    this.requests.push({ request, step, mutating, ...(creates ? { creates } : {}) });
  }

  /** `wanted`, or "wanted (2)", "(3)"… when OBS already has that name; the plan says so. */
  freeName(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.#used.has(name); n += 1) name = `${wanted} (${n})`;
    if (name !== wanted) this.warnings.push({ code: 'nameTaken', params: { name: wanted, instead: name } });
    this.#used.add(name);
    return name;
  }
}
