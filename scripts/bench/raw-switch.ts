import type { OBSWebSocket } from 'obs-websocket-js';
import { performance } from 'node:perf_hooks';

/** Raw floor: SetCurrentProgramScene → CurrentProgramSceneChanged on a bare obs-websocket-js client. */
export async function rawSwitch(client: OBSWebSocket, sceneName: string, timeoutMs = 10_000): Promise<number> {
  let t0 = 0;
  const seen = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('CurrentProgramSceneChanged', on);
      reject(new Error(`raw: no CurrentProgramSceneChanged for ${sceneName}`));
    }, timeoutMs);
    function on(e: { sceneName: string }): void {
      if (e.sceneName !== sceneName) return;
      const ms = performance.now() - t0;
      clearTimeout(timer);
      client.off('CurrentProgramSceneChanged', on);
      resolve(ms);
    }
    client.on('CurrentProgramSceneChanged', on);
  });
  t0 = performance.now();
  await client.call('SetCurrentProgramScene', { sceneName });
  return seen;
}
