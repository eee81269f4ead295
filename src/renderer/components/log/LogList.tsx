import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntrySummary } from '../../../shared/broadcast-log/log-query';
import { useApi } from '../../api/api-context';
import { ensureRows, useLogStore } from '../../stores/log-store';
import { formatDateTime, formatDuration } from './format';
import { programTypeName } from './log-words';

const ROW_HEIGHT = 56;
const OVERSCAN = 6;

/**
 * The broadcasts, newest first, virtualized: only the rows in view (plus a few) are in the
 * DOM, however long the log. Arrow keys move between rows; Enter opens one.
 */
export function LogList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const total = useLogStore((s) => s.total);
  const rows = useLogStore((s) => s.rows);
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || 480));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const count = total ?? 0;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (count > 0) void ensureRows(api, first, last);
  }, [api, first, last, count, rows]);

  const onKey = (event: KeyboardEvent<HTMLDivElement>, index: number, row: EntrySummary | undefined) => {
    const move = (to: number) => {
      event.preventDefault();
      const target = Math.max(0, Math.min(count - 1, to));
      const el = viewport.current;
      if (!el) return;
      // Bring the row into view first: it may not be rendered yet.
      if (target * ROW_HEIGHT < el.scrollTop) el.scrollTop = target * ROW_HEIGHT;
      if ((target + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight)
        el.scrollTop = (target + 1) * ROW_HEIGHT - el.clientHeight;
      requestAnimationFrame(() => el.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(count - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      onOpen(row.id);
    }
  };

  const items = [];
  for (let i = first; i <= last; i += 1) {
    const row = rows[i];
    const title = row
      ? row.title || t(row.startedIn === 'obs' ? 'log.untitledFromObs' : 'log.untitled')
      : t('log.list.loading');
    items.push(
      <div
        key={i}
        role="row"
        aria-rowindex={i + 1}
        data-index={i}
        data-testid="log-row"
        tabIndex={i === first ? 0 : -1}
        className={`log-row${row?.outcome === null ? ' log-row--live' : ''}`}
        style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT }}
        aria-label={row ? t('log.list.open', { title }) : title}
        onClick={() => row && onOpen(row.id)}
        onKeyDown={(e) => onKey(e, i, row)}
      >
        {row && (
          <>
            <span role="gridcell" className="log-row__title">
              {title}
              {row.rehearsal && <span className="log-badge">{t('log.list.rehearsal')}</span>}
              {row.startedIn === 'obs' && <span className="log-badge">{t('log.list.startedInObs')}</span>}
            </span>
            <span role="gridcell">{formatDateTime(row.actualStart, i18n.language)}</span>
            <span role="gridcell">{programTypeName(row.programType, i18n.language)}</span>
            <span role="gridcell">{row.platform ? t(`log.platforms.${row.platform}`) : ''}</span>
            <span role="gridcell">{formatDuration(row.durationSec, i18n.language)}</span>
            <span role="gridcell" className={`log-outcome log-outcome--${row.outcome ?? 'live'}`}>
              {t(`log.outcomes.${row.outcome ?? 'live'}`)}
            </span>
          </>
        )}
      </div>,
    );
  }

  return (
    <div className="log-list">
      <p aria-live="polite" data-testid="log-count">
        {total === null ? t('log.list.loading') : t('log.list.count', { count: total })}
      </p>
      {total === 0 ? (
        <p>{t('log.list.empty')}</p>
      ) : (
        <div
          ref={viewport}
          role="grid"
          aria-label={t('log.list.label')}
          aria-rowcount={count}
          className="log-list__viewport"
          data-testid="log-list"
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <div role="rowgroup" style={{ height: count * ROW_HEIGHT, position: 'relative' }}>
            {items}
          </div>
        </div>
      )}
    </div>
  );
}
