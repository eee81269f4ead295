import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRawObs, type RunningObs } from '../support/obs-studio';
import type { RtmpIngest } from '../support/rtmp-ingest';
import { scaled } from '../support/timeouts';
import { waitFor } from '../support/wait-for';
import { expectAccessible } from './axe';
import { startE2eSession, type E2eSession } from './e2e-session';
import { applyPresetFromPrograms, expectText, horizontalOverflow } from './page-helpers';

/**
 * The story-time journey on ONE screen, in real Chromium against the browser host, a real OBS
 * and a real ingest: go live from Sänd and stay there. The same screen shows the live state, the
 * program monitor (its picture follows a scene switch), the scenes, the mics and End; P cuts to
 * privacy with the focus on the studio-mode switch and on the transition list; End puts the
 * closing scene on air; the after-broadcast list and the log entry follow from the same screen.
 * At phone width nothing scrolls sideways and the mics are within two screen heights.
 */
const KEY = 'e2e-live-screen-key-0815';
const REASON = 'Ingen mikrofon i provrummet';
const SCENE = (s: string) => `Sagostund – ${s}`;
const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** Where the screenshots go (docs/screenshots gets the ones worth keeping). */
const SHOTS = process.env.BIBBLAN_SHOTS ?? '/tmp/shots';
/** Applying a preset in a software-rendered OBS on two busy cores: generous, finite. */
const SLOW_MS = scaled(60_000);

