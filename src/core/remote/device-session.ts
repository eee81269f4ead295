import type { EventName } from '../../shared/api-contract';
import type { Result } from '../../shared/result';

/** The core as one connection uses it (the same shape as the host's HostedCore). */
export interface HostedCoreView {
  handle(name: unknown, params: unknown): Promise<Result<unknown>>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}
