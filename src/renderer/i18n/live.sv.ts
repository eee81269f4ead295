import type { ErrorText } from './message-types';

/** Svenska texter för livevyn. */

export const liveErrorsSv = {
  LIVE_SAFE_SCENE_MISSING: {
    message: 'Det finns ingen säker scen att byta till.',
    action:
      'Tillämpa ett program under Program (det har en säker scen), eller byt själv till en neutral scen och stäng av mikrofonerna.',
  },
  LIVE_NOT_STUDIO_MODE: {
    message: 'Studioläget är inte på, så det finns inget att byta till.',
    action: 'Tryck på en scen för att visa den direkt, eller slå på studioläget.',
  },
  LIVE_MIC_NOT_FOUND: {
    message: 'Mikrofonen {{inputName}} finns inte i OBS.',
    action: 'Tillämpa programmet igen under Program, eller kontrollera ljudkällorna i OBS.',
  },
  LIVE_PRIVACY_NOT_ACTIVE: {
    message: 'Bild och ljud visas redan igen.',
    action: 'Inget behöver göras: scenen och mikrofonerna är som de var.',
  },
  LIVE_TRANSITION_MISSING: {
    message: 'OBS har ingen övergång av typen {{kind}}.',
    action: 'Lägg till den i OBS under Scenövergångar, eller välj en annan.',
  },
} satisfies Record<string, ErrorText>;

export const liveSv = {
  heading: 'Livevy',
  presetScenes: 'Scener i {{preset}}',
  obsScenes: 'Scener i OBS',
  otherScenes: 'Andra scener i OBS',
  noPreset: 'Inget program är tillämpat. Här är alla scener i OBS.',
  studio: {
    toggle: 'Studioläge',
    on: 'Studioläget är på: en scen du väljer visas först i förhandsvisningen. Tryck på Byt nu för att sända den.',
    off: 'En scen du väljer sänds direkt.',
    take: 'Byt nu',
    takeHint: 'Mellanslag eller Enter',
    nothingToTake: 'Förhandsvisningen är redan i sändning.',
  },
  transition: {
    label: 'Övergång',
    preset: 'Programmets ({{kind}})',
    presetNone: 'Tona',
    cut: 'Klipp',
    kinds: { fade: 'tona', cut: 'klipp' },
  },
  mics: {
    heading: 'Mikrofoner och ljud',
    none: 'OBS har inga ljudkällor.',
    // Heard after the state and the name: what a press does.
    mute: 'stäng av',
    unmute: 'slå på',
    muted: 'AV',
    live: 'PÅ',
    mainHint: 'M',
    level: 'Ljudnivå för {{name}}',
    warning: {
      talkingWhileMuted: 'Någon pratar men mikrofonen är avstängd.',
      silent: 'Inget ljud på 10 sekunder fast mikrofonen är på.',
      clipping: 'För starkt ljud – det spricker. Flytta mikrofonen längre bort.',
      shouldBeLive: 'Den här scenen ska ha mikrofonen på.',
      shouldBeMuted: 'Den här scenen ska ha mikrofonen avstängd.',
    },
  },
  privacy: {
    cut: 'Dölj bild och ljud',
    cutHint: 'P',
    explain: 'Visar den säkra scenen och stänger av alla mikrofoner.',
    active: 'BILD OCH LJUD DOLDA: tittarna ser den säkra scenen och hör ingenting.',
    statusActive: 'Bild och ljud dolda – tryck P för att visa igen',
    restore: 'Tillbaka till sändningen',
    restoreTo: 'Tillbaka till {{scene}} med mikrofonerna som de var',
  },
  keys: {
    heading: 'Kortkommandon',
    scenes: '1–9: scen',
    take: 'Mellanslag/Enter: byt nu',
    mute: 'M: huvudmikrofonen av/på',
    privacy: 'P: dölj bild och ljud',
  },
  health: {
    heading: 'Sändningens hälsa',
    elapsed: 'Tid i sändning',
    bitrate: 'Bithastighet',
    kbps: '{{value}} kbit/s',
    dropped: 'Tappade bildrutor',
    skipped: 'Hoppade bildrutor',
    congestion: 'Nätets belastning',
    recording: 'Inspelning',
    recordingOn: 'Spelar in',
    recordingOff: 'Av',
    offline: 'Hälsan visas när OBS sänder.',
    alert: {
      droppedFrames:
        'Mer än 2 % av bildrutorna har tappats den senaste minuten. Internetanslutningen räcker inte: stäng andra program som använder nätet, eller sänk bithastigheten i OBS efter sändningen.',
      encoderOverloaded:
        'Datorn hinner inte med: mer än 2 % av bildrutorna har inte hunnit kodas den senaste minuten, så bilden hackar för tittarna. Stäng andra program på datorn. Efter sändningen: sänk upplösningen eller bildfrekvensen i OBS.',
      congestion: 'Nätet är hårt belastat. Bilden kan hacka för tittarna.',
      streamReconnecting: 'Sändningen har avbrutits och OBS försöker ansluta igen. Fortsätt som vanligt.',
      obsReconnecting:
        'Kontakten med OBS är bruten och Bibblan Live försöker igen. Sändningen kan fortsätta i OBS – titta i OBS.',
      obsDisconnected:
        'Bibblan Live har ingen kontakt med OBS. Sändningen kan fortsätta i OBS – avsluta den i OBS om du behöver.',
    },
  },
  stop: {
    button: 'Avsluta sändningen',
    confirm: 'Tryck igen inom {{seconds}} sekunder för att avsluta',
    ending: 'Avslutar…',
    notFromApp: 'Sändningen kan avslutas här när OBS sänder.',
  },
  monitor: {
    heading: 'I bild nu',
    program: 'I sändning',
    preview: 'Förhandsvisning',
    programAlt: 'I sändning: {{scene}}',
    previewAlt: 'Förhandsvisning: {{scene}}',
    waiting: 'Bilden från OBS kommer strax…',
  },
  texts: {
    heading: 'Texter i bild',
    hint: 'Ändringar syns i OBS direkt.',
  },
};
