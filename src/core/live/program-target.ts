import type { ObsState } from '../../shared/obs-state';

/** Longer than any transition a preset sets, so a lost confirmation cannot hold a name for good. */
const PENDING_MS = 15_000;

/**
 * The program scene OBS is on its way to. OBS answers a switch at once but reports the new
 * program scene only when the transition has ended; a privacy cut pressed during a fade must
 * come back to where the app was going, not to where the fade started.
 */
export class ProgramTarget {
  #pending: { scene: string; until: number } | null = null;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The app has asked OBS to put `scene` on air. */
  expect(scene: string): void {
    this.#pending = { scene, until: this.#now() + PENDING_MS };
  }

  /** The switch to `scene` was refused: OBS stays where it was. */
  forget(scene: string): void {
    if (this.#pending?.scene === scene) this.#pending = null;
  }

  /** OBS's events arrived: once it shows the awaited scene, its own word counts again. */
  observe(state: ObsState): void {
    if (this.#pending && state.programScene === this.#pending.scene) this.#pending = null;
  }

  current(state: ObsState): string | null {
    const pending = this.#pending;
    return pending && this.#now() < pending.until ? pending.scene : state.programScene;
  }
}
