import type { liveErrorsSv } from './live.sv';
import type { ErrorText } from './message-types';
import type { Messages } from './sv';

/** English texts of the live view. */

export const liveErrorsEn: Record<keyof typeof liveErrorsSv, ErrorText> = {
  LIVE_SAFE_SCENE_MISSING: {
    message: 'There is no safe scene to switch to.',
    action:
      'Apply a program under Programs (it has a safe scene), or switch to a neutral scene yourself and mute the microphones.',
  },
  LIVE_NOT_STUDIO_MODE: {
    message: 'Studio mode is off, so there is nothing to take.',
    action: 'Press a scene to show it at once, or turn studio mode on.',
  },
  LIVE_MIC_NOT_FOUND: {
    message: 'The microphone {{inputName}} is not in OBS.',
    action: 'Apply the program again under Programs, or check the audio sources in OBS.',
  },
  LIVE_PRIVACY_NOT_ACTIVE: {
    message: 'Picture and sound are already back.',
    action: 'Nothing to do: the scene and the microphones are as they were.',
  },
  LIVE_TRANSITION_MISSING: {
    message: 'OBS has no transition of the kind {{kind}}.',
    action: 'Add it in OBS under Scene Transitions, or choose another.',
  },
};

export const liveEn: Messages['live'] = {
  heading: 'Live view',
  presetScenes: 'Scenes of {{preset}}',
  obsScenes: 'Scenes in OBS',
  otherScenes: 'Other scenes in OBS',
  noPreset: 'No program is applied. These are all the scenes in OBS.',
  studio: {
    toggle: 'Studio mode',
    on: 'Studio mode is on: a scene you choose shows in the preview first. Press Take to put it on air.',
    off: 'A scene you choose goes on air at once.',
    take: 'Take',
    takeHint: 'Space or Enter',
    nothingToTake: 'The preview is already on air.',
  },
  transition: {
    label: 'Transition',
    preset: "The program's ({{kind}})",
    presetNone: 'Fade',
    cut: 'Cut',
    kinds: { fade: 'fade', cut: 'cut' },
  },
  mics: {
    heading: 'Microphones and sound',
    none: 'OBS has no audio sources.',
    // Heard after the state and the name: what a press does.
    mute: 'mute',
    unmute: 'unmute',
    muted: 'OFF',
    live: 'ON',
    mainHint: 'M',
    level: 'Sound level of {{name}}',
    warning: {
      talkingWhileMuted: 'Someone is talking but the microphone is muted.',
      silent: 'No sound for 10 seconds although the microphone is on.',
      clipping: 'Too loud – the sound distorts. Move the microphone further away.',
      shouldBeLive: 'This scene should have the microphone on.',
      shouldBeMuted: 'This scene should have the microphone muted.',
    },
  },
  privacy: {
    cut: 'Hide picture and sound',
    cutHint: 'P',
    explain: 'Switches to the safe scene and mutes every microphone.',
    active: 'PICTURE AND SOUND HIDDEN: viewers see the safe scene and hear nothing.',
    statusActive: 'Picture and sound hidden – press P to show them again',
    restore: 'Back to the broadcast',
    restoreTo: 'Back to {{scene}} with the microphones as they were',
  },
  keys: {
    heading: 'Keyboard shortcuts',
    scenes: '1–9: scene',
    take: 'Space/Enter: take',
    mute: 'M: main microphone on/off',
    privacy: 'P: hide picture and sound',
  },
  health: {
    heading: 'Stream health',
    elapsed: 'Time on air',
    bitrate: 'Bitrate',
    kbps: '{{value}} kbit/s',
    dropped: 'Dropped frames',
    skipped: 'Skipped frames',
    congestion: 'Network congestion',
    recording: 'Recording',
    recordingOn: 'Recording',
    recordingOff: 'Off',
    offline: 'Health shows while OBS streams.',
    alert: {
      droppedFrames:
        'More than 2 % of frames were dropped in the last minute. The internet connection is not keeping up: close other programs that use the network, or lower the bitrate in OBS after the broadcast.',
      encoderOverloaded:
        'The computer cannot keep up: more than 2 % of frames could not be encoded in the last minute, so the picture stutters for viewers. Close other programs on the computer. After the broadcast: lower the resolution or frame rate in OBS.',
      congestion: 'The network is heavily congested. The picture may stutter for viewers.',
      streamReconnecting: 'The stream was interrupted and OBS is reconnecting. Carry on as usual.',
      obsReconnecting:
        'The link to OBS is lost and Bibblan Live is trying again. The stream may continue in OBS – look in OBS.',
      obsDisconnected:
        'Bibblan Live has no link to OBS. The stream may continue in OBS – end it in OBS if you need to.',
    },
  },
  stop: {
    button: 'End the broadcast',
    confirm: 'Press again within {{seconds}} seconds to end',
    ending: 'Ending…',
    notFromApp: 'The broadcast can be ended here while OBS streams.',
  },
  monitor: {
    heading: 'On screen now',
    program: 'On air',
    preview: 'Preview',
    programAlt: 'On air: {{scene}}',
    previewAlt: 'Preview: {{scene}}',
    waiting: 'The picture from OBS is on its way…',
  },
  texts: {
    heading: 'On-screen texts',
    hint: 'Changes show in OBS at once.',
  },
};
