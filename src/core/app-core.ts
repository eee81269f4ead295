import {
  apiRequests,
  isRequestName,
  type ApiRequests,
  type EventName,
  type EventPayload,
} from '../shared/api-contract';
import type { appRequests } from '../shared/contract/app';
import type { logRequests } from '../shared/contract/broadcast-log';
import type { obsRequests } from '../shared/contract/obs';
import type { settingsRequests } from '../shared/contract/settings';
import { appError, type AppError } from '../shared/errors';
import { fail, ok, type Result } from '../shared/result';
import type { RequestName } from '../shared/api-contract';
import type { ObsState } from '../shared/obs-state';
import { BroadcastRecorder } from './broadcast-log/broadcast-recorder';
import type { BroadcastMetaInput } from './broadcast-log/broadcast-meta';
import { createLogHandlers } from './broadcast-log/log-handlers';
import { openBroadcastLog } from './broadcast-log/open-broadcast-log';
import { createGoLive, type GoLiveTimings } from './golive/create-golive';
import { HealthPoller } from './live/health-poller';
import { liveHandlers } from './live/live-handlers';
import { LiveService } from './live/live-service';
import { MeterRelay } from './live/meter-relay';
import { ProgramPictureLoop } from './live/program-picture';
import { ObsController, type ObsControllerOptions } from './obs/obs-controller';
import { PresetStore } from './presets/preset-store';
import { presetsHandlers } from './presets/presets-handlers';
import { PresetsService } from './presets/presets-service';
import { MemoryDocumentStore } from './settings/memory-document-store';
import type { RequestHandlers } from './request-handlers';
import { silentLogger, type DocumentStore, type Logger, type SecretStore } from './ports';
import { SettingsService } from './settings/settings-service';
import { describeIssues } from './validation-details';
import { DeviceRegistry } from './remote/device-registry';
import { deviceActionOf, sceneSwitchOf } from './remote/device-actions';
import { remoteHandlers } from './remote/remote-handlers';
import type { DeviceIdentity, RemoteAccess, RemoteListener } from './remote/remote-ports';
import { RemoteService } from './remote/remote-service';

/**
 * The domain core: what both Electron's main process and the browser host serve.
 * It imports neither electron nor React; platform pieces come in through `deps`.
 */
export interface AppCore {
  /** Validates `name` and `params` itself: every caller passes untrusted input straight in. */
  handle(name: unknown, params: unknown): Promise<Result<unknown>>;
  subscribe(listener: CoreEventListener): () => void;
  start(): void;
  stop(): Promise<void>;
  /** The broadcast log's recorder; null when the core runs without a log folder. */
  readonly broadcastLog: { beginBroadcast(meta: BroadcastMetaInput): Result<null> } | null;
  /** The phone remote, as the LAN listener uses it (pairing, tokens, each device's view). */
  readonly remote: RemoteAccess;
}

/** What the platform gives the phone remote; without it the remote cannot be turned on. */
export interface RemoteDeps {
  listener: (access: RemoteAccess) => RemoteListener;
  /** The computer's IPv4 addresses on local networks (loopback left out). */
  lanAddresses: () => string[];
  computerName: string;
  /** Default 47180; 0 picks a free port (tests). */
  port?: number;
}

export type CoreEventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface AppCoreDeps {
  settings: DocumentStore;
  secrets: SecretStore;
  version: string;
  /** Things found while opening storage, e.g. a corrupt file set aside. */
  notices?: AppError[];
  logger?: Logger;
  obs?: ObsControllerOptions;
  /** Folder of the broadcast log; without it the log requests answer LOG_UNAVAILABLE. */
  logDir?: string;
  /** Health sample interval of the broadcast log (tests shorten it); default 2000 ms. */
  logSampleMs?: number;
  /** destinations.json and checklist.json (going live); in memory when absent. */
  destinations?: DocumentStore;
  checklist?: DocumentStore;
  /** Go-live deadlines and checklist refresh (tests shorten them). */
  goLive?: GoLiveTimings;
  /** presets.json (user presets, details, what the app created in OBS); in memory when absent. */
  presets?: DocumentStore;
  /**
   * OBS's settings folder, read for the checklist when OBS runs on this computer (its Advanced
   * output mode's stream encoder). Default: where OBS keeps it on this OS; null: never read.
   */
  obsConfigDir?: string | null;
  /** The folder of the app's log files, and how to show it to the user (desktop only). */
  logFolder?: LogFolder;
  remote?: RemoteDeps;
  /** remote-devices.json (paired phones, tokens hashed); in memory when absent. */
  remoteDevices?: DocumentStore;
}

