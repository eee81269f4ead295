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

/** Svenska texter för fjärrkontrollens vyer: panelen på datorn, kopplingssidan och telefonsidan. */
export const remoteSv = {
  panel: {
    heading: 'Telefon som fjärrkontroll',
    intro:
      'Styr sändningen från en telefon eller surfplatta på bibliotekets wifi: byt scen, slå av och på mikrofoner och dölj bild och ljud medan du står vid kameran.',
    toggle: 'Telefon som fjärrkontroll',
    off: 'Av. Ingen telefon kan styra Bibblan Live.',
    on: 'På. Kopplade telefoner kan styra sändningen.',
    autoOff: 'Fjärrkontrollen stängs av automatiskt när sändningen är slut.',
    address: 'Nätverk för telefonerna',
    addressHint:
      'Datorn finns på flera nätverk. Välj adressen på det nätverk som telefonerna använder, oftast bibliotekets wifi.',
    pair: 'Koppla en telefon',
    newCode: 'Ny kod',
    cancelPairing: 'Avbryt kopplingen',
    pairingHeading: 'Koppla en telefon',
    scan: 'Öppna kameran på telefonen, rikta den mot QR-koden och tryck på länken som visas.',
    qrLabel: 'QR-kod som kopplar en telefon till Bibblan Live',
    typeInstead: 'Eller skriv den här adressen i telefonens webbläsare och ange sedan koden:',
    codeLabel: 'Kod',
    expiresIn: 'Koden gäller i {{time}} till och fungerar en gång.',
    expired: 'Koden har gått ut. Tryck på Ny kod för att koppla en telefon.',
    devicesHeading: 'Kopplade telefoner',
    noDevices: 'Inga telefoner är kopplade än.',
    role: 'Roll',
    roles: { operator: 'Operatör', host: 'Värd' },
    connected: 'Ansluten nu',
    notConnected: 'Inte ansluten',
    lastSeen: 'Senast använd {{when}}',
    neverSeen: 'Inte använd än',
    revoke: 'Ta bort',
    revokeLabel: 'Ta bort {{name}}',
    canHeading: 'Vad en telefon kan göra',
    operatorCan:
      'Operatör: byta scen, byta nu i studioläget, slå av och på mikrofoner, dölja bild och ljud och se bilden som sänds.',
    hostCan: 'Värd: allt som en operatör kan, och dessutom avsluta sändningen.',
    cannot:
      'En telefon kan aldrig starta en sändning eller ändra inställningar, program, sändningsmål eller lösenord. Den slutar fungera direkt när du trycker på Ta bort.',
    openFromLive: 'Telefon som fjärrkontroll',
  },
  pair: {
    heading: 'Koppla telefonen till Bibblan Live',
    computer: 'Datorn: {{computer}}',
    name: 'Vad heter telefonen?',
    nameHint: 'Till exempel Annas telefon. Namnet syns i Bibblan Live på datorn.',
    nameMissing: 'Skriv ett namn på telefonen.',
    code: 'Koden från datorn',
    codeHint: 'Sex siffror. De står på datorn under Inställningar → Telefon som fjärrkontroll → Koppla en telefon.',
    codeMissing: 'Skriv de sex siffrorna från datorns skärm.',
    submit: 'Koppla telefonen',
    pending: 'Kopplar…',
  },
  phone: {
    heading: 'Den här telefonen styr Bibblan Live på {{computer}}',
    you: 'Du är {{role}} ({{name}}).',
    roleNames: { operator: 'operatör', host: 'värd' },
    operatorNote: 'Sändningen avslutas på datorn.',
    hostNote: 'Du kan också avsluta sändningen.',
    onAir: 'I SÄNDNING',
    offAir: 'Sänder inte',
    unknown: 'Läget okänt',
    linkUp: 'Ansluten till datorn',
    linkDown: 'Tappade kontakten med datorn. Försöker igen…',
    unreachable:
      'Telefonen når inte datorn. Kontrollera att telefonen är ansluten till bibliotekets wifi och att Telefon som fjärrkontroll är på i Bibblan Live. Telefonen försöker igen av sig själv.',
    obsNotConnected: 'Bibblan Live på datorn är inte ansluten till OBS just nu.',
    scenes: 'Scener',
    take: 'Byt nu',
  },
  unreachable: {
    message: 'Telefonen når inte Bibblan Live på datorn.',
    action:
      'Kontrollera att telefonen är ansluten till bibliotekets wifi och att Telefon som fjärrkontroll är på i Bibblan Live, och försök igen.',
  },
  retry: 'Försök igen',
};
