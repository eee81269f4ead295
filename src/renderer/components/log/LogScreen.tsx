import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { connectLogStore, useLogStore } from '../../stores/log-store';
import { ErrorMessage } from '../ErrorMessage';
import { ExportImport } from './ExportImport';
import { LogDetail } from './LogDetail';
import { LogFilters } from './LogFilters';
import { LogList } from './LogList';
import { StatsPanel } from './StatsPanel';
import { TodoPanel } from './TodoPanel';
import '../../styles/log.css';

type Tab = 'list' | 'todo' | 'stats';
const TABS: Tab[] = ['list', 'todo', 'stats'];

/** The broadcast log: the list (or one broadcast), the to-do panel, statistics, export and import. */
export function LogScreen({
  onBack,
  initialTab = 'list',
  initialOpenId,
}: {
  onBack: () => void;
  initialTab?: Tab;
  /** An entry to open at once (the broadcast just ended, from the after-broadcast list). */
  initialOpenId?: string;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const error = useLogStore((s) => s.error);
  const [tab, setTab] = useState<Tab>(initialTab);
  const [openId, setOpenId] = useState<string | null>(initialOpenId ?? null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => connectLogStore(api), [api]);
  useEffect(() => heading.current?.focus(), []);

  const onTabKey = (event: React.KeyboardEvent, index: number) => {
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!;
    setTab(target);
    document.getElementById(`log-tab-${target}`)?.focus();
  };

  return (
    <main className="screen log-screen" data-testid="log-screen" aria-labelledby="log-heading">
      <div className="screen__top">
        <h2 id="log-heading" className="screen-heading" ref={heading} tabIndex={-1}>
          {t('log.heading')}
        </h2>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('log.back')}
        </button>
      </div>
      <div role="tablist" aria-label={t('log.tabs.label')} className="log-tabs">
        {TABS.map((name, index) => (
          <button
            key={name}
            id={`log-tab-${name}`}
            role="tab"
            type="button"
            aria-selected={tab === name}
            aria-controls={`log-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className={`button ${tab === name ? 'button--primary' : 'button--secondary'}`}
            onClick={() => setTab(name)}
            onKeyDown={(e) => onTabKey(e, index)}
          >
            {t(`log.tabs.${name}`)}
          </button>
        ))}
      </div>
      {error && <ErrorMessage error={error} />}
      <div role="tabpanel" id={`log-panel-${tab}`} aria-labelledby={`log-tab-${tab}`}>
        {tab === 'list' &&
          (openId ? (
            <LogDetail id={openId} onBack={() => setOpenId(null)} />
          ) : (
            <>
              <LogFilters />
              <LogList onOpen={setOpenId} />
              <ExportImport />
            </>
          ))}
        {tab === 'todo' && <TodoPanel />}
        {tab === 'stats' && <StatsPanel />}
      </div>
    </main>
  );
}
