import type { Locator, Page } from 'playwright-core';
import { createScenes, withRawObs } from '../support/obs-studio';
import { makeToneFile, toneInput } from '../support/tone-file';
import { waitFor } from '../support/wait-for';
import { scaled } from '../support/timeouts';

/** Waits until the locator's text matches; fails with the last text seen. */
export async function expectText(locator: Locator, pattern: RegExp, timeoutMs = scaled(10_000)): Promise<string> {
  return waitFor(
    async () => {
      const text = (await locator.textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
      return pattern.test(text) ? text : '';
    },
    { timeoutMs, message: `text matching ${pattern}` },
  );
}

export const statusText = (page: Page): Locator => page.getByTestId('connection-status');

export const sceneButton = (page: Page, name: string): Locator =>
  page.getByTestId('scene-list').getByRole('button', { name, exact: true });

/** The scene the UI marks as live (aria-current), as OBS reported it. */
export async function expectLiveScene(page: Page, name: string, timeoutMs = scaled(10_000)): Promise<void> {
  await waitFor(
    async () => (await sceneButton(page, name).getAttribute('aria-current', { timeout: 1_000 })) === 'true',
    {
      timeoutMs,
      message: `scene "${name}" marked live`,
    },
  );
}

/**
 * What sticks out sideways: the page and every scroll container wider than its box, and every
 * visible element whose right edge passes the window's. Empty when the layout fits the width.
 */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.locator('html').evaluate((html) => {
    const doc = html.ownerDocument;
    const win = doc.defaultView!;
    const width = html.clientWidth;
    const name = (el: { tagName: string; id: string; className: unknown }) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const found: string[] = [];
    const root = doc.scrollingElement!;
    if (root.scrollWidth > root.clientWidth)
      found.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of doc.body.querySelectorAll('*')) {
      const style = win.getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || style.clipPath === 'inset(50%)') continue;
      if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth)
        found.push(`${name(el)} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5)
        found.push(`${name(el)} ends at ${Math.round(box.right)} px, window is ${width} px`);
    }
    return found;
  });
}

/** The first-run screen, filled in and saved: waits until OBS is connected and the main screen shows. */
export async function connectOnFirstRun(page: Page, obs: { address: string; password: string | null }): Promise<void> {
  await page.getByTestId('first-run').waitFor();
  await page.getByLabel('Adress till OBS').fill(obs.address);
  await page.getByLabel('Lösenord', { exact: true }).fill(obs.password ?? '');
  await page.getByRole('button', { name: 'Anslut', exact: true }).click();
  await expectText(statusText(page), /Ansluten till OBS \d+\.\d+/, scaled(20_000));
  await page.getByTestId('main-screen').waitFor();
}

/** A scene "Extra" holding a looping tone "Ton" (a mic OBS meters and hears, no device needed). */
export async function addToneScene(obs: { address: string; password: string | null }, dir: string): Promise<void> {
  await createScenes(obs.address, obs.password, ['Extra']);
  const file = makeToneFile(dir);
  await withRawObs(obs.address, obs.password, (c) => c.call('CreateInput', toneInput('Extra', 'Ton', file)));
}

/** Applies a preset from Programs, then back to the live view once its scenes are listed there. */
export async function applyPresetFromPrograms(page: Page, name: RegExp, minScenes = 4): Promise<void> {
  await page.getByTestId('open-programs').click();
  await page.getByTestId('preset-list').getByRole('button', { name }).click();
  await page.getByRole('button', { name: 'Tillämpa i OBS' }).click();
  await waitFor(
    async () =>
      ['applied', 'partial'].includes(
        (await page
          .getByTestId('apply-result')
          .getAttribute('data-status', { timeout: 1_000 })
          .catch(() => null)) ?? '',
      ),
    {
      timeoutMs: scaled(30_000),
      message: 'preset applied',
    },
  );
  await page.getByRole('button', { name: 'Tillbaka till scenerna' }).click();
  await page.getByTestId('live-view').waitFor();
  await waitFor(async () => (await page.getByTestId('scene-list').locator('li[data-scene]').count()) >= minScenes, {
    message: 'preset scenes listed',
  });
}
