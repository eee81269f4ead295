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
