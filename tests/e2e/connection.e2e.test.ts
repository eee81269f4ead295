import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeObsServer } from '../support/fake-obs-server';
import { withRawObs, type RunningObs } from '../support/obs-studio';
import { expectAccessible } from './axe';
import { startE2eSession, type E2eSession } from './e2e-session';
import { expectLiveScene, expectText, sceneButton, statusText } from './page-helpers';
import { scaled } from '../support/timeouts';

/**
 * The UI in real Chromium, against the browser host (as `npm run serve` starts it)
 * connected to a real OBS Studio. The steps build on each other, like a librarian's first day.
 */
describe('connecting to OBS and switching scenes, in the browser', () => {
  let session: E2eSession;
  let obs: RunningObs;
  let page: Page;
  /** "Ansluten till OBS 32\.2\.2" for whichever OBS the harness started. */
  let connectedSv: RegExp;
  let connectedEn: RegExp;

  beforeAll(async () => {
    // Not connected: the first-run screen is what these tests look at.
    session = await startE2eSession({ connect: false });
    ({ obs, page } = session);
    const { obsVersion } = await withRawObs(obs.address, obs.password, (c) => c.call('GetVersion'));
    const version = obsVersion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    connectedSv = new RegExp(`Ansluten till OBS ${version}`);
    connectedEn = new RegExp(`Connected to OBS ${version}`);
  });

  afterAll(() => session?.stop());

  it('prints exactly one line and opens on the first-run screen in Swedish', async () => {
    expect(session.host.stdoutLines).toEqual([`Serving at ${session.host.url}`]);
    await page.getByTestId('first-run').waitFor();
    await page.getByRole('heading', { name: 'Välkommen till Bibblan Live' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await expectAccessible(page, 'the first-run screen');
  });

  it('an old OBS (obs-websocket 4): says OBS 28 or later is needed and where to get it', async () => {
    const oldObs = await startFakeObsServer('v4');
    try {
      await page.getByLabel('Adress till OBS').fill(oldObs.address);
      await page.getByRole('button', { name: 'Anslut', exact: true }).click();
      const alert = page.locator('[data-error-code="OBS_NOT_V5"]').first();
      await expectText(alert, /Bibblan Live behöver OBS 28 eller senare/);
      await expectText(alert, /obsproject\.com/);
    } finally {
      await oldObs.close();
    }
  });

  it('says the password is wrong, in words that say what to do', async () => {
    await page.getByLabel('Adress till OBS').fill(obs.address);
    await page.getByLabel('Lösenord', { exact: true }).fill('fel-lösenord');
    await page.getByRole('button', { name: 'Anslut', exact: true }).click();
    const alert = page.locator('[data-error-code="OBS_AUTH_FAILED"]').first();
    await expectText(alert, /Fel lösenord/);
    await expectText(alert, /Visa anslutningsinfo|Show Connect Info|WebSocket/i);
    await expectAccessible(page, 'the first-run screen with a wrong password');
  });

  it('connects with the right password and shows the scenes with the live one marked', async () => {
    // The rejected password was saved, so the field now asks for a new one.
    await page.getByLabel('Nytt lösenord', { exact: true }).fill(obs.password!);
    await page.getByRole('button', { name: 'Anslut', exact: true }).click();
    await expectText(statusText(page), connectedSv);
    await page.getByTestId('main-screen').waitFor();
    const live = await withRawObs(obs.address, obs.password, (c) => c.call('GetCurrentProgramScene'));
    await expectLiveScene(page, live.currentProgramSceneName);
    expect(await page.content()).not.toContain(obs.password!);
    await expectAccessible(page, 'the live view, connected');
  });

  it('shows a scene created and switched to in OBS itself, with no refresh', async () => {
    await withRawObs(obs.address, obs.password, async (client) => {
      await client.call('CreateScene', { sceneName: 'Sagostund – Läsare' });
      await client.call('CreateScene', { sceneName: 'Tack för i dag' });
      await client.call('SetCurrentProgramScene', { sceneName: 'Sagostund – Läsare' });
    });
    await expectLiveScene(page, 'Sagostund – Läsare');
    await sceneButton(page, 'Tack för i dag').waitFor();
  });

  it('switches the live scene from the app, and OBS agrees', async () => {
    await sceneButton(page, 'Tack för i dag').click();
    await expectLiveScene(page, 'Tack för i dag');
    const live = await withRawObs(obs.address, obs.password, (c) => c.call('GetCurrentProgramScene'));
    expect(live.currentProgramSceneName).toBe('Tack för i dag');
    expect(await sceneButton(page, 'Sagostund – Läsare').getAttribute('aria-current')).not.toBe('true');
  });

  it('survives an OBS crash: shows it within 2 s, then reconnects and resyncs with no click', async () => {
    await obs.kill('SIGKILL');
    await expectText(statusText(page), /Återansluter|Inte ansluten/, 2_000);
    await obs.restart();
    await expectText(statusText(page), connectedSv, scaled(15_000));
    const live = await withRawObs(obs.address, obs.password, (c) => c.call('GetCurrentProgramScene'));
    await expectLiveScene(page, live.currentProgramSceneName);
  });

  it('switches the whole UI to English from the settings', async () => {
    await page.getByRole('button', { name: 'Inställningar' }).click();
    await page.getByTestId('password-saved').waitFor();
    // The connection screen names the OBS it found.
    await expectText(page.getByTestId('connection-screen-status'), connectedSv);
    await page.getByRole('radio', { name: 'English' }).check();
    await expectText(statusText(page), connectedEn);
    await expectText(page.getByTestId('connection-screen-status'), connectedEn);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(page, 'the settings, in English');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByTestId('main-screen').waitFor();
  });

  it('remembers the connection and language: a restarted host connects at start', async () => {
    await session.restartHost();
    await page.goto(session.host.url);
    await expectText(statusText(page), connectedEn, scaled(15_000));
    await page.getByTestId('main-screen').waitFor();
    expect(session.consoleErrors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
  });
});

/**
 * An OBS that has opened its WebSocket but not yet loaded (obs-websocket 5.3+ answers "not
 * ready" then): a fake server, since a real OBS is not ready only for a moment, and not on cue.
 */
describe('an OBS that is still starting, in the browser', () => {
  let session: E2eSession<{ obs: false; connect: false }>;

  beforeAll(async () => {
    session = await startE2eSession({ obs: false, connect: false });
  });

  afterAll(() => session?.stop());

  it('says "OBS startar…" while OBS is not ready, then connects by itself when it is', async () => {
    const starting = await startFakeObsServer('obs');
    try {
      starting.setNotReady(true);
      const { page } = session;
      await page.getByTestId('first-run').waitFor();
      await page.getByLabel('Adress till OBS').fill(starting.address);
      await page.getByRole('button', { name: 'Anslut', exact: true }).click();
      await expectText(statusText(page), /OBS startar…/, scaled(10_000));
      // No failure is shown for a request OBS will answer a moment later, and nothing to press.
      expect(await page.locator('[data-error-code]').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Återanslut nu' }).count()).toBe(0);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectText(statusText(page), /OBS startar…/);
      starting.setNotReady(false);
      await expectText(statusText(page), /Ansluten till OBS 29\.0\.2-fake/, scaled(10_000));
      await page.getByTestId('main-screen').waitFor();
      expect(starting.requests.some((r) => r.status === 207)).toBe(true);
    } finally {
      await starting.close();
    }
  });
});
