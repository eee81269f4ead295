import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookInput, Entry, HealthSample, Role } from '../../../shared/broadcast-log/entry-schema';
import type { EntryUpdate } from '../../../shared/broadcast-log/entry-update';
import { LOG_LIMITS } from '../../../shared/broadcast-log/limits';
import { ProgramTypeSchema } from '../../../shared/checklist/checklist-schema';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { useLogStore } from '../../stores/log-store';
import { ErrorMessage } from '../ErrorMessage';
import { BitrateChart } from './BitrateChart';
import { BooksEditor } from './BooksEditor';
import { formatDateTime, formatDuration } from './format';
import { HealthFacts } from './HealthFacts';
import { checklistItemWords, programTypeName } from './log-words';
import { RolesEditor } from './RolesEditor';
import { RemoteActionsList } from './RemoteActionsList';
import { TimelineChart } from './TimelineChart';

/** The program types the checklist knows, first; any other type already in the log after them. */
const PROGRAM_TYPES: readonly string[] = ProgramTypeSchema.options;

interface Draft {
  title: string;
  programType: string;
  rehearsal: boolean;
  notes: string;
  videoUrl: string;
  captionsDue: string;
  captionsDoneOn: string;
  books: BookInput[];
  roles: Role[];
}

const draftOf = (e: Entry): Draft => ({
  title: e.title,
  programType: e.programType ?? '',
  rehearsal: e.rehearsal,
  notes: e.notes,
  videoUrl: e.videoUrl,
  captionsDue: e.captionsDue ?? '',
  captionsDoneOn: e.captionsDoneOn ?? '',
  books: e.books,
  roles: e.roles,
});

