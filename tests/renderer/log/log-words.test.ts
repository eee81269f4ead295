import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/shared/broadcast-log/entry-schema';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import { CSV_WORDS } from '../../../src/shared/broadcast-log/csv';
import { formatDay } from '../../../src/renderer/components/log/format';
import { importProblem } from '../../../src/renderer/components/log/import-problems';
import { checklistItemWords, programTypeName } from '../../../src/renderer/components/log/log-words';
import { en } from '../../../src/renderer/i18n/en';
import { sv } from '../../../src/renderer/i18n/sv';

describe('the log says codes in words', () => {
  it('names program types, and leaves a type typed by staff as typed', () => {
    expect(programTypeName('storytime', 'sv')).toBe('Sagostund');
    expect(programTypeName('authortalk', 'en')).toBe('Author talk');
    expect(programTypeName('Bokcirkel', 'sv')).toBe('Bokcirkel');
    expect(programTypeName(undefined, 'sv')).toBe('');
  });

  it('names automatic checklist items and their state, never "auto:micReady (fail)"', () => {
    const item = { id: 'auto.micReady', label: 'auto:micReady (fail)', done: false, overridden: true };
    expect(checklistItemWords(item, 'sv')).toEqual({
      name: 'Mikrofonen är på och hörs',
      status: 'Inte klart',
      done: false,
    });
    expect(checklistItemWords({ ...item, label: 'auto:outputWithinLimits (unknown)' }, 'en').status).toBe(
      'Check yourself',
    );
    const manual = { id: 'phones', label: 'Telefoner på ljudlöst', done: true, overridden: false };
    expect(checklistItemWords(manual, 'sv')).toEqual({ name: 'Telefoner på ljudlöst', status: 'Klart', done: true });
  });

  it("names the checklist's own manual items in the UI language, with the note; staff's own words as written", () => {
    const roles = {
      id: 'roles',
      label: 'Roller fördelade: värd, tekniker och chattmoderator (skriv namnen): Anna (värd)',
      done: true,
      overridden: false,
    };
    expect(checklistItemWords(roles, 'en').name).toBe(
      'Roles assigned: host, technician and chat moderator (write the names): Anna (värd)',
    );
    expect(checklistItemWords(roles, 'sv').name).toBe(roles.label);
    expect(
      checklistItemWords({ id: 'phones', label: 'Telefoner på ljudlöst', done: true, overridden: false }, 'en').name,
    ).toBe('Phones on silent');
    // An item staff wrote, or a default one they reworded, stays as it was stored.
    const own = { id: 'own-1a2b3c4d', label: 'Kaffe till författaren', done: true, overridden: false };
    expect(checklistItemWords(own, 'en').name).toBe('Kaffe till författaren');
    const reworded = { id: 'phones', label: 'Alla mobiler avstängda', done: true, overridden: false };
    expect(checklistItemWords(reworded, 'en').name).toBe('Alla mobiler avstängda');
  });

  it('writes a due day as the UI language does', () => {
    expect(formatDay('2026-12-02', 'sv')).toBe('2 dec. 2026');
    expect(formatDay('2026-12-02', 'en')).toBe('2 Dec 2026');
  });

  it('writes the CSV with the same words the UI uses', () => {
    for (const [language, messages] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      const words = CSV_WORDS[language];
      expect(words.programTypes).toEqual(messages.golive.checklist.programTypes);
      expect(words.outcomes).toEqual(messages.log.outcomes);
      expect(words.platforms).toEqual(messages.log.platforms);
      expect(words.roles).toEqual(messages.log.detail.roleNames);
    }
  });

  it('says what is wrong with an imported entry where and what, in the UI language', () => {
    const [entry] = generateEntries(1);
    const noTitle = { ...entry!, books: [{ ...entry!.books[0]!, title: undefined }] };
    const issue = parseEntry(noTitle);
    expect(issue.success).toBe(false);
    const problem = importProblem(2, noTitle, issue.error!.issues[0]!, 'sv');
    expect(problem.where).toBe(`Sändning 3 (”${entry!.title}”) › Bok 1 › Titel`);
    expect(problem.what).toBe('saknas');
    const bad = { ...entry!, actualStart: 'igår' };
    const english = importProblem(0, bad, parseEntry(bad).error!.issues[0]!, 'en');
    expect(english).toEqual({
      where: `Broadcast 1 (“${entry!.title}”) › Start`,
      what: 'has a value that cannot be read',
    });
    const notAnEntry = importProblem(4, 'hej', parseEntry('hej').error!.issues[0]!, 'sv');
    expect(notAnEntry).toEqual({ where: 'Sändning 5', what: 'är inte en sändning' });
  });
});
