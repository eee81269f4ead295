import { goliveErrorsSv, goliveSv } from './golive.sv';
import { liveErrorsSv, liveSv } from './live.sv';
import { remoteErrorsSv, remoteSv } from './remote.sv';
import { logSv } from './log.sv';
import type { DeepStringify, ErrorTexts, StepList } from './message-types';
import { presetsSv } from './presets.sv';

/**
 * Swedish, the default language. Its shape is the reference: `en` must have exactly
 * these keys (see `Messages`). Plurals use i18next's `_one` / `_other` suffixes.
 */

const errors = {
  OBS_ADDRESS_INVALID: {
    message: 'Adressen till OBS ser inte rätt ut.',
    action: 'Skriv den så här: ws://127.0.0.1:4455 (ws://, datorns adress, kolon och portnumret).',
  },
  OBS_ADDRESS_HAS_CREDENTIALS: {
    message: 'Adressen till OBS innehåller ett användarnamn eller lösenord (det som står före @).',
    action: 'Ta bort den delen ur adressen, t.ex. ws://127.0.0.1:4455, och skriv OBS-lösenordet i fältet Lösenord.',
  },
  OBS_UNREACHABLE: {
    message: 'OBS svarar inte på {{address}}.',
    action: 'Kontrollera att OBS är igång och att WebSocket-servern i OBS är påslagen:',
  },
  OBS_PASSWORD_REQUIRED: {
    message: 'OBS kräver ett lösenord.',
    action: 'Skriv in lösenordet till OBS WebSocket-server och tryck på Anslut. Så hittar du det:',
  },
  OBS_AUTH_FAILED: {
    message: 'Fel lösenord: OBS godtog inte lösenordet.',
    action: 'Kopiera lösenordet från OBS och skriv in det igen:',
  },
  OBS_NOT_V5: {
    message:
      'Bibblan Live behöver OBS 28 eller senare. Programmet på {{address}} är ett äldre OBS eller något annat program.',
    action:
      'Uppdatera OBS: hämta den senaste versionen från obsproject.com och installera den. Använd sedan porten som står i OBS under Verktyg → Inställningar för WebSocket-server, oftast 4455 (ws://127.0.0.1:4455). Port 4444 brukar vara det gamla tillägget obs-websocket 4.',
  },
  OBS_PROTOCOL_ERROR: {
    message: 'OBS och Bibblan Live förstod inte varandra.',
    action: 'Tryck på Återanslut nu. Om felet kommer tillbaka: uppdatera OBS till den senaste versionen.',
  },
  OBS_KICKED: {
    message: 'Någon kopplade bort Bibblan Live från OBS.',
    action: 'Bibblan Live ansluter inte igen av sig själv. Tryck på Återanslut nu när du vill ansluta igen.',
  },
  OBS_CONNECTION_LOST: {
    message: 'Anslutningen till OBS bröts.',
    action: 'Bibblan Live försöker ansluta igen av sig själv. Kontrollera att OBS fortfarande är igång.',
    details: {
      wasStreaming: 'OBS sände just då: sändningen kan fortfarande pågå i OBS. Titta i OBS innan du gör något annat.',
      wasRecording: 'OBS spelade in just då: inspelningen kan fortfarande pågå i OBS.',
    },
  },
  OBS_NOT_CONNECTED: {
    message: 'Bibblan Live är inte ansluten till OBS just nu.',
    action: 'Vänta tills det står Ansluten längst ned, eller tryck på Återanslut nu.',
  },
  OBS_REQUEST_TIMEOUT: {
    message: 'OBS svarade inte i tid.',
    action: 'Försök igen. Händer det ofta kan datorn vara hårt belastad: stäng program som du inte behöver.',
  },
  OBS_NOT_READY: {
    message: 'OBS har inte startat klart: det svarar fortfarande att det inte är redo.',
    action:
      'Vänta tills OBS har startat och visar sina scener, och försök sedan igen. Om det inte går över: stäng OBS och starta det igen.',
  },
  OBS_REQUEST_FAILED: {
    message: 'OBS kunde inte utföra {{request}}.',
    action: 'Försök igen. Om felet kommer tillbaka, titta efter i OBS vad som är fel.',
    details: { comment: 'OBS svarade: {{comment}}' },
  },
  OBS_SCENE_NOT_FOUND: {
    message: 'Scenen ”{{sceneName}}” finns inte i OBS.',
    action: 'Den kan ha tagits bort eller bytt namn i OBS. Listan har uppdaterats: välj en scen i den.',
  },
  VALIDATION_FAILED: {
    message: 'Bibblan Live kunde inte använda uppgifterna.',
    action: 'Kontrollera det du skrev och försök igen.',
  },
  UNKNOWN_REQUEST: {
    message: 'Bakgrundstjänsten i Bibblan Live kände inte igen en begäran.',
    action: 'Starta om Bibblan Live. Om felet kommer tillbaka, installera den senaste versionen.',
  },
  STORAGE_WRITE_FAILED: {
    message: 'Inställningarna kunde inte sparas ({{file}}).',
    action: 'Kontrollera att disken inte är full och försök igen.',
  },
  STORAGE_FILE_SET_ASIDE: {
    message: 'En skadad inställningsfil lades undan som {{movedTo}}. Standardinställningar används.',
    action: 'Kontrollera adressen och lösenordet till OBS under Inställningar.',
  },
  SECRET_STORAGE_UNAVAILABLE: {
    message: 'Lösenordet kunde inte sparas eller läsas säkert på den här datorn.',
    action: 'Skriv in lösenordet igen under Inställningar. Om felet kommer tillbaka, starta om datorn.',
  },
  HOST_CONNECTION_LOST: {
    message: 'Bakgrundstjänsten i Bibblan Live har slutat svara.',
    action: 'Starta om Bibblan Live. En sändning eller inspelning som pågår i OBS fortsätter ändå.',
  },
  INTERNAL_ERROR: {
    message: 'Något gick fel i Bibblan Live.',
    action: 'Försök igen. Om felet kommer tillbaka, starta om Bibblan Live.',
  },
  LOG_ENTRY_NOT_FOUND: {
    message: 'Sändningen finns inte i sändningsloggen.',
    action: 'Den kan ha tagits bort eller importerats om. Välj en sändning i listan igen.',
  },
  LOG_WRITE_FAILED: {
    message: 'Sändningsloggen kunde inte sparas ({{file}}).',
    action: 'Kontrollera att disken inte är full och försök igen. Det som redan är sparat finns kvar.',
  },
  LOG_FILE_SET_ASIDE: {
    message:
      'En skadad fil i sändningsloggen ({{file}}) har sparats undan som {{movedTo}}. Allt som gick att läsa finns kvar.',
    action:
      'Du behöver inte göra något nu. Spara filen om du vill be någon titta på den; den raderas aldrig automatiskt.',
  },
  LOG_LAST_WRITE_TORN: {
    message: 'Bibblan Live stängdes mitt i en skrivning till sändningsloggen; de sista sekunderna togs inte med.',
    action: 'Du behöver inte göra något. Kontrollera gärna den senaste sändningen i sändningsloggen.',
  },
  LOG_IMPORT_INVALID: {
    message: 'Filen är inte en export av sändningsloggen från Bibblan Live.',
    action: 'Välj en JSON-fil som exporterats från Sändningsloggen. Inget i loggen har ändrats.',
    details: { details: 'Det som inte stämde: {{details}}' },
  },
  LOG_TODO_NOT_FOUND: {
    message: 'Uppgiften finns inte längre i listan.',
    action: 'Den kan redan vara markerad som klar. Listan har uppdaterats.',
  },
  LOG_UNAVAILABLE: {
    message: 'Sändningsloggen är inte tillgänglig just nu.',
    action: 'Starta om Bibblan Live. Sändningar i OBS påverkas inte.',
  },
  LOG_FOLDER_UNAVAILABLE: {
    message: 'Mappen med felsökningsloggar kan inte öppnas härifrån.',
    action: 'Öppna den själv på datorn där Bibblan Live körs: {{folder}}',
  },
  PRESET_NOT_FOUND: {
    message: 'Programmet finns inte längre.',
    action: 'Det kan ha tagits bort. Listan har uppdaterats: välj ett program i den.',
  },
  PRESET_READ_ONLY: {
    message: 'Inbyggda program kan inte ändras eller tas bort.',
    action: 'Tryck på Gör en kopia och ändra i kopian.',
  },
  PRESET_APPLY_BUSY: {
    message: 'Ett program håller redan på att tillämpas i OBS.',
    action: 'Vänta tills den är klar och försök sedan igen.',
  },
  PRESET_OBS_BUSY: {
    message: 'Scenerna i OBS ändrades hela tiden medan Bibblan Live läste av dem.',
    action: 'Vänta en stund så att ingen annan ändrar i OBS, och försök igen.',
  },
  PRESETS_FILE_SET_ASIDE: {
    message: 'Filen med dina program var skadad och lades undan som {{movedTo}}.',
    action:
      'De inbyggda programmen finns kvar. Importera dina egna igen om du har exporterat dem. Scenerna i OBS påverkas inte.',
  },
  ...goliveErrorsSv,
  ...liveErrorsSv,
  ...remoteErrorsSv,
} satisfies ErrorTexts;

