import { useEffect, useRef, useState } from 'react';
import type { BibblanApi } from '../../shared/api-bridge';

/**
 * One scene's screenshot per second, round robin: OBS renders in software on small machines,
 * so thumbnails stay modest. Paused while the page is hidden.
 */
export function useThumbnails(
  api: BibblanApi,
  sceneNames: readonly string[],
  active: boolean,
  intervalMs = 1_000,
): Record<string, string> {
  const [images, setImages] = useState<Record<string, string>>({});
  const names = useRef(sceneNames);
  names.current = sceneNames;
  useEffect(() => {
    if (!active) return;
    let next = 0;
    let busy = false;
    const timer = setInterval(() => {
      const list = names.current;
      if (busy || list.length === 0 || document.visibilityState !== 'visible') return;
      const sceneName = list[next % list.length]!;
      next += 1;
      busy = true;
      void api.live.thumbnail({ sceneName, width: 192 }).then((result) => {
        busy = false;
        if (result.ok) setImages((current) => ({ ...current, [sceneName]: result.value.imageData }));
      });
    }, intervalMs);
    return () => clearInterval(timer);
  }, [api, active, intervalMs]);
  return images;
}
