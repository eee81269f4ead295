import type { ObsController } from '../obs/obs-controller';

/** At most this many cameras are tried per refresh: a library program has one to three. */
const MAX_CAMERAS = 3;

/**
 * Whether OBS renders a picture from each camera input. A capture input without a working
 * device has no size, and OBS then refuses to take a screenshot of it; a tiny one costs OBS
 * next to nothing.
 */
export async function readCameraPictures(
  obs: Pick<ObsController, 'call'>,
  inputNames: readonly string[],
): Promise<Record<string, boolean>> {
  const result: Record<string, boolean> = {};
  for (const sourceName of inputNames.slice(0, MAX_CAMERAS)) {
    const shot = await obs.call('GetSourceScreenshot', { sourceName, imageFormat: 'jpg', imageWidth: 8 });
    result[sourceName] = shot.ok;
  }
  return result;
}
