import type { ProgramPicture, ScenePicture } from '../../shared/live/live-state';
import type { ObsController } from '../obs/obs-controller';
import type { Logger } from '../ports';

export type PictureSource = Pick<ObsController, 'state' | 'call'>;

export interface ProgramPictureOptions {
  emit(picture: ProgramPicture): void;
  logger: Logger;
  /** From one capture's start to the next; default 400 ms (2.5 pictures a second). */
  intervalMs?: number;
  /** How long one watch() keeps pictures coming; default 10 s (clients renew it). */
  leaseMs?: number;
  /** Width of the pictures in pixels; OBS keeps the aspect ratio. Default 640. */
  width?: number;
}

/**
 * The program monitor's pictures: ONE screenshot loop in the core, whatever the number of
 * windows, browser tabs or phones watching, so OBS's load does not grow with them. It runs
 * while some client holds a lease (renewed every few seconds, so a closed window stops it by
 * itself), never has two captures in flight, and in studio mode shows preview and program.
 */
export class ProgramPictureLoop {
  readonly #obs: PictureSource;
  readonly #o: Required<Omit<ProgramPictureOptions, 'emit' | 'logger'>> & ProgramPictureOptions;
  #until = 0;
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  #captures = 0;

  constructor(obs: PictureSource, options: ProgramPictureOptions) {
    this.#obs = obs;
    this.#o = { intervalMs: 400, leaseMs: 10_000, width: 640, ...options };
  }

  /** Screenshot rounds started so far (one round: program, and preview in studio mode). */
  get captures(): number {
    return this.#captures;
  }

  /** True while the lease keeps the loop going. */
  get running(): boolean {
    return this.#running;
  }

  watch(now = Date.now()): number {
    this.#until = now + this.#o.leaseMs;
    if (!this.#running) {
      this.#running = true;
      void this.#round();
    }
    return this.#until;
  }

  stop(): void {
    this.#until = 0;
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #round(): Promise<void> {
    if (!this.#running) return;
    if (Date.now() >= this.#until) {
      this.stop();
      return;
    }
    const startedAt = Date.now();
    const obs = this.#obs.state;
    if (obs.connection.status === 'connected' && obs.programScene !== null) {
      this.#captures += 1;
      const preview = obs.studioMode ? obs.previewScene : null;
      const [program, previewPicture] = await Promise.all([
        this.#capture(obs.programScene),
        preview ? this.#capture(preview) : Promise.resolve(null),
      ]);
      if (this.#running && program) this.#o.emit({ at: Date.now(), program, preview: previewPicture });
    }
    if (!this.#running) return;
    const wait = Math.max(0, this.#o.intervalMs - (Date.now() - startedAt));
    this.#timer = setTimeout(() => void this.#round(), wait);
  }

  async #capture(sceneName: string): Promise<ScenePicture | null> {
    const result = await this.#obs.call('GetSourceScreenshot', {
      sourceName: sceneName,
      imageFormat: 'jpg',
      imageWidth: this.#o.width,
      imageCompressionQuality: 70,
    });
    if (result.ok) return { sceneName, imageData: result.value.imageData };
    // A scene removed between the state and the request: the next round reads the new state.
    this.#o.logger.info('No picture of a scene', { error: result.error.code });
    return null;
  }
}
