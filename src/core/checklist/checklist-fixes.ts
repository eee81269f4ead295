import type { ChecklistStatus, FixAction } from '../../shared/checklist/checklist-schema';
import { micsToCheck, type ChecklistFacts } from '../../shared/checklist/evaluate';
import type { OutputFacts } from '../../shared/checklist/obs-output-facts';
import type { Destination } from '../../shared/destinations/destination-schema';
import { appError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import type { ObsController } from '../obs/obs-controller';
import { applyPlatformBitrate, applyPlatformResolution } from './output-fixes';
import type { ChecklistPresets } from './preset-facts';

/** What a fix-it button needs of the checklist service and OBS. */
export interface FixContext {
  obs: Pick<ObsController, 'state' | 'call' | 'reconnectNow' | 'switchScene'>;
  /** The status the failing check was read from. */
  status: ChecklistStatus;
  presets: ChecklistPresets | null;
  presetFacts(presetId: string | null): ChecklistFacts['preset'];
  destination: Destination | null;
  output: OutputFacts | null;
  enableRecording(): Result<ChecklistStatus>;
  /** Checks again with what is known (after a change OBS announces itself). */
  notify(): ChecklistStatus;
  /** Reads OBS again, then checks (after a change OBS does not announce). */
  refresh(): Promise<ChecklistStatus>;
}

const noFix = () => fail(appError('CHECKLIST_NO_FIX'));

/** Does what a failing automatic check's fix-it button offers. */
export async function runFix(fix: FixAction, c: FixContext): Promise<Result<ChecklistStatus>> {
  const notifyIfOk = (r: Result<unknown>): Result<ChecklistStatus> => (r.ok ? ok(c.notify()) : fail(r.error));
  const refreshIfOk = async (r: Result<unknown>): Promise<Result<ChecklistStatus>> =>
    r.ok ? ok(await c.refresh()) : fail(r.error);
  switch (fix) {
    case 'reconnectObs':
      c.obs.reconnectNow();
      return ok(c.notify());
    case 'enableRecording':
      return c.enableRecording();
    case 'switchToStartingScene':
      if (!c.status.startingScene) return noFix();
      return notifyIfOk(await c.obs.switchScene(c.status.startingScene));
    case 'testMic': {
      const preset = c.presetFacts(c.status.session.presetId);
      // Never while streaming: it would put the room on air.
      if (!preset?.found || !preset.micScene || c.obs.state.stream.active) return noFix();
      return notifyIfOk(await c.obs.switchScene(preset.micScene));
    }
    case 'applyPreset': {
      const presetId = c.status.session.presetId;
      if (presetId === null || !c.presets) return noFix();
      return refreshIfOk(await c.presets.apply(presetId));
    }
    case 'unmuteMic': {
      const preset = c.presetFacts(c.status.session.presetId);
      const mic = micsToCheck(c.obs.state.inputs, preset?.found ? preset : null).find((m) => m.muted === true);
      if (!mic) return noFix();
      return notifyIfOk(await c.obs.call('SetInputMute', { inputName: mic.name, inputMuted: false }));
    }
    // Output settings: OBS does not announce them, so the checks read them again.
    case 'applyPlatformBitrate':
      return refreshIfOk(await applyPlatformBitrate(c.obs, c.destination, c.output));
    case 'applyPlatformResolution':
      return refreshIfOk(await applyPlatformResolution(c.obs, c.destination, c.output));
  }
}
