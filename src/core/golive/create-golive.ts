import type { goliveRequests } from '../../shared/contract/golive';
import type { EventName, EventPayload } from '../../shared/api-contract';
import { ok } from '../../shared/result';
import { ChecklistService } from '../checklist/checklist-service';
import { DestinationService } from '../destinations/destination-service';
import type { ObsController } from '../obs/obs-controller';
import type { DocumentStore, Logger, SecretStore } from '../ports';
import type { RequestHandlers } from '../request-handlers';
import { MemoryDocumentStore } from '../settings/memory-document-store';
import type { ChecklistPresets } from '../checklist/preset-facts';
import type { BroadcastLogHook } from './broadcast-log-hook';
import { GoLiveService } from './golive-service';

export interface GoLiveTimings {
  startDeadlineMs?: number;
  stopDeadlineMs?: number;
  checklistRefreshMs?: number;
}

export interface GoLiveDeps {
  obs: ObsController;
  secrets: SecretStore;
  /** destinations.json; in memory when absent (tests, or a data folder that cannot be opened). */
  destinations?: DocumentStore;
  /** checklist.json (templates and the session being prepared). */
  checklist?: DocumentStore;
  logger: Logger;
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  log?: (BroadcastLogHook & { noteAppSwitch?(sceneName: string): void }) | null;
  /** The presets domain: the checklist checks the session's preset in OBS and can apply it. */
  presets?: ChecklistPresets;
  timings?: GoLiveTimings;
  /** OBS's settings folder for the checklist (see ChecklistServiceOptions.obsConfigDir); default: the OS's usual place. */
  obsConfigDir?: string | null;
}

/** Destinations, checklist and go-live, wired together with their request handlers. */
export function createGoLive(deps: GoLiveDeps) {
  const { obs, logger, emit } = deps;
  const destinations = new DestinationService(deps.destinations ?? new MemoryDocumentStore(), deps.secrets, logger);
  const checklist = new ChecklistService(deps.checklist ?? new MemoryDocumentStore(), obs, destinations, logger, {
    ...(deps.timings?.checklistRefreshMs ? { refreshMs: deps.timings.checklistRefreshMs } : {}),
    ...(deps.presets ? { presets: deps.presets } : {}),
    ...(deps.obsConfigDir !== undefined ? { obsConfigDir: deps.obsConfigDir } : {}),
  });
  const golive = new GoLiveService({
    obs,
    destinations,
    checklist,
    logger,
    log: deps.log ?? null,
    ...(deps.log?.noteAppSwitch ? { noteAppSwitch: (scene: string) => deps.log?.noteAppSwitch?.(scene) } : {}),
    ...(deps.timings?.startDeadlineMs ? { startDeadlineMs: deps.timings.startDeadlineMs } : {}),
    ...(deps.timings?.stopDeadlineMs ? { stopDeadlineMs: deps.timings.stopDeadlineMs } : {}),
  });
  checklist.onChange((status) => emit('checklist.changed', status));
  golive.onChange((state) => emit('golive.state', state));

  /** A destination changed: the list and the checklist (its key check) follow. */
  const destinationsChanged = (): void => {
    emit('destinations.changed', destinations.list());
    checklist.destinationsChanged();
  };

  const handlers: RequestHandlers<typeof goliveRequests> = {
    'destinations.list': async () => ok(destinations.list()),
    'destinations.save': async (input) => {
      const saved = destinations.save(input);
      if (saved.ok) destinationsChanged();
      return saved;
    },
    'destinations.delete': async ({ id }) => {
      const deleted = destinations.delete(id);
      if (deleted.ok) {
        if (checklist.status().session.destinationId === id) checklist.updateSession({ destinationId: null });
        destinationsChanged();
      }
      return deleted;
    },
    'destinations.revealKey': async ({ id }) => {
      const key = destinations.key(id);
      if (!key.ok) return key;
      logger.info('A stream key was revealed', { id });
      return ok({ key: key.value });
    },
    'checklist.get': async () => ok(checklist.status()),
    'checklist.updateSession': async (change) => checklist.updateSession(change),
    'checklist.tick': async ({ itemId, done, note }) => checklist.tick(itemId, done, note),
    'checklist.resetTicks': async () => checklist.resetTicks(),
    'checklist.refresh': async () => ok(await checklist.refresh()),
    'checklist.fix': ({ checkId }) => checklist.fix(checkId),
    'checklist.addItem': async ({ text, required, asksForNote }) =>
      checklist.addItem(text, required, asksForNote ?? false),
    'checklist.removeItem': async ({ itemId }) => checklist.removeItem(itemId),
    'checklist.moveItem': async ({ itemId, direction }) => checklist.moveItem(itemId, direction),
    'checklist.setItemRequired': async ({ itemId, required }) => checklist.setItemRequired(itemId, required),
    'checklist.setTemplateOptions': async (options) => checklist.setTemplateOptions(options),
    'checklist.resetTemplate': async () => checklist.resetTemplate(),
    'golive.getState': async () => ok(golive.state),
    'golive.start': ({ overrideReason }) => golive.goLive(overrideReason),
    'golive.end': ({ closingScene }) => golive.end(closingScene),
    'golive.setAfterPlan': async (plan) => golive.setAfterPlan(plan),
    'golive.dismiss': async () => golive.dismiss(),
  };

  return {
    handlers,
    logEntryOpened(id: string): void {
      golive.logEntryOpened(id);
    },
    /** A preset was saved, deleted or applied. */
    presetsChanged(): void {
      checklist.presetsChanged();
    },
    /**
     * A preset was applied (e.g. from the Programs view): that is the program being prepared,
     * so the checklist follows it, unless a broadcast is under way.
     */
    presetApplied(presetId: string): void {
      const phase = golive.phase();
      if (phase === 'starting' || phase === 'live' || phase === 'ending') return checklist.presetsChanged();
      if (checklist.status().session.presetId === presetId) return checklist.presetsChanged();
      const chosen = checklist.updateSession({ presetId });
      if (!chosen.ok)
        logger.warn('The applied preset could not be chosen for the checklist', { error: chosen.error.code });
    },
    start(): void {
      checklist.start();
      golive.start();
    },
    stop(): void {
      golive.stop();
      checklist.stop();
    },
  };
}
