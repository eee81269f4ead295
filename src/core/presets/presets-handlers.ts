import type { presetsRequests } from '../../shared/contract/presets';
import { ok } from '../../shared/result';
import type { RequestHandlers } from '../request-handlers';
import type { PresetsService } from './presets-service';

export function presetsHandlers(service: PresetsService): RequestHandlers<typeof presetsRequests> {
  return {
    'presets.list': async () => ok({ presets: service.list() }),
    'presets.duplicate': async ({ presetId }) => service.duplicate(presetId),
    'presets.rename': async ({ presetId, name }) => service.rename(presetId, name),
    'presets.update': async ({ preset }) => service.update(preset),
    'presets.delete': async ({ presetId }) => service.delete(presetId),
    'presets.import': async ({ json }) => ok(service.import(json)),
    'presets.export': async ({ presetId }) => service.export(presetId),
    'presets.setDetails': ({ presetId, details, devices }) => service.setDetails(presetId, details, devices),
    'presets.plan': ({ presetId }) => service.plan(presetId),
    'presets.apply': ({ presetId }) => service.apply(presetId),
  };
}
