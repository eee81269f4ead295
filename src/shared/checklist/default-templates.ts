import type { AutoCheckId, ManualItem, ProgramType, Template } from './checklist-schema';

/**
 * The templates staff start from, one per program type (research: library-streaming.md,
 * "Roles and checklists"). Staff edit them; `checklist.resetTemplate` brings these back.
 */

const item = (id: string, sv: string, en: string, required: boolean, asksForNote = false): ManualItem => ({
  id,
  text: { sv, en },
  required,
  asksForNote,
});

const roles = item(
  'roles',
  'Roller fördelade: värd, tekniker och chattmoderator (skriv namnen)',
  'Roles assigned: host, technician and chat moderator (write the names)',
  true,
  true,
);
const consent = item(
  'consent',
  'Deltagarna informerade, skyltar uppe och kamerafria platser ordnade',
  'Participants informed, signs up and camera-free seats arranged',
  true,
);
const bookPermission = item(
  'bookPermission',
  'Tillstånd registrerat för varje bok som läses (förlag, ALIS, Bildupphovsrätt)',
  'Permission registered for every book read (publisher, ALIS, Bildupphovsrätt)',
  true,
);
const eventLink = item('eventLink', 'Länken till evenemanget är publicerad', 'The event link is published', false);
const phones = item('phones', 'Telefoner på ljudlöst', 'Phones on silent', false);
const creditLine = item(
  'creditLine',
  'Upphovsraden är klar att läsa upp (titel, författare, illustratör, förlag)',
  'The credit line is ready to say (title, author, illustrator, publisher)',
  true,
);
const guardianConsent = item(
  'guardianConsent',
  'Vårdnadshavare har samtyckt för barn som syns i bild',
  'Guardians have consented for children on camera',
  true,
);
const authorAgreement = item(
  'authorAgreement',
  'Författaren har godkänt sändning och inspelning',
  'The author has agreed to streaming and recording',
  true,
);

/** Blocking by default; the starting scene and the camera are recommended (staff can require them). */
const baseChecks: AutoCheckId[] = [
  'obsConnected',
  'presetScenes',
  'micReady',
  'destinationReady',
  'outputWithinLimits',
  'recordingPlanned',
  'diskSpace',
  'notAlreadyStreaming',
];

const template = (programType: ProgramType, manualItems: ManualItem[], record: boolean): Template => ({
  programType,
  manualItems,
  requiredChecks: baseChecks,
  record,
  startingScene: null,
  closingScene: null,
});

export const defaultTemplates: Record<ProgramType, Template> = {
  storytime: template('storytime', [roles, consent, bookPermission, creditLine, eventLink, phones], false),
  authortalk: template('authortalk', [roles, authorAgreement, consent, creditLine, eventLink, phones], true),
  baby: template('baby', [roles, guardianConsent, consent, bookPermission, creditLine, eventLink, phones], false),
  languagecafe: template('languagecafe', [roles, consent, eventLink, phones], false),
  infodesk: template('infodesk', [roles, eventLink, phones], false),
};