describe('one live screen, from going live to the log entry', () => {
  let session: E2eSession<{ ingest: true }>;
  let obs: RunningObs;
  let ingest: RtmpIngest;
  let page: Page;

  /** The Sänd screen; everything of the broadcast must be found inside it. */
  const sand = (): Locator => page.locator('main.golive');
  const monitor = (): Locator => sand().getByTestId('program-monitor');
  const programImage = (): Locator => monitor().getByTestId('monitor-program').locator('img');
  const privacyActive = (): Locator => sand().getByTestId('privacy-active');
  const studioSwitch = (): Locator => sand().getByRole('switch', { name: 'Studioläge' });
  const transitionList = (): Locator => sand().locator('.live-transition select');

  const programScene = async (): Promise<string> =>
    (await withRawObs(obs.address, obs.password, (c) => c.call('GetCurrentProgramScene'))).currentProgramSceneName;
  const expectProgramScene = (name: string) =>
    waitFor(async () => (await programScene()) === name, {
      timeoutMs: scaled(15_000),
      intervalMs: 200,
      message: `OBS shows "${name}"`,
    });
  /** A screenshot of the window, scrolled to the top unless `keepScroll`. */
  const shot = async (name: string, keepScroll = false) => {
    // Scrolled, then the next frame painted (not a fixed wait).
    await page.locator('html').evaluate(
      (html, keep) =>
        new Promise((resolve) => {
          if (!keep) for (const box of html.ownerDocument.querySelectorAll('.app__body')) box.scrollTop = 0;
          html.ownerDocument.defaultView!.requestAnimationFrame(resolve);
        }),
      keepScroll,
    );
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
  };
  /** Nothing scrolls sideways: the page (the brief's measure) and every scroll box or element. */
  const expectNoSidewaysScroll = async (where: string) => {
    const page_ = await page.locator('html').evaluate((html) => ({
      scrollWidth: html.ownerDocument.scrollingElement!.scrollWidth,
      innerWidth: html.ownerDocument.defaultView!.innerWidth,
    }));
    expect(page_.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(page_.innerWidth);
    expect(await horizontalOverflow(page), `${where}: what sticks out`).toEqual([]);
  };
  /** The first mic button's top, from the top of the scrolled-up page, against two screen heights. */
  const expectMicsWithinTwoScreens = async (where: string) => {
    const mic = page.locator('.mic__toggle').first();
    await mic.waitFor();
    const { top, twice } = await mic.evaluate((el) => {
      const doc = el.ownerDocument;
      for (const box of [doc.scrollingElement!, ...doc.querySelectorAll('.app__body')]) box.scrollTop = 0;
      return { top: el.getBoundingClientRect().top, twice: 2 * doc.defaultView!.innerHeight };
    });
    expect(top, `${where}: mic button's top`).toBeLessThanOrEqual(twice);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await startE2eSession({ dataDirPrefix: 'bibblan-e2e-live-screen-', ingest: true, viewport: WIDE });
    ({ obs, ingest, page } = session);
  });

  afterAll(() => session?.stop());

  it('applies Sagostund and adds a destination pointing at the ingest', { timeout: SLOW_MS + 30_000 }, async () => {
    await applyPresetFromPrograms(page, /Sagostund/, 6);
    await page.getByTestId('open-golive').click();
    await page.getByRole('button', { name: 'Lägg till sändningsmål' }).click();
    await page.getByLabel('Namn', { exact: true }).fill('Lokal testserver');
    await page.getByLabel('Plattform').selectOption('custom');
    await page.getByLabel('Server', { exact: true }).fill(ingest.server);
    await page.getByLabel('Strömnyckel', { exact: true }).fill(KEY);
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    const choose = page.getByLabel('Sänd till Lokal testserver');
    await choose.waitFor();
    // One saved destination may be chosen already; otherwise choose it.
    if (!(await choose.isChecked())) await choose.click();
    await waitFor(() => choose.isChecked(), { message: 'destination chosen' });
    // Ready: the starting scene on air, as a librarian would have it before 10:00.
    await withRawObs(obs.address, obs.password, (c) =>
      c.call('SetCurrentProgramScene', { sceneName: SCENE('Startar snart') }),
    );
    await shot('sand-before-1366');
  });

  it('Sänd at phone width does not scroll sideways', async () => {
    await page.setViewportSize(PHONE);
    try {
      await expectNoSidewaysScroll('Sänd, before');
      await shot('sand-before-390');
    } finally {
      await page.setViewportSize(WIDE);
    }
  });

  it(
    'goes live and stays on the same screen: live state, program monitor, scenes, mics and End',
    { timeout: scaled(90_000) },
    async () => {
      // The mic is never heard on this machine: go live anyway, with a reason (kept in the log).
      await sand().getByTestId('golive-anyway').click();
      await page.locator('#golive-override-reason').fill(REASON);
      await sand().getByTestId('golive-anyway-go').click();
      await sand().getByTestId('golive-confirm').click();
      await sand()
        .locator('[data-phase="live"]')
        .waitFor({ timeout: scaled(30_000) });
      await waitFor(() => ingest.bytesIn(KEY), { timeoutMs: scaled(30_000), message: 'bytes at the ingest' });

      // All of it on the Sänd screen itself: no navigating while live.
      await expectText(sand().getByTestId('elapsed'), /\d+:\d\d/);
      await sand().getByTestId('scene-list').waitFor();
      await sand().locator('.mic__toggle').first().waitFor();
      await sand().getByTestId('golive-end').waitFor();
      await programImage().waitFor({ timeout: scaled(15_000) });
      expect(await programImage().getAttribute('src')).toMatch(/^data:image\/jpe?g;base64,/);
      await waitFor(
        async () => (await programImage().getAttribute('alt')) === `I sändning: ${SCENE('Startar snart')}`,
        {
          message: 'the monitor names the scene on air',
        },
      );
      // The picture is not announced on every frame: it is in no live region.
      expect(
        await programImage().evaluate((img) =>
          img.closest('[aria-live], [role="status"], [role="alert"], [role="log"]'),
        ),
      ).toBeNull();
      await shot('live-onair-1366');
      await expectAccessible(page, 'Sänd, on air');
    },
  );

  it('the monitor shows the new picture when a scene is switched', { timeout: scaled(60_000) }, async () => {
    const before = await programImage().getAttribute('src');
    await sand()
      .getByTestId('scene-list')
      .getByRole('button', { name: SCENE('Läsare'), exact: true })
      .click();
    await expectProgramScene(SCENE('Läsare'));
    await waitFor(async () => (await programImage().getAttribute('data-scene')) === SCENE('Läsare'), {
      timeoutMs: scaled(10_000),
      message: 'the monitor shows the reader scene',
    });
    expect(await programImage().getAttribute('src')).not.toBe(before);
    expect(await programImage().getAttribute('alt')).toBe(`I sändning: ${SCENE('Läsare')}`);
  });

  it(
    'P cuts to privacy and back with the focus on the studio-mode switch, then on the transition list',
    { timeout: scaled(90_000) },
    async () => {
      const pressP = async (active: boolean) => {
        await page.keyboard.press('p');
        await waitFor(async () => (await privacyActive().count()) === (active ? 1 : 0), {
          timeoutMs: scaled(10_000),
          message: active ? 'privacy on by P' : 'privacy off by P',
        });
      };
      // Studio mode on by its switch: the focus stays on the checkbox.
      await studioSwitch().click();
      await waitFor(() => studioSwitch().isChecked(), { message: 'studio mode on' });
      expect(await studioSwitch().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      // In studio mode the monitor shows preview and program side by side.
      await monitor()
        .getByTestId('monitor-preview')
        .locator('img')
        .waitFor({ timeout: scaled(15_000) });
      await monitor().scrollIntoViewIfNeeded();
      await shot('live-studio-1366', true);
      await expectAccessible(page, 'Sänd, on air in studio mode');
      await studioSwitch().focus();
      await pressP(true);
      // The cut goes to the safe scene and back: the program scene returns.
      await pressP(false);
      await expectProgramScene(SCENE('Läsare'));

      // The transition list: P works, and the arrow keys still choose in it.
      await transitionList().focus();
      await pressP(true);
      await pressP(false);
      const before = await transitionList().inputValue();
      await page.keyboard.press(before === 'cut' ? 'ArrowUp' : 'ArrowDown');
      await waitFor(async () => (await transitionList().inputValue()) !== before, {
        message: 'the arrow key changed the transition',
      });
      await transitionList().selectOption(before);

      await studioSwitch().click();
      await waitFor(async () => !(await studioSwitch().isChecked()), { message: 'studio mode off' });
    },
  );

  it(
    'P works on the log screen too, and the live view shows the cut when back',
    { timeout: scaled(60_000) },
    async () => {
      await sand().getByRole('button', { name: 'Tillbaka', exact: true }).first().click();
      await page.getByTestId('open-log').click();
      await page.getByTestId('log-screen').waitFor();
      const before = await programScene();
      // P is off in text fields by design; the log may have put the focus in its search box.
      await page.evaluate(
        "(() => { const a = document.activeElement; if (a && (a.tagName === 'INPUT' || a.tagName === 'TEXTAREA')) a.blur(); })()",
      );
      await page.keyboard.press('p');
      await waitFor(async () => (await programScene()) !== before, {
        timeoutMs: scaled(10_000),
        intervalMs: 200,
        message: 'the safe scene on air after P on the log screen',
      });
      // The log screen has no live view: the status bar says what P did.
      await expectText(page.getByTestId('status-privacy'), /Bild och ljud dolda – tryck P/);
      await shot('log-hidden-1366');
      await page.getByTestId('log-screen').getByRole('button', { name: 'Tillbaka', exact: true }).click();
      await page.getByTestId('main-screen').getByTestId('privacy-active').waitFor();
      await page.keyboard.press('p');
      await expectProgramScene(before);
      await waitFor(async () => (await page.getByTestId('status-privacy').count()) === 0, {
        message: 'the status bar no longer says hidden',
      });
      await page.getByTestId('open-golive').click();
      await sand().getByTestId('golive-end').waitFor();
    },
  );

  it(
    'at phone width the live screens do not scroll sideways and the mics are within two screen heights',
    { timeout: scaled(60_000) },
    async () => {
      await page.setViewportSize(PHONE);
      try {
        await expectNoSidewaysScroll('Sänd, live');
        await expectMicsWithinTwoScreens('Sänd, live');
        await shot('live-onair-390');
        // The main screen's live view too.
        await sand().getByRole('button', { name: 'Tillbaka', exact: true }).first().click();
        await page.getByTestId('main-screen').waitFor();
        await expectNoSidewaysScroll('live view');
        await expectMicsWithinTwoScreens('live view');
        // The main screen's live view has the monitor too, from the same loop.
        await page.getByTestId('main-screen').getByTestId('monitor-program').locator('img').waitFor();
        await shot('main-live-390');
        await page.getByTestId('open-golive').click();
        await sand().getByTestId('golive-end').waitFor();
      } finally {
        await page.setViewportSize(WIDE);
      }
    },
  );

  it(
    'ends with the closing scene; the after-broadcast list shows on the same screen',
    { timeout: scaled(60_000) },
    async () => {
      await sand().getByTestId('golive-end').click();
      await expectText(sand().locator('[data-phase="live"]'), new RegExp(SCENE('Tack')));
      await sand().getByTestId('golive-confirm-end').click();
      await sand()
        .locator('[data-phase="ended"]')
        .waitFor({ timeout: scaled(30_000) });
      expect(await programScene()).toBe(SCENE('Tack'));
      const status = await withRawObs(obs.address, obs.password, (c) => c.call('GetStreamStatus'));
      expect(status.outputActive).toBe(false);
      await expectText(sand().getByTestId('after-broadcast'), /Skicka rapporter/);
      // Its tick is a touch-size target too (WCAG 2.5.8), and it says the dates are kept in the log.
      const keepOnline = await sand()
        .getByRole('checkbox', { name: 'Inspelningen ligger kvar på nätet' })
        .boundingBox();
      expect(Math.min(keepOnline!.width, keepOnline!.height)).toBeGreaterThanOrEqual(24);
      await expectText(sand().locator('.golive-after'), /Datumen sparas i sändningsloggen/);
      // Still the live screen: the scenes and mics are there, the checklist is not back yet.
      await sand().getByTestId('scene-list').waitFor();
      expect(await sand().locator('.golive__columns').count()).toBe(0);
      // This broadcast's figures stay with its after-broadcast list.
      await sand().getByTestId('health-elapsed').waitFor();
      await shot('after-1366');
      await expectAccessible(page, 'Sänd, after the broadcast');
    },
  );

  it('opens this broadcast in the log from the after-broadcast list, and comes back', async () => {
    await sand().getByTestId('open-log-entry').click();
    const detail = page.getByTestId('log-detail');
    await detail.waitFor();
    await expectText(detail, /Lokal testserver/);
    await expectText(detail, new RegExp(REASON));
    await shot('log-detail-1366');
    await page.setViewportSize(PHONE);
    try {
      await expectNoSidewaysScroll('log detail');
      await shot('log-detail-390');
    } finally {
      await page.setViewportSize(WIDE);
    }
    await page.getByTestId('log-screen').getByRole('button', { name: 'Tillbaka', exact: true }).click();
    await sand().getByTestId('after-broadcast').waitFor();
  });

  it('Done: the health figures are reset for the next broadcast', async () => {
    await sand().getByRole('button', { name: 'Klar', exact: true }).click();
    await sand().locator('[data-phase="idle"]').waitFor();
    await sand().locator('.golive__columns').waitFor();
    await sand().getByRole('button', { name: 'Tillbaka', exact: true }).first().click();
    const health = page.getByTestId('main-screen').getByTestId('live-health');
    await health.waitFor();
    expect(await health.getByTestId('health-elapsed').count()).toBe(0);
    await expectText(health, /Hälsan visas när OBS sänder/);
    expect(session.consoleErrors).toEqual([]);
  });
});
