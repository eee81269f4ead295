import type { AppError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { windowHostLink, type HostLink } from './host-link';

/** One part of a store fed from the API: the event that carries its value and the request that loads it. */
export interface FeedPart<T> {
  /** Subscribes to the event carrying a new value; returns the unsubscribe. */
  on?: (listener: (value: T) => void) => () => void;
  /** Asks the core for the current value. */
  load?: () => Promise<Result<T>>;
  /** Puts a value in the store: every event's, and an answer that no event or newer answer overtook. */
  set: (value: T) => void;
  /** A load failed, other than by the host link dropping (its return loads again). */
  failed?: (error: AppError) => void;
  /**
   * For a part that loads in its own way instead of `load` (the log pages its list): run on every
   * load, `again` after the first, when what the views show may be stale.
   */
  refresh?: (again: boolean) => Promise<void>;
}

export interface Feed {
  /** Loads every part again, e.g. from a "Try again" button. */
  reload(): Promise<void>;
  /** Unsubscribes from the events and the link; answers still on their way are dropped. */
  stop(): void;
}

/** The link of this window unless told otherwise; null: nothing to follow (Electron). */
export interface FeedOptions {
  link?: HostLink | null;
}

/**
 * Feeds a store from the API, outside React: subscribes to each part's event, then loads every
 * part, and loads again each time the host link returns (events sent while it was down are lost,
 * and a restarted host may hold other state). An answer is dropped when an event of its part came
 * after it was asked for, or a newer load was asked for: both are newer than the answer.
 */
export function feedStore<const T extends readonly unknown[]>(
  parts: { readonly [K in keyof T]: FeedPart<T[K]> },
  options: FeedOptions = {},
): Feed {
  const link = options.link === undefined ? windowHostLink() : options.link;
  const list = parts as readonly FeedPart<unknown>[];
  // Per part: events seen and loads asked for, so an older answer can tell it was overtaken.
  const events = list.map(() => 0);
  const loads = list.map(() => 0);
  let stopped = false;
  let loadedOnce = false;

  const unsubscribers = list.flatMap((part, i) =>
    part.on
      ? [
          part.on((value) => {
            events[i]! += 1;
            part.set(value);
          }),
        ]
      : [],
  );

  const loadPart = async (part: FeedPart<unknown>, i: number, again: boolean): Promise<void> => {
    if (part.refresh) return part.refresh(again);
    if (!part.load) return;
    const eventsBefore = events[i]!;
    const load = (loads[i]! += 1);
    const result = await part.load();
    if (stopped || load !== loads[i]) return;
    if (!result.ok) {
      // The link dropped meanwhile: keep what is shown, its return loads again.
      if (result.error.code !== 'HOST_CONNECTION_LOST') part.failed?.(result.error);
      return;
    }
    if (events[i] === eventsBefore) part.set(result.value);
  };

  const reload = async (): Promise<void> => {
    if (stopped) return;
    const again = loadedOnce;
    loadedOnce = true;
    await Promise.all(list.map((part, i) => loadPart(part, i, again)));
  };

  if (link) {
    unsubscribers.push(
      link.onConnectionChange((connected) => {
        if (connected) void reload();
      }),
    );
  }
  // Through a link that is not up yet, the connect event loads.
  if (!link || link.isConnected()) void reload();

  return {
    reload,
    stop() {
      if (stopped) return;
      stopped = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