/** Without a platform listener (tests, tools) the remote exists but has no network to listen on. */
const noRemote: RemoteDeps = {
  listener: () => ({
    open: async () => fail(appError('REMOTE_NO_NETWORK')),
    close: async () => {},
    disconnectDevice() {},
  }),
  lanAddresses: () => [],
  computerName: '',
};

export interface LogFolder {
  path: string;
  /** Opens the folder in the OS's file manager; null where that is not possible (browser host). */
  open: (() => Promise<boolean>) | null;
}

export function createAppCore(deps: AppCoreDeps): AppCore {
  const logger = deps.logger ?? silentLogger;
  const settings = new SettingsService(deps.settings, deps.secrets, logger);
  const obs = new ObsController({ logger, ...deps.obs });
  const listeners = new Set<CoreEventListener>();
  const notices = [...(deps.notices ?? [])];

  const emit: CoreEventListener = (name, payload) => {
    for (const listener of listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        logger.error('An event listener failed', { event: name, error: String(error) });
      }
    }
  };
  let lastObsState: ObsState | null = null;
  obs.onState((state) => {
    emit('obs.state', state);
    // `remote` is made below; OBS states arrive only after start().
    remote.obsStateChanged(lastObsState, state);
    lastObsState = state;
  });

  const log = deps.logDir ? openBroadcastLog(deps.logDir, logger) : { store: null, notices: [] };
  notices.push(...log.notices);
  const logChanged = (ids: string[]) => emit('log.changed', { ids });
  const recorder = log.store
    ? new BroadcastRecorder(log.store, obs, {
        logger,
        onChanged: logChanged,
        // `goLive` is made below; an entry opens on OBS's events, after this function returned.
        onEntryOpened: (id) => goLive.logEntryOpened(id),
        ...(deps.logSampleMs ? { sampleMs: deps.logSampleMs } : {}),
      })
    : null;
  const logHandlers: RequestHandlers<typeof logRequests> = log.store
    ? createLogHandlers(log.store, logChanged)
    : unavailableLogHandlers();

  const presets = new PresetsService({
    store: new PresetStore(deps.presets ?? new MemoryDocumentStore(), logger),
    obs,
    language: () => settings.read().language,
    onChanged: (list) => {
      emit('presets.changed', { presets: list });
      // `live` and `goLive` are made below; presets change only on requests, after this function returned.
      live.refreshLayout();
      goLive.presetsChanged();
    },
    onPhase: (presetId, phase) => {
      emit('presets.applyProgress', { presetId, phase });
      // Applied from the Programs view or the checklist: the checklist reads OBS again.
      if (phase === 'done') goLive.presetApplied(presetId);
    },
  });

  const live = new LiveService({
    obs,
    presets,
    logger,
    onChange: (state) => emit('live.state', state),
    noteAppSwitch: (sceneName) => recorder?.noteAppSwitch(sceneName),
  });
  const meters = new MeterRelay(obs, { emit: (m) => emit('live.meters', m) });
  const health = new HealthPoller(obs, (h) => emit('live.health', h));
  const pictures = new ProgramPictureLoop(obs, { emit: (p) => emit('live.program', p), logger });

  const connectFromSettings = (): void => {
    obs.connect(settings.read().obs.address, settings.obsPassword());
  };

  const appHandlers: RequestHandlers<typeof appRequests> = {
    'app.getInfo': async () => ok({ version: deps.version, secretProtection: deps.secrets.protection, notices }),
    'app.openLogFolder': async () => {
      const folder = deps.logFolder;
      if (folder?.open && (await folder.open())) return ok({ folder: folder.path });
      return fail(appError('LOG_FOLDER_UNAVAILABLE', { folder: folder?.path ?? '' }));
    },
  };
  const settingsHandlers: RequestHandlers<typeof settingsRequests> = {
    'settings.get': async () => ok(settings.toPublic()),
    'settings.saveConnection': async ({ address, password }) => {
      const saved = settings.saveConnection(address, password);
      if (saved.ok) {
        emit('settings.changed', saved.value);
        connectFromSettings();
      }
      return saved;
    },
    'settings.setLanguage': async ({ language }) => {
      const saved = settings.setLanguage(language);
      if (saved.ok) emit('settings.changed', saved.value);
      return saved;
    },
  };
  const obsHandlers: RequestHandlers<typeof obsRequests> = {
    'obs.getState': async () => ok(obs.state),
    'obs.reconnectNow': async () => {
      obs.reconnectNow();
      return ok(null);
    },
    'obs.switchScene': ({ sceneName }) => {
      recorder?.noteAppSwitch(sceneName);
      return obs.switchScene(sceneName);
    },
  };
  // One handler per request in the contract: a missing one fails the type check here.
  const goLive = createGoLive({
    obs,
    secrets: deps.secrets,
    destinations: deps.destinations,
    checklist: deps.checklist,
    logger,
    emit,
    log: recorder,
    presets,
    timings: deps.goLive,
    obsConfigDir: deps.obsConfigDir,
  });
  const remoteDeps = deps.remote ?? noRemote;
  const remote: RemoteService = new RemoteService({
    registry: new DeviceRegistry(deps.remoteDevices ?? new MemoryDocumentStore(), logger),
    listener: remoteDeps.listener,
    lanAddresses: remoteDeps.lanAddresses,
    computerName: remoteDeps.computerName,
    ...(remoteDeps.port !== undefined ? { port: remoteDeps.port } : {}),
    logger,
    dispatch: (name, params, device) => dispatch(name, params, device),
    subscribe: (listener) => {
      listeners.add(listener as CoreEventListener);
      return () => listeners.delete(listener as CoreEventListener);
    },
    onState: (state) => emit('remote.state', state),
    onDeviceChanged: (device) => emit('remote.device', { computerName: remoteDeps.computerName, device }),
  });

  const handlers: RequestHandlers<ApiRequests> = {
    ...appHandlers,
    ...settingsHandlers,
    ...obsHandlers,
    ...logHandlers,
    ...presetsHandlers(presets),
    ...goLive.handlers,
    ...liveHandlers(live, meters, health, pictures),
    ...remoteHandlers(remote),
  };

  /** Every request, from the desktop (`device` null) or a paired device its policy let through. */
  async function dispatch(name: unknown, params: unknown, device: DeviceIdentity | null): Promise<Result<unknown>> {
    if (!isRequestName(name)) return fail(appError('UNKNOWN_REQUEST'));
    const parsed = apiRequests[name].params.safeParse(params);
    if (!parsed.success) return fail(appError('VALIDATION_FAILED', { details: describeIssues(parsed.error) }));
    try {
      const handler = handlers[name] as (p: unknown) => Promise<Result<unknown>>;
      if (!device) return await handler(parsed.data);
      return await fromDevice(name, parsed.data, device, handler);
    } catch (error) {
      logger.error('A request failed unexpectedly', { request: name, error: String(error) });
      return fail(appError('INTERNAL_ERROR'));
    }
  }

  /** A device's request: its scene switch and what it did are written down with its name. */
  async function fromDevice(
    name: RequestName,
    params: unknown,
    device: DeviceIdentity,
    handler: (p: unknown) => Promise<Result<unknown>>,
  ): Promise<Result<unknown>> {
    const preview = obs.state.previewScene;
    const scene = sceneSwitchOf(name, params, preview);
    if (scene !== null) recorder?.noteDeviceSwitch(scene, device.name);
    const result = await handler(params);
    const action = result.ok ? deviceActionOf(name, params, result.value, preview) : null;
    if (action) {
      logger.info('Phone remote action', { device: device.name, action: action.action });
      recorder?.noteDeviceAction(device.name, action.action, action.target);
    }
    return result;
  }

  return {
    handle: (name, params) => dispatch(name, params, null),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      recorder?.start();
      goLive.start();
      live.start();
      health.start();
      remote.start();
      connectFromSettings();
    },
    async stop() {
      listeners.clear();
      await remote.stop();
      goLive.stop();
      meters.stop();
      pictures.stop();
      health.stop();
      live.stop();
      // The recorder lets go first: closing the OBS link must not look like a lost broadcast.
      await recorder?.stop();
      await log.store?.close();
      await obs.close();
    },
    broadcastLog: recorder,
    remote,
  };
}

function unavailableLogHandlers(): RequestHandlers<typeof logRequests> {
  const unavailable = async () => fail(appError('LOG_UNAVAILABLE'));
  return {
    'log.list': unavailable,
    'log.get': unavailable,
    'log.update': unavailable,
    'log.todo': unavailable,
    'log.markTodoDone': unavailable,
    'log.stats': unavailable,
    'log.exportCsv': unavailable,
    'log.exportJson': unavailable,
    'log.importJson': unavailable,
  };
}