/** One broadcast: what happened (timeline, bitrate, health) and what staff add afterwards. */
export function LogDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const revision = useLogStore((s) => s.revision);
  const programTypes = useLogStore((s) => s.programTypes);
  const [entry, setEntry] = useState<Entry | null>(null);
  const [samples, setSamples] = useState<HealthSample[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  // Whether staff changed the draft since it was loaded or saved. A ref: the loads below read it
  // without depending on it (a keystroke must not load the entry again).
  const dirty = useRef(false);
  const [saved, setSaved] = useState(false);
  const { run, fail, pending: saving, error } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    void api.log.get({ id }).then((result) => {
      if (!current) return;
      if (!result.ok) return fail(result.error);
      setEntry(result.value.entry);
      setSamples(result.value.samples);
      // A live entry updates every few seconds: never overwrite what is being typed.
      if (!dirty.current) setDraft(draftOf(result.value.entry));
    });
    return () => {
      current = false;
    };
  }, [api, fail, id, revision]);

  useEffect(() => heading.current?.focus(), []);

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    dirty.current = true;
    setSaved(false);
  };

  const save = async () => {
    if (!draft) return;
    // Over the limit: nothing is cut and nothing is sent; the message by the notes says why.
    if (draft.notes.length > LOG_LIMITS.notes) return document.getElementById('log-notes')?.focus();
    const changes: EntryUpdate = {
      title: draft.title,
      programType: draft.programType.trim(),
      rehearsal: draft.rehearsal,
      notes: draft.notes,
      videoUrl: draft.videoUrl.trim(),
      captionsDue: draft.captionsDue || null,
      captionsDoneOn: draft.captionsDoneOn || null,
      books: draft.books as EntryUpdate['books'],
      roles: draft.roles,
    };
    setSaved(false);
    const result = await run(() => api.log.update({ id, changes }));
    if (!result?.ok) return;
    setEntry(result.value);
    dirty.current = false;
    setSaved(true);
  };

  if (!entry || !draft) {
    return (
      <section className="log-detail">
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('log.detail.backToList')}
        </button>
        {error ? <ErrorMessage error={error} /> : <p>{t('log.list.loading')}</p>}
      </section>
    );
  }

  const startMs = Date.parse(entry.actualStart);
  const endMs = entry.end
    ? Date.parse(entry.end)
    : Math.max(startMs + 1000, Date.parse(samples.at(-1)?.at ?? entry.updatedAt));
  return (
    <section className="log-detail" aria-labelledby="log-detail-heading" data-testid="log-detail">
      <div className="screen__top">
        <h3 id="log-detail-heading" ref={heading} tabIndex={-1}>
          {entry.title || t(entry.startedIn === 'obs' ? 'log.untitledFromObs' : 'log.untitled')}
        </h3>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('log.detail.backToList')}
        </button>
      </div>
      <dl className="log-facts">
        <dt>{t('log.detail.started')}</dt>
        <dd>{formatDateTime(entry.actualStart, i18n.language)}</dd>
        <dt>{t('log.detail.ended')}</dt>
        <dd>{entry.end ? formatDateTime(entry.end, i18n.language) : '–'}</dd>
        <dt>{t('log.detail.duration')}</dt>
        <dd>{formatDuration(entry.durationSec, i18n.language)}</dd>
        <dt>{t('log.detail.startedIn')}</dt>
        <dd data-testid="log-detail-started-in">{t(`log.detail.startedInValues.${entry.startedIn}`)}</dd>
        <dt>{t('log.detail.outcome')}</dt>
        <dd data-testid="log-detail-outcome">{t(`log.outcomes.${entry.outcome ?? 'live'}`)}</dd>
        <dt>{t('log.detail.destination')}</dt>
        <dd>
          {entry.destination ? `${entry.destination.name} (${t(`log.platforms.${entry.destination.platform}`)})` : '–'}
        </dd>
        <dt>{t('log.detail.programType')}</dt>
        <dd>{programTypeName(entry.programType, i18n.language) || '–'}</dd>
        {entry.recordingPath && (
          <>
            <dt>{t('log.detail.recordingPath')}</dt>
            <dd>{entry.recordingPath}</dd>
          </>
        )}
      </dl>
      <h4>{t('log.detail.timeline')}</h4>
      <TimelineChart timeline={entry.timeline} startMs={startMs} endMs={endMs} />
      <RemoteActionsList actions={entry.remoteActions ?? []} />
      <h4>{t('log.detail.bitrate')}</h4>
      <BitrateChart samples={samples} />
      <HealthFacts health={entry.health} />
      {entry.checklist.length > 0 && (
        <>
          <h4>{t('log.detail.checklist')}</h4>
          <ul className="log-checklist" data-testid="log-checklist">
            {entry.checklist.map((item) => {
              const words = checklistItemWords(item, i18n.language);
              return (
                <li key={item.id}>
                  <span aria-hidden="true">{words.done ? '✓' : '✗'}</span> {words.name} ({words.status})
                  {item.overridden && ` – ${t('log.detail.overridden', { reason: item.overrideReason ?? '' })}`}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <form
        className="log-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="log-field log-field--wide">
          <span>{t('log.detail.title')}</span>
          <input
            value={draft.title}
            maxLength={LOG_LIMITS.title}
            onChange={(e) => change({ title: e.target.value })}
            dir="auto"
          />
        </label>
        <div className="log-field">
          <label htmlFor="log-program-type">{t('log.detail.programType')}</label>
          <select
            id="log-program-type"
            value={draft.programType}
            onChange={(e) => change({ programType: e.target.value })}
          >
            <option value="">{t('log.detail.noProgramType')}</option>
            {[...new Set([...PROGRAM_TYPES, ...programTypes, draft.programType].filter(Boolean))].map((type) => (
              <option key={type} value={type}>
                {programTypeName(type, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <label className="log-check">
          <input type="checkbox" checked={draft.rehearsal} onChange={(e) => change({ rehearsal: e.target.checked })} />
          {t('log.filters.rehearsal')}
        </label>
        <div className="log-field log-field--wide">
          <label htmlFor="log-notes">{t('log.detail.notes')}</label>
          <textarea
            id="log-notes"
            rows={5}
            value={draft.notes}
            aria-describedby="log-notes-count"
            aria-invalid={draft.notes.length > LOG_LIMITS.notes}
            onChange={(e) => change({ notes: e.target.value })}
            dir="auto"
          />
          <small id="log-notes-count" data-near={draft.notes.length >= LOG_LIMITS.notes * 0.9 || undefined}>
            {t('log.detail.notesCount', { count: draft.notes.length, max: LOG_LIMITS.notes })}
          </small>
          {/* A paste longer than the limit is kept whole (no maxLength cutting it silently). */}
          {draft.notes.length > LOG_LIMITS.notes && (
            <p role="alert" className="log-notes-over" data-testid="log-notes-over">
              {t('log.detail.notesTooLong', { over: draft.notes.length - LOG_LIMITS.notes, max: LOG_LIMITS.notes })}
            </p>
          )}
        </div>
        <div className="log-field log-field--wide">
          <label htmlFor="log-video-url">{t('log.detail.videoUrl')}</label>
          <input
            id="log-video-url"
            type="url"
            value={draft.videoUrl}
            maxLength={LOG_LIMITS.url}
            aria-describedby="log-video-hint"
            onChange={(e) => change({ videoUrl: e.target.value })}
          />
          <small id="log-video-hint">{t('log.detail.videoUrlHint')}</small>
        </div>
        <label className="log-field">
          <span>{t('log.detail.captionsDue')}</span>
          <input type="date" value={draft.captionsDue} onChange={(e) => change({ captionsDue: e.target.value })} />
        </label>
        <label className="log-field">
          <span>{t('log.detail.captionsDone')}</span>
          <input
            type="date"
            value={draft.captionsDoneOn}
            onChange={(e) => change({ captionsDoneOn: e.target.value })}
          />
        </label>
        <RolesEditor roles={draft.roles} onChange={(roles) => change({ roles })} />
        <BooksEditor books={draft.books} onChange={(books) => change({ books })} />
        {error && <ErrorMessage error={error} />}
        <div className="log-edit__actions">
          <button type="submit" className="button button--primary" aria-disabled={saving}>
            {saving ? t('log.detail.saving') : t('log.detail.save')}
          </button>
          <span role="status" data-testid="log-save-status">
            {saved ? t('log.detail.saved') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
