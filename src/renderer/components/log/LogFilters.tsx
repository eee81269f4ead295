import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomeSchema, PlatformSchema } from '../../../shared/broadcast-log/entry-schema';
import type { LogQueryInput } from '../../../shared/broadcast-log/log-query';
import { useApi } from '../../api/api-context';
import { reloadLog, useLogStore } from '../../stores/log-store';
import { programTypeName } from './log-words';

/** Filters, search and sort of the list. Search waits for a pause in typing. */
export function LogFilters() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const query = useLogStore((s) => s.query);
  const programTypes = useLogStore((s) => s.programTypes);
  const [text, setText] = useState(query.text ?? '');

  const set = useCallback(
    (change: Partial<LogQueryInput>) => {
      const next: Record<string, unknown> = { ...query, ...change };
      for (const key of Object.keys(next)) if (next[key] === undefined || next[key] === '') delete next[key];
      void reloadLog(api, next as LogQueryInput);
    },
    [api, query],
  );

  // The typed text becomes the query's after a pause; a filter changed meanwhile is kept (the
  // timer starts again with the new query), and once they agree nothing more is sent.
  const queryText = query.text ?? '';
  useEffect(() => {
    const wanted = text.slice(0, 200);
    if (queryText === wanted) return;
    const timer = setTimeout(() => set({ text: wanted }), 200);
    return () => clearTimeout(timer);
  }, [queryText, set, text]);

  return (
    <form
      className="log-filters"
      aria-label={t('log.filters.label')}
      role="search"
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="log-field log-field--wide">
        <span>{t('log.filters.search')}</span>
        <input
          type="search"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          data-testid="log-search"
        />
      </label>
      <label className="log-field">
        <span>{t('log.filters.from')}</span>
        <input type="date" value={query.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
      </label>
      <label className="log-field">
        <span>{t('log.filters.to')}</span>
        <input type="date" value={query.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
      </label>
      <label className="log-field">
        <span>{t('log.filters.platform')}</span>
        <select
          value={query.platform ?? ''}
          onChange={(e) => set({ platform: (e.target.value || undefined) as LogQueryInput['platform'] })}
        >
          <option value="">{t('log.filters.any')}</option>
          {PlatformSchema.options.map((p) => (
            <option key={p} value={p}>
              {t(`log.platforms.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="log-field">
        <span>{t('log.filters.programType')}</span>
        <select value={query.programType ?? ''} onChange={(e) => set({ programType: e.target.value || undefined })}>
          <option value="">{t('log.filters.any')}</option>
          {programTypes.map((type) => (
            <option key={type} value={type}>
              {programTypeName(type, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <label className="log-field">
        <span>{t('log.filters.outcome')}</span>
        <select
          value={query.outcome ?? ''}
          onChange={(e) => set({ outcome: (e.target.value || undefined) as LogQueryInput['outcome'] })}
        >
          <option value="">{t('log.filters.any')}</option>
          {OutcomeSchema.options.map((o) => (
            <option key={o} value={o}>
              {t(`log.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="log-field">
        <span>{t('log.filters.rehearsal')}</span>
        <select
          value={query.rehearsal === undefined ? '' : String(query.rehearsal)}
          onChange={(e) => set({ rehearsal: e.target.value === '' ? undefined : e.target.value === 'true' })}
        >
          <option value="">{t('log.filters.any')}</option>
          <option value="true">{t('log.filters.onlyRehearsals')}</option>
          <option value="false">{t('log.filters.noRehearsals')}</option>
        </select>
      </label>
      <label className="log-field">
        <span>{t('log.filters.sort')}</span>
        <select value={query.sort ?? 'start'} onChange={(e) => set({ sort: e.target.value as LogQueryInput['sort'] })}>
          <option value="start">{t('log.filters.sortStart')}</option>
          <option value="duration">{t('log.filters.sortDuration')}</option>
          <option value="title">{t('log.filters.sortTitle')}</option>
        </select>
      </label>
      <label className="log-field">
        <span>{t('log.filters.direction')}</span>
        <select
          value={query.direction ?? 'desc'}
          onChange={(e) => set({ direction: e.target.value as LogQueryInput['direction'] })}
        >
          <option value="desc">{t('log.filters.desc')}</option>
          <option value="asc">{t('log.filters.asc')}</option>
        </select>
      </label>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setText('');
          void reloadLog(api, {});
        }}
      >
        {t('log.filters.clear')}
      </button>
    </form>
  );
}
