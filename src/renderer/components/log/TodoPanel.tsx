import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodoItem } from '../../../shared/broadcast-log/todo';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { useLogStore } from '../../stores/log-store';
import { ErrorMessage } from '../ErrorMessage';
import { formatDay } from './format';

/** What is still owed after broadcasts: deletions, publisher reports, captions. */
export function TodoPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const revision = useLogStore((s) => s.revision);
  const [items, setItems] = useState<TodoItem[] | null>(null);
  // Several items may be marked done at once.
  const { run, fail, error } = useAction({ overlap: true });
  const [doneBy, setDoneBy] = useState('');

  useEffect(() => {
    void api.log.todo().then((r) => (r.ok ? setItems(r.value) : fail(r.error)));
  }, [api, fail, revision]);

  const markDone = async (item: TodoItem) => {
    await run(() =>
      api.log.markTodoDone({
        entryId: item.entryId,
        kind: item.kind,
        ...(item.bookIndex !== undefined ? { bookIndex: item.bookIndex } : {}),
        ...(doneBy.trim() ? { by: doneBy.trim() } : {}),
      }),
    );
    const fresh = await api.log.todo();
    if (fresh.ok) setItems(fresh.value);
  };

  return (
    <section aria-labelledby="log-todo-heading" data-testid="log-todo">
      <h3 id="log-todo-heading">{t('log.todo.heading')}</h3>
      {error && <ErrorMessage error={error} />}
      <label className="log-field">
        <span>{t('log.todo.doneBy')}</span>
        <input value={doneBy} maxLength={200} onChange={(e) => setDoneBy(e.target.value)} />
      </label>
      {items === null ? (
        <p>{t('log.list.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('log.todo.empty')}</p>
      ) : (
        <ul className="log-todo">
          {items.map((item) => {
            const task = t(`log.todo.kinds.${item.kind}`, { book: item.bookTitle ?? '' });
            const title = item.entryTitle || t('log.untitled');
            return (
              <li
                key={`${item.entryId}-${item.kind}-${item.bookIndex ?? ''}`}
                className={item.overdue ? 'log-todo--overdue' : ''}
              >
                <span>
                  <strong>{task}</strong> – {title}
                  {item.due && ` (${t('log.todo.due', { date: formatDay(item.due, i18n.language) })})`}
                  {item.overdue && <span className="log-badge log-badge--warn">{t('log.todo.overdue')}</span>}
                </span>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t('log.todo.markDoneLabel', { task, title })}
                  onClick={() => void markDone(item)}
                >
                  {t('log.todo.markDone')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
