import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../shared/destinations/destination-schema';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { useGoLiveStore } from '../../stores/golive-store';
import { ErrorMessage } from '../ErrorMessage';
import { DestinationForm } from './DestinationForm';
import './checklist.css';

/** The destinations, which one this broadcast goes to, and the form to add or edit one. */
export function DestinationsPanel({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const destinations = useGoLiveStore((s) => s.destinations);
  const chosen = useGoLiveStore((s) => s.checklist?.session.destinationId ?? null);
  const rehearsal = useGoLiveStore((s) => s.checklist?.session.rehearsal ?? false);
  const [editing, setEditing] = useState<Destination | 'new' | null>(null);
  const { run, error } = useAction({ overlap: true });

  const choose = (destinationId: string | null) => run(() => api.checklist.updateSession({ destinationId }));
  const remove = (d: Destination) => {
    if (!window.confirm(t('golive.destinations.confirmDelete', { name: d.name }))) return;
    void run(() => api.destinations.delete({ id: d.id }));
  };

  return (
    <section className="panel golive-destinations" aria-labelledby="golive-destinations-heading">
      <h3 id="golive-destinations-heading">{t('golive.destinations.heading')}</h3>
      {error && <ErrorMessage error={error} />}
      {destinations.length === 0 && <p>{t('golive.destinations.empty')}</p>}
      <ul className="golive-destination-list">
        {destinations.map((d) => (
          <li
            key={d.id}
            className={d.id === chosen ? 'golive-destination golive-destination--chosen' : 'golive-destination'}
          >
            <label className="golive-destination__choose">
              <input
                type="radio"
                name="golive-destination"
                checked={d.id === chosen}
                disabled={locked}
                aria-label={t('golive.destinations.chooseLabel', { name: d.name })}
                onChange={() => void choose(d.id)}
              />
              <span className="golive-destination__name">{d.name}</span>
            </label>
            <span className="golive-destination__meta">
              {t(`golive.destinations.platforms.${d.platform}`)} ·{' '}
              {d.hasKey ? t('golive.destinations.keySaved') : t('golive.destinations.keyMissing')}
              {d.isTest && ` · ${t('golive.destinations.testDestination')}`}
            </span>
            <span className="golive-destination__actions">
              <button
                type="button"
                className="button button--secondary"
                disabled={locked}
                aria-label={t('golive.destinations.editLabel', { name: d.name })}
                onClick={() => setEditing(d)}
              >
                {t('golive.destinations.edit')}
              </button>
              <button
                type="button"
                className="button button--link"
                disabled={locked}
                aria-label={t('golive.destinations.deleteLabel', { name: d.name })}
                onClick={() => remove(d)}
              >
                {t('golive.destinations.delete')}
              </button>
            </span>
          </li>
        ))}
        {rehearsal && (
          <li className={chosen === null ? 'golive-destination golive-destination--chosen' : 'golive-destination'}>
            <label className="golive-destination__choose">
              <input
                type="radio"
                name="golive-destination"
                checked={chosen === null}
                disabled={locked}
                onChange={() => void choose(null)}
              />
              <span className="golive-destination__name">{t('golive.checklist.noDestination')}</span>
            </label>
          </li>
        )}
      </ul>
      {editing === null ? (
        <button type="button" className="button button--secondary" disabled={locked} onClick={() => setEditing('new')}>
          {t('golive.destinations.add')}
        </button>
      ) : (
        <DestinationForm
          key={editing === 'new' ? 'new' : editing.id}
          destination={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}
