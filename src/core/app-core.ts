import { apiRequests, isRequestName, type ApiRequests, type EventName, type EventPayload } from '../shared/api-contract';
import type { appRequests } from '../shared/contract/app';
import type { obsRequests } from '../shared/contract/obs';
import type { settingsRequests } from '../shared/contract/settings';
import { appError, type AppError } from '../shared/errors';
import { fail, ok, type Result } from '../shared/result';
import { ObsController, type ObsControllerOptions } from './obs/obs-controller';
import type { RequestHandlers } from './request-handlers';
import { silentLogger, type DocumentStore, type Logger, type SecretStore } from './ports';
import { SettingsService } from './settings/settings-service';
import { describeIssues } from './validation-details';

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
  obs.onState((state) => emit('obs.state', state));

  const connectFromSettings = (): void => {
    obs.connect(settings.read().obs.address, settings.obsPassword());
  };

  const appHandlers: RequestHandlers<typeof appRequests> = {
    'app.getInfo': async () => ok({ version: deps.version, secretProtection: deps.secrets.protection, notices }),
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
    'obs.switchScene': ({ sceneName }) => obs.switchScene(sceneName),
  };
  // One handler per request in the contract: a missing one fails the type check here.
  const handlers: RequestHandlers<ApiRequests> = { ...appHandlers, ...settingsHandlers, ...obsHandlers };

  return {
    async handle(name, params) {
      if (!isRequestName(name)) return fail(appError('UNKNOWN_REQUEST'));
      const parsed = apiRequests[name].params.safeParse(params);
      if (!parsed.success) return fail(appError('VALIDATION_FAILED', { details: describeIssues(parsed.error) }));
      try {
        const handler = handlers[name] as (p: unknown) => Promise<Result<unknown>>;
        return await handler(parsed.data);
      } catch (error) {
        logger.error('A request failed unexpectedly', { request: name, error: String(error) });
        return fail(appError('INTERNAL_ERROR'));
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: connectFromSettings,
    async stop() {
      listeners.clear();
      await obs.close();
    },
  };
}
