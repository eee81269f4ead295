import { logEn } from './log.en';
import { presetsEn } from './presets.en';
import { goliveEn, goliveErrorsEn } from './golive.en';
import { liveEn, liveErrorsEn } from './live.en';
import { remoteEn, remoteErrorsEn } from './remote.en';
import type { Messages } from './sv';

/** English. Typed as `Messages`: a key missing here (or one sv does not have) fails the type check. */
export const en: Messages = {
  app: {
    title: 'Bibblan Live',
    loading: 'Starting Bibblan Live…',
    loadFailed: 'Bibblan Live could not start.',
    retry: 'Try again',
  },
  header: {
    settings: 'Settings',
    programs: 'Programs',
  },
  status: {
    regionLabel: 'Status',
    connected: 'Connected to OBS {{version}}',
    connecting: 'Connecting to OBS…',
    obsStarting: 'OBS is starting…',
    obsLoading: 'Connected to OBS {{version}} – OBS is loading…',
    reconnecting: 'Reconnecting to OBS…',
    reconnectingIn_one: 'Reconnecting in {{count}} second',
    reconnectingIn_other: 'Reconnecting in {{count}} seconds',
    reconnectingAutomatically: 'Reconnecting automatically',
    disconnected: 'Not connected to OBS',
    reconnectNow: 'Reconnect now',
    hostConnecting: 'Contacting the Bibblan Live background service…',
    hostLost: 'The Bibblan Live background service is not answering',
    stream: {
      live: 'LIVE',
      starting: 'Stream starting…',
      stopping: 'Stream stopping…',
      reconnecting: 'Stream interrupted – OBS is retrying',
      offline: 'Not live',
    },
    record: {
      recording: 'RECORDING',
      paused: 'RECORDING PAUSED',
      starting: 'Recording starting…',
      stopping: 'Recording stopping…',
      off: 'Not recording',
    },
  },
  scenes: {
    heading: 'Scenes',
    onAir: 'ON AIR',
    showing: 'SHOWING NOW',
    preview: 'PREVIEW',
    notConnected: 'The scenes appear here once Bibblan Live is connected to OBS.',
    empty: 'OBS has no scenes yet.',
    switching: 'Switching scene…',
  },
  connection: {
    welcomeHeading: 'Welcome to Bibblan Live',
    welcomeIntro:
      'Bibblan Live runs OBS Studio for you when you stream story times and author talks. First, let’s connect to OBS on this computer.',
    formHeading: 'Connection to OBS',
    address: 'OBS address',
    addressHint: 'Usually ws://127.0.0.1:4455 when OBS runs on this computer.',
    password: 'Password',
    newPassword: 'New password',
    passwordHint: 'The password of the OBS WebSocket server. Leave it empty if OBS does not ask for one.',
    passwordSaved: 'Password saved',
    changePassword: 'Change password',
    clearPassword: 'Remove',
    cancelChange: 'Cancel',
    passwordWillBeCleared: 'The password will be removed when you press Connect.',
    undoClear: 'Undo',
    connect: 'Connect',
    saving: 'Saving…',
    statusHeading: 'Connection status',
    continueWithout: 'Continue without connecting',
    editConnection: 'Change the connection',
  },
  settings: {
    heading: 'Settings',
    back: 'Back',
    language: 'Language',
    languageNames: { sv: 'Svenska', en: 'English' },
    secretEncrypted: 'The password is stored encrypted with this computer’s built-in protection.',
    secretOwnerOnly:
      'The password is stored in a file only your user account can read; it is not encrypted because no system keychain is available here.',
    version: 'Version {{version}}',
    openLogFolder: 'Open log folder',
    logFolderHint: 'The log files help whoever troubleshoots. They never contain passwords or stream keys.',
  },
  notices: {
    regionLabel: 'Messages',
    dismiss: 'Dismiss message',
  },
  error: {
    stepsLabel: 'What to do',
  },
  presets: presetsEn,
  errors: {
    ...goliveErrorsEn,
    ...liveErrorsEn,
    ...remoteErrorsEn,
    OBS_ADDRESS_INVALID: {
      message: 'The OBS address does not look right.',
      action: 'Write it like this: ws://127.0.0.1:4455 (ws://, the computer’s address, a colon and the port number).',
    },
    OBS_ADDRESS_HAS_CREDENTIALS: {
      message: 'The OBS address contains a user name or password (the part before @).',
      action: 'Remove that part, e.g. ws://127.0.0.1:4455, and type the OBS password in the Password field.',
    },
    OBS_UNREACHABLE: {
      message: 'OBS is not answering at {{address}}.',
      action: 'Check that OBS is running and that its WebSocket server is switched on:',
    },
    OBS_PASSWORD_REQUIRED: {
      message: 'OBS asks for a password.',
      action: 'Enter the OBS WebSocket server password and press Connect. This is where to find it:',
    },
    OBS_AUTH_FAILED: {
      message: 'Wrong password: OBS did not accept the password.',
      action: 'Copy the password from OBS and enter it again:',
    },
    OBS_NOT_V5: {
      message: 'Bibblan Live needs OBS 28 or later. The program at {{address}} is an older OBS or another program.',
      action:
        'Update OBS: download the latest version from obsproject.com and install it. Then use the port shown in OBS under Tools → WebSocket Server Settings, usually 4455 (ws://127.0.0.1:4455). Port 4444 is usually the old obs-websocket 4 plugin.',
    },
    OBS_PROTOCOL_ERROR: {
      message: 'OBS and Bibblan Live did not understand each other.',
      action: 'Press Reconnect now. If it happens again, update OBS to its latest version.',
    },
    OBS_KICKED: {
      message: 'Someone disconnected Bibblan Live from OBS.',
      action: 'Bibblan Live will not reconnect by itself. Press Reconnect now when you want to connect again.',
    },
    OBS_CONNECTION_LOST: {
      message: 'The connection to OBS was lost.',
      action: 'Bibblan Live is trying to reconnect by itself. Check that OBS is still running.',
      details: {
        wasStreaming:
          'OBS was live at that moment: the stream may still be running in OBS. Look at OBS before doing anything else.',
        wasRecording: 'OBS was recording at that moment: the recording may still be running in OBS.',
      },
    },
    OBS_NOT_CONNECTED: {
      message: 'Bibblan Live is not connected to OBS right now.',
      action: 'Wait until the status at the bottom says Connected, or press Reconnect now.',
    },
    OBS_REQUEST_TIMEOUT: {
      message: 'OBS did not answer in time.',
      action: 'Try again. If it happens often, the computer may be overloaded: close programs you do not need.',
    },
    OBS_NOT_READY: {
      message: 'OBS has not finished starting: it still says it is not ready.',
      action:
        'Wait until OBS has started and shows its scenes, then try again. If it does not pass: close OBS and start it again.',
    },
    OBS_REQUEST_FAILED: {
      message: 'OBS could not carry out {{request}}.',
      action: 'Try again. If it happens again, check in OBS what is wrong.',
      details: { comment: 'OBS said: {{comment}}' },
    },
    OBS_SCENE_NOT_FOUND: {
      message: 'The scene “{{sceneName}}” does not exist in OBS.',
      action: 'It may have been deleted or renamed in OBS. The list has been refreshed: pick a scene from it.',
    },
    VALIDATION_FAILED: {
      message: 'Bibblan Live could not use what was entered.',
      action: 'Check what you typed and try again.',
    },
    UNKNOWN_REQUEST: {
      message: 'The Bibblan Live background service did not recognise a request.',
      action: 'Restart Bibblan Live. If it happens again, install the latest version.',
    },
    STORAGE_WRITE_FAILED: {
      message: 'The settings could not be saved ({{file}}).',
      action: 'Check that the disk is not full and try again.',
    },
    STORAGE_FILE_SET_ASIDE: {
      message: 'A damaged settings file was set aside as {{movedTo}}; defaults are used.',
      action: 'Check the OBS address and password under Settings.',
    },
    SECRET_STORAGE_UNAVAILABLE: {
      message: 'The password could not be stored or read securely on this computer.',
      action: 'Enter the password again under Settings. If it happens again, restart the computer.',
    },
    HOST_CONNECTION_LOST: {
      message: 'The Bibblan Live background service has stopped answering.',
      action: 'Restart Bibblan Live. A stream or recording running in OBS carries on regardless.',
    },
    INTERNAL_ERROR: {
      message: 'Something went wrong in Bibblan Live.',
      action: 'Try again. If it happens again, restart Bibblan Live.',
    },
    LOG_ENTRY_NOT_FOUND: {
      message: 'The broadcast is not in the broadcast log.',
      action: 'It may have been removed or imported again. Pick a broadcast from the list again.',
    },
    LOG_WRITE_FAILED: {
      message: 'The broadcast log could not be saved ({{file}}).',
      action: 'Check that the disk is not full and try again. What was already saved is kept.',
    },
    LOG_FILE_SET_ASIDE: {
      message:
        'A damaged broadcast log file ({{file}}) was set aside as {{movedTo}}. Everything that could be read is kept.',
      action: 'Nothing to do now. Keep the file if you want someone to look at it; it is never deleted automatically.',
    },
    LOG_LAST_WRITE_TORN: {
      message:
        'Bibblan Live was closed in the middle of writing the broadcast log; the last few seconds were not kept.',
      action: 'Nothing to do. You may want to check the latest broadcast in the broadcast log.',
    },
    LOG_IMPORT_INVALID: {
      message: 'The file is not a broadcast log export from Bibblan Live.',
      action: 'Choose a JSON file exported from the Broadcast log. Nothing in the log was changed.',
      details: { details: 'What was wrong: {{details}}' },
    },
    LOG_UNAVAILABLE: {
      message: 'The broadcast log is not available right now.',
      action: 'Restart Bibblan Live. Broadcasts in OBS are not affected.',
    },
    LOG_FOLDER_UNAVAILABLE: {
      message: 'The folder of troubleshooting logs cannot be opened from here.',
      action: 'Open it yourself on the computer where Bibblan Live runs: {{folder}}',
    },
    LOG_TODO_NOT_FOUND: {
      message: 'The task is no longer in the list.',
      action: 'It may already be marked as done. The list has been refreshed.',
    },
    PRESET_NOT_FOUND: {
      message: 'The program no longer exists.',
      action: 'It may have been deleted. The list has been refreshed: choose a program in it.',
    },
    PRESET_READ_ONLY: {
      message: 'Built-in programs cannot be changed or deleted.',
      action: 'Press Make a copy and change the copy.',
    },
    PRESET_APPLY_BUSY: {
      message: 'A program is already being applied to OBS.',
      action: 'Wait until it is done, then try again.',
    },
    PRESET_OBS_BUSY: {
      message: 'The scenes in OBS kept changing while Bibblan Live read them.',
      action: 'Wait a moment so nobody else is changing OBS, and try again.',
    },
    PRESETS_FILE_SET_ASIDE: {
      message: 'The file with your programs was damaged and set aside as {{movedTo}}.',
      action:
        'The built-in programs are still there. Import your own again if you exported them. The scenes in OBS are not affected.',
    },
  },
  steps: {
    enableWebsocket: {
      '1': 'Start OBS Studio.',
      '2': 'In OBS, choose Tools → WebSocket Server Settings and tick Enable WebSocket server.',
      '3': 'Check that the server port there is the same as the port in the address here (for example 4455). Then press Reconnect now.',
    },
    copyPassword: {
      '1': 'In OBS, choose Tools → WebSocket Server Settings.',
      '2': 'Press Show Connect Info and copy the password.',
      '3': 'Paste it into the Password field here (press Change password first if a password is already saved) and press Connect.',
    },
  },
  log: logEn,
  golive: goliveEn,
  live: liveEn,
  remote: remoteEn,
};
