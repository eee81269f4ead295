import type { ErrorText } from './message-types';

/** English texts for the phone remote. */

export const remoteErrorsEn = {
  REMOTE_NO_NETWORK: {
    message: 'This computer is not on a network a phone can reach.',
    action: "Connect the computer to the library's Wi-Fi or network cable and try again.",
  },
  REMOTE_ADDRESS_UNAVAILABLE: {
    message: 'This computer no longer has the address {{address}}.',
    action: 'Choose one of the addresses in the list and turn the remote on again.',
  },
  REMOTE_LISTEN_FAILED: {
    message: 'The remote could not start on port {{port}}.',
    action: 'Another program may be using the port. Close it, or restart the computer, and try again.',
  },
  REMOTE_OFF: {
    message: 'The remote is turned off on the computer.',
    action: 'Ask the person at the computer to turn on Phone remote in Bibblan Live.',
  },
  REMOTE_PAIRING_NOT_OPEN: {
    message: 'This code no longer works. It has been used already or is older than two minutes.',
    action: 'Press Pair a phone in Bibblan Live on the computer and use the new code.',
  },
  REMOTE_PAIRING_WRONG_CODE: {
    message: 'That code is not right.',
    action: "Type the six digits shown on the computer's screen.",
  },
  REMOTE_PAIRING_SLOW_DOWN: {
    message: 'Too many wrong codes in a row.',
    action: 'Wait {{seconds}} seconds and try again.',
  },
  REMOTE_DEVICE_NOT_FOUND: {
    message: 'That device is no longer paired.',
    action: 'The list has been updated. Pair the phone again if it is to be used.',
  },
  REMOTE_NOT_ALLOWED: {
    message: 'This can only be done from the computer.',
    action: 'Ask the person at the computer, or ask them to give this phone the Host role.',
  },
  REMOTE_ACCESS_ENDED: {
    message: 'This phone is no longer paired with Bibblan Live.',
    action: 'Pair it again with a new code from the computer.',
  },
} satisfies Record<string, ErrorText>;

/** English texts for the remote's views: the panel on the computer, the pairing page and the phone page. */
export const remoteEn = {
  panel: {
    heading: 'Phone remote',
    intro:
      "Run the broadcast from a phone or tablet on the library's Wi-Fi: switch scenes, turn mics on and off and hide picture and sound while you stand by the camera.",
    toggle: 'Phone remote',
    off: 'Off. No phone can control Bibblan Live.',
    on: 'On. Paired phones can control the broadcast.',
    autoOff: 'The remote turns itself off when the broadcast is over.',
    address: 'Network for the phones',
    addressHint:
      "This computer is on several networks. Choose the address on the network the phones use, usually the library's Wi-Fi.",
    pair: 'Pair a phone',
    newCode: 'New code',
    cancelPairing: 'Cancel pairing',
    pairingHeading: 'Pair a phone',
    scan: "Open the phone's camera, point it at the QR code and tap the link that appears.",
    qrLabel: 'QR code that pairs a phone with Bibblan Live',
    typeInstead: "Or type this address in the phone's browser, then enter the code:",
    codeLabel: 'Code',
    expiresIn: 'The code works for {{time}} more, and only once.',
    expired: 'The code has expired. Press New code to pair a phone.',
    devicesHeading: 'Paired phones',
    noDevices: 'No phones are paired yet.',
    role: 'Role',
    roles: { operator: 'Operator', host: 'Host' },
    connected: 'Connected now',
    notConnected: 'Not connected',
    lastSeen: 'Last used {{when}}',
    neverSeen: 'Not used yet',
    revoke: 'Remove',
    revokeLabel: 'Remove {{name}}',
    canHeading: 'What a phone can do',
    operatorCan:
      'Operator: switch scenes, take in studio mode, turn mics on and off, hide picture and sound and see the picture going out.',
    hostCan: 'Host: everything an operator can, and also end the broadcast.',
    cannot:
      'A phone can never start a broadcast or change settings, programs, destinations or passwords. It stops working the moment you press Remove.',
    openFromLive: 'Phone remote',
  },
  pair: {
    heading: 'Pair this phone with Bibblan Live',
    computer: 'Computer: {{computer}}',
    name: 'What is this phone called?',
    nameHint: "For example Anna's phone. The name shows in Bibblan Live on the computer.",
    nameMissing: 'Type a name for the phone.',
    code: 'The code from the computer',
    codeHint: 'Six digits. They are on the computer under Settings → Phone remote → Pair a phone.',
    codeMissing: "Type the six digits from the computer's screen.",
    submit: 'Pair this phone',
    pending: 'Pairing…',
  },
  phone: {
    heading: 'This phone controls Bibblan Live on {{computer}}',
    you: 'You are {{role}} ({{name}}).',
    roleNames: { operator: 'an operator', host: 'the host' },
    operatorNote: 'The broadcast is ended at the computer.',
    hostNote: 'You can also end the broadcast.',
    onAir: 'ON AIR',
    offAir: 'Not on air',
    unknown: 'State unknown',
    linkUp: 'Connected to the computer',
    linkDown: 'Lost contact with the computer. Trying again…',
    unreachable:
      "This phone cannot reach the computer. Check that the phone is on the library's Wi-Fi and that Phone remote is on in Bibblan Live. The phone keeps trying by itself.",
    obsNotConnected: 'Bibblan Live on the computer is not connected to OBS right now.',
    scenes: 'Scenes',
    take: 'Take',
  },
  unreachable: {
    message: 'This phone cannot reach Bibblan Live on the computer.',
    action:
      "Check that the phone is on the library's Wi-Fi and that Phone remote is on in Bibblan Live, then try again.",
  },
  retry: 'Try again',
};