const steps = {
  enableWebsocket: {
    '1': 'Starta OBS Studio.',
    '2': 'I OBS, välj Verktyg → Inställningar för WebSocket-server (på engelska: Tools → WebSocket Server Settings) och kryssa i Aktivera WebSocket-server (Enable WebSocket server).',
    '3': 'Kontrollera att serverporten där är samma som porten i adressen här (till exempel 4455). Tryck sedan på Återanslut nu.',
  },
  copyPassword: {
    '1': 'I OBS, välj Verktyg → Inställningar för WebSocket-server (på engelska: Tools → WebSocket Server Settings).',
    '2': 'Tryck på Visa anslutningsinformation (Show Connect Info) och kopiera lösenordet.',
    '3': 'Klistra in det i fältet Lösenord här (tryck först på Byt lösenord om ett lösenord redan är sparat) och tryck på Anslut.',
  },
} satisfies Record<string, StepList>;

export const sv = {
  app: {
    title: 'Bibblan Live',
    loading: 'Startar Bibblan Live…',
    loadFailed: 'Bibblan Live kunde inte starta.',
    retry: 'Försök igen',
  },
  header: {
    settings: 'Inställningar',
    programs: 'Program',
  },
  status: {
    regionLabel: 'Status',
    connected: 'Ansluten till OBS {{version}}',
    connecting: 'Ansluter till OBS…',
    obsStarting: 'OBS startar…',
    obsLoading: 'Ansluten till OBS {{version}} – OBS laddar…',
    reconnecting: 'Återansluter till OBS…',
    reconnectingIn_one: 'Återansluter om {{count}} sekund',
    reconnectingIn_other: 'Återansluter om {{count}} sekunder',
    reconnectingAutomatically: 'Återansluter automatiskt',
    disconnected: 'Inte ansluten till OBS',
    reconnectNow: 'Återanslut nu',
    hostConnecting: 'Kontaktar bakgrundstjänsten i Bibblan Live…',
    hostLost: 'Bakgrundstjänsten i Bibblan Live svarar inte',
    stream: {
      live: 'SÄNDER',
      starting: 'Sändningen startar…',
      stopping: 'Sändningen avslutas…',
      reconnecting: 'Sändningen har avbrutits – OBS försöker igen',
      offline: 'Sänder inte',
    },
    record: {
      recording: 'SPELAR IN',
      paused: 'INSPELNINGEN PAUSAD',
      starting: 'Inspelningen startar…',
      stopping: 'Inspelningen avslutas…',
      off: 'Spelar inte in',
    },
  },
  scenes: {
    heading: 'Scener',
    onAir: 'I SÄNDNING',
    showing: 'VISAS NU',
    preview: 'FÖRHANDSVISNING',
    notConnected: 'Scenerna visas här när Bibblan Live är ansluten till OBS.',
    empty: 'OBS har inga scener än.',
    switching: 'Byter scen…',
  },
  connection: {
    welcomeHeading: 'Välkommen till Bibblan Live',
    welcomeIntro:
      'Bibblan Live styr OBS Studio åt dig när du sänder sagostunder och författarsamtal. Först ansluter vi till OBS på den här datorn.',
    formHeading: 'Anslutning till OBS',
    address: 'Adress till OBS',
    addressHint: 'Oftast ws://127.0.0.1:4455 när OBS körs på samma dator.',
    password: 'Lösenord',
    newPassword: 'Nytt lösenord',
    passwordHint: 'Lösenordet till WebSocket-servern i OBS. Lämna tomt om OBS inte kräver något.',
    passwordSaved: 'Sparat lösenord',
    changePassword: 'Byt lösenord',
    clearPassword: 'Ta bort',
    cancelChange: 'Avbryt',
    passwordWillBeCleared: 'Lösenordet tas bort när du trycker på Anslut.',
    undoClear: 'Ångra',
    connect: 'Anslut',
    saving: 'Sparar…',
    statusHeading: 'Anslutningens läge',
    continueWithout: 'Fortsätt utan anslutning',
    editConnection: 'Ändra anslutningen',
  },
  settings: {
    heading: 'Inställningar',
    back: 'Tillbaka',
    language: 'Språk',
    // Each language is named in itself, so it can be found whatever the UI is in now.
    languageNames: { sv: 'Svenska', en: 'English' },
    secretEncrypted: 'Lösenordet sparas krypterat med datorns inbyggda skydd.',
    secretOwnerOnly:
      'Lösenordet sparas i en fil som bara ditt användarkonto kan läsa. Det är inte krypterat, eftersom det inte finns någon nyckelring i systemet här.',
    version: 'Version {{version}}',
    openLogFolder: 'Öppna loggmappen',
    logFolderHint: 'Loggfilerna hjälper den som felsöker. De innehåller aldrig lösenord eller strömnycklar.',
  },
  notices: {
    regionLabel: 'Meddelanden',
    dismiss: 'Stäng meddelandet',
  },
  error: {
    stepsLabel: 'Gör så här',
  },
  presets: presetsSv,
  errors,
  steps,
  golive: goliveSv,
  log: logSv,
  live: liveSv,
  remote: remoteSv,
};

export type Messages = DeepStringify<typeof sv>;
export type StepListName = keyof Messages['steps'];
