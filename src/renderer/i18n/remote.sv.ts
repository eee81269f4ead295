import type { ErrorText } from './message-types';

/** Svenska texter för telefonen som fjärrkontroll. */

export const remoteErrorsSv = {
  REMOTE_NO_NETWORK: {
    message: 'Datorn är inte ansluten till något nätverk som en telefon kan nå.',
    action: 'Anslut datorn till bibliotekets wifi eller nätverkskabel och försök igen.',
  },
  REMOTE_ADDRESS_UNAVAILABLE: {
    message: 'Datorn har inte längre adressen {{address}}.',
    action: 'Välj en av adresserna i listan och slå på fjärrkontrollen igen.',
  },
  REMOTE_LISTEN_FAILED: {
    message: 'Fjärrkontrollen kunde inte starta på port {{port}}.',
    action: 'Ett annat program använder kanske porten. Stäng det, eller starta om datorn, och försök igen.',
  },
  REMOTE_OFF: {
    message: 'Fjärrkontrollen är avstängd på datorn.',
    action: 'Be personen vid datorn att slå på Telefon som fjärrkontroll i Bibblan Live.',
  },
  REMOTE_PAIRING_NOT_OPEN: {
    message: 'Koden gäller inte längre. Den har redan använts eller är äldre än två minuter.',
    action: 'Tryck på Koppla en telefon i Bibblan Live på datorn och använd den nya koden.',
  },
  REMOTE_PAIRING_WRONG_CODE: {
    message: 'Koden stämmer inte.',
    action: 'Skriv de sex siffrorna som står på datorns skärm.',
  },
  REMOTE_PAIRING_SLOW_DOWN: {
    message: 'För många fel koder i rad.',
    action: 'Vänta {{seconds}} sekunder och försök igen.',
  },
  REMOTE_DEVICE_NOT_FOUND: {
    message: 'Den enheten är inte kopplad längre.',
    action: 'Listan har uppdaterats. Koppla telefonen igen om den ska användas.',
  },
  REMOTE_NOT_ALLOWED: {
    message: 'Det här får bara göras från datorn.',
    action: 'Be personen vid datorn, eller be dem ge telefonen rollen Värd.',
  },
  REMOTE_ACCESS_ENDED: {
    message: 'Telefonen är inte längre kopplad till Bibblan Live.',
    action: 'Koppla den igen med en ny kod från datorn.',
  },
} satisfies Record<string, ErrorText>;
