import { OBSWebSocket } from 'obs-websocket-js';
import type { Page } from 'playwright-core';
import { createScenes, type RunningObs } from '../../tests/support/obs-studio';
import { percentile, round } from './stats';
import type { PhaseResult } from './table';
import { startUiSession } from './ui-session';
import { rawSwitch } from './raw-switch';

export const BENCH_SCENES = ['Bench A', 'Bench B', 'Bench C'];

/**
 * Runs in the page (passed as a string so no bundler helper leaks in): finds the scene's button
 * by its scene/accessible name, clicks it and resolves with the ms until the UI marks it
 * live (aria-current="true"), seen by a MutationObserver — no Playwright round trip inside.
 */
const IN_PAGE = `async ({ name, timeoutMs, click }) => {
  const find = () => {
    const byData = document.querySelector('li[data-scene="' + CSS.escape(name) + '"] button');
    if (byData) return byData;
    return [...document.querySelectorAll('button')].find((b) => {
      const label = b.querySelector('.scene__label');
      const text = (b.getAttribute('aria-label') || (label ? label.textContent : b.textContent) || '').trim();
      return text === name;
    }) || null;
  };
  const isLive = () => { const b = find(); return !!b && b.getAttribute('aria-current') === 'true'; };
  if (!click) {
    // Only wait until the UI shows this scene live (after a switch made elsewhere).
    if (isLive()) return 0;
  } else {
    const button = find();
    if (!button) throw new Error('no button for scene ' + name);
    if (isLive()) throw new Error('scene ' + name + ' is already live');
  }
  return await new Promise((resolve, reject) => {
    let t0 = 0;
    const observer = new MutationObserver(() => {
      if (!isLive()) return;
      const ms = performance.now() - t0;
      observer.disconnect();
      clearTimeout(timer);
      resolve(ms);
    });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('scene ' + name + ' not marked live within ' + timeoutMs + ' ms')); }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-current'] });
    t0 = performance.now();
    if (click) find().click();
  });
}`;

async function uiSwitch(page: Page, name: string, click: boolean, timeoutMs = 10_000): Promise<number> {
  return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify({ name, timeoutMs, click })})`)) as number;
}

/** Issue #4: scene button press → UI marks the new live scene, against the raw floor, interleaved. */
export async function measureSceneSwitch(
  obs: RunningObs,
  opts: { quick: boolean; log: (m: string) => void },
): Promise<PhaseResult> {
  const samples = opts.quick ? 10 : 40;
  const warmup = 3;
  await createScenes(obs.address, obs.password, BENCH_SCENES);
  const client = new OBSWebSocket();
  await client.connect(obs.address, obs.password ?? undefined);
  // OBS's default 300 ms Fade would dominate both paths and hide the app's own overhead: Cut.
  const { transitionName: transitionBefore } = await client.call('GetCurrentSceneTransition');
  await client.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
  const ui = await startUiSession(obs).catch(async (error: unknown) => {
    await client.disconnect();
    throw error;
  });
  try {
    let k = 0;
    const next = (): string => BENCH_SCENES[k++ % BENCH_SCENES.length]!;
    // Start from a known scene, seen by the UI.
    let current = next();
    await client.call('SetCurrentProgramScene', { sceneName: current });
    await uiSwitch(ui.page, current, false, 30_000);
    const raw: number[] = [];
    const app: number[] = [];
    for (let i = 0; i < warmup + samples; i += 1) {
      // Raw, then app, alternately: both see the same load.
      current = next();
      const r = await rawSwitch(client, current);
      await uiSwitch(ui.page, current, false); // the UI caught up before the app's turn
      current = next();
      const a = await uiSwitch(ui.page, current, true);
      if (i >= warmup) {
        raw.push(r);
        app.push(a);
      }
    }
    const f = {
      scene_switch_app_p50_ms: percentile(app, 50),
      scene_switch_app_p95_ms: percentile(app, 95),
      scene_switch_raw_p50_ms: percentile(raw, 50),
      scene_switch_raw_p95_ms: percentile(raw, 95),
      scene_switch_samples: samples,
      scene_switch_p50_ratio: 0,
      scene_switch_p95_ratio: 0,
    };
    f.scene_switch_p50_ratio = f.scene_switch_app_p50_ms / f.scene_switch_raw_p50_ms;
    f.scene_switch_p95_ratio = f.scene_switch_app_p95_ms / f.scene_switch_raw_p95_ms;
    return {
      figures: f,
      rows: [
        {
          figure: `scene switch (Cut), UI click → live marker, p50 (n=${samples})`,
          value: f.scene_switch_app_p50_ms,
          unit: 'ms',
          floor: `raw ${round(f.scene_switch_raw_p50_ms)} ms, ${f.scene_switch_p50_ratio.toFixed(2)}×`,
          target: '≤ 1.2× raw',
        },
        {
          figure: `scene switch (Cut), UI click → live marker, p95 (n=${samples})`,
          value: f.scene_switch_app_p95_ms,
          unit: 'ms',
          floor: `raw ${round(f.scene_switch_raw_p95_ms)} ms, ${f.scene_switch_p95_ratio.toFixed(2)}×`,
          target: '≤ 1.5× raw',
        },
      ],
    };
  } finally {
    await ui.stop();
    if (transitionBefore)
      await client.call('SetCurrentSceneTransition', { transitionName: transitionBefore }).catch(() => {});
    await client.disconnect().catch(() => {});
  }
}
