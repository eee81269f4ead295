import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/result';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { useNow } from '../../hooks/use-now';
import { useGoLiveStore } from '../../stores/golive-store';
import { ErrorMessage } from '../ErrorMessage';
import { AfterBroadcast } from './AfterBroadcast';
import { formatElapsed } from './format-elapsed';

type Step = 'none' | 'override' | 'confirm' | 'confirmEnd';

/**
 * Go Live and everything after it. The phase shown is the core's, which follows OBS: a click
 * only asks. Go Live needs a confirmation naming the destination; a checklist that is not done
 * needs a reason first (kept in the log).
 */
/**
 * `onOpenLog`: after the broadcast, the log's to-do list is where the reports and deletions are
 * kept; `onOpenLogEntry`: the log entry of this broadcast.
 */
export function GoLivePanel({
  onOpenLog,
  onOpenLogEntry,
}: { onOpenLog?: () => void; onOpenLogEntry?: (id: string) => void } = {}) {
  const { t } = useTranslation();
  const api = useApi();
  const state = useGoLiveStore((s) => s.golive);
  const checklist = useGoLiveStore((s) => s.checklist);
  const destinations = useGoLiveStore((s) => s.destinations);
  const [step, setStep] = useState<Step>('none');
  const [reason, setReason] = useState('');
  const action = useAction({ overlap: true });
  const { error } = action;
  const confirmButton = useRef<HTMLButtonElement>(null);
  const now = useNow(state.phase === 'live', 1000);
  const { phase, broadcast } = state;

  // The confirmation takes the focus, so Enter confirms and Escape (below) cancels.
  useEffect(() => {
    if (step === 'confirm' || step === 'confirmEnd') confirmButton.current?.focus();
  }, [step]);

  const run = (work: () => Promise<Result<unknown>>): void => void action.run(work);

  const session = checklist?.session;
  const destination = destinations.find((d) => d.id === session?.destinationId) ?? null;
  const ready = checklist?.ready ?? false;
  const rehearsal = session?.rehearsal === true || destination?.isTest === true;
  const cancel = () => {
    setStep('none');
    setReason('');
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') cancel();
  };

  if (phase === 'starting') {
    return (
      <section className="golive-banner golive-banner--starting" role="status" data-phase="starting">
        {broadcast?.streaming
          ? t('golive.live.starting', { name: broadcast.destinationName ?? '' })
          : t('golive.live.startingRecordOnly')}
      </section>
    );
  }

  if (phase === 'live' || phase === 'ending') {
    const elapsed = broadcast?.liveAt ? formatElapsed(now - broadcast.liveAt) : '0:00';
    return (
      <section
        className={`golive-banner golive-banner--live${broadcast?.rehearsal ? ' golive-banner--rehearsal' : ''}`}
        data-phase={phase}
        aria-labelledby="golive-live-heading"
      >
        <h3 id="golive-live-heading" className="golive-banner__title">
          {broadcast?.rehearsal ? t('golive.live.rehearsalNow') : t('golive.live.liveNow')}
        </h3>
        <p>
          {broadcast?.destinationName
            ? t('golive.live.liveTo', { name: broadcast.destinationName })
            : t('golive.live.liveUnknownDestination')}
        </p>
        {broadcast?.origin === 'obs' && <p>{t('golive.live.startedInObs')}</p>}
        <p className="golive-banner__elapsed" aria-live="off" data-testid="elapsed">
          {t('golive.live.elapsed', { time: elapsed })}
        </p>
        {(error ?? state.error) && <ErrorMessage error={(error ?? state.error)!} />}
        {phase === 'ending' ? (
          <p role="status">{t('golive.live.ending')}</p>
        ) : step === 'confirmEnd' ? (
          <div className="golive-confirm" role="group" aria-labelledby="golive-confirm-end" onKeyDown={onKeyDown}>
            <p id="golive-confirm-end" className="golive-confirm__text">
              {t('golive.live.confirmEnd')}
            </p>
            {checklist?.closingScene && <p>{t('golive.live.confirmEndClosing', { scene: checklist.closingScene })}</p>}
            <button
              ref={confirmButton}
              type="button"
              className="button button--primary"
              data-testid="golive-confirm-end"
              onClick={() => {
                setStep('none');
                run(() => api.golive.end({}));
              }}
            >
              {t('golive.live.confirmEndYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={cancel}>
              {t('golive.live.cancel')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="button button--danger"
            data-testid="golive-end"
            onClick={() => setStep('confirmEnd')}
          >
            {broadcast?.rehearsal ? t('golive.live.endRehearsal') : t('golive.live.end')}
          </button>
        )}
      </section>
    );
  }

  if (phase === 'ended') {
    const text =
      broadcast?.endedBy === 'obs'
        ? t('golive.live.endedInObs')
        : broadcast?.rehearsal
          ? t('golive.live.endedRehearsal')
          : t('golive.live.ended');
    return (
      <section className="golive-banner golive-banner--ended" data-phase="ended">
        <p role="status">{text}</p>
        {error && <ErrorMessage error={error} />}
        <AfterBroadcast
          state={state}
          run={run}
          {...(onOpenLog ? { onOpenLog } : {})}
          {...(onOpenLogEntry ? { onOpenLogEntry } : {})}
        />
      </section>
    );
  }

  if (phase === 'failed') {
    return (
      <section
        className="golive-banner golive-banner--failed"
        data-phase="failed"
        aria-labelledby="golive-failed-heading"
      >
        <h3 id="golive-failed-heading">{t('golive.live.failedHeading')}</h3>
        {state.error && <ErrorMessage error={state.error} />}
        <button type="button" className="button button--secondary" onClick={() => run(() => api.golive.dismiss())}>
          {t('golive.live.tryAgain')}
        </button>
      </section>
    );
  }

  const blocking = checklist?.blocking.length ?? 0;
  const start = () => {
    setStep('none');
    run(() => api.golive.start(ready ? {} : { overrideReason: reason.trim() }));
    setReason('');
  };
  return (
    <section className="golive-banner golive-banner--idle" data-phase="idle">
      <p role="status" className="golive-ready">
        {ready ? t('golive.checklist.ready') : t('golive.checklist.notReady', { count: blocking })}
      </p>
      {error && <ErrorMessage error={error} />}
      {step === 'none' && (
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary golive-go"
            aria-disabled={!ready}
            onClick={() => ready && setStep('confirm')}
          >
            {rehearsal ? t('golive.live.rehearse') : t('golive.live.goLive')}
          </button>
          {!ready && (
            <button
              type="button"
              className="button button--secondary"
              data-testid="golive-anyway"
              onClick={() => setStep('override')}
            >
              {t('golive.live.goLiveAnyway')}
            </button>
          )}
        </div>
      )}
      {step === 'override' && (
        <form
          className="golive-confirm"
          onKeyDown={onKeyDown}
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length >= 3) setStep('confirm');
          }}
        >
          <h4>{t('golive.live.overrideHeading')}</h4>
          <div className="field">
            <label htmlFor="golive-override-reason">{t('golive.live.overrideReason')}</label>
            <textarea
              id="golive-override-reason"
              value={reason}
              maxLength={500}
              required
              minLength={3}
              aria-describedby="golive-override-hint"
              onChange={(e) => setReason(e.target.value)}
            />
            <p id="golive-override-hint" className="field__hint">
              {t('golive.live.overrideReasonHint')}
            </p>
          </div>
          <button
            type="submit"
            className="button button--primary"
            data-testid="golive-anyway-go"
            aria-disabled={reason.trim().length < 3}
          >
            {rehearsal ? t('golive.live.rehearse') : t('golive.live.goLive')}
          </button>
          <button type="button" className="button button--secondary" onClick={cancel}>
            {t('golive.live.cancel')}
          </button>
        </form>
      )}
      {step === 'confirm' && (
        <div className="golive-confirm" role="group" aria-labelledby="golive-confirm-text" onKeyDown={onKeyDown}>
          <p id="golive-confirm-text" className="golive-confirm__text">
            {destination ? t('golive.live.confirmTo', { name: destination.name }) : t('golive.live.confirmRecordOnly')}
          </p>
          {rehearsal && <p>{t('golive.live.confirmRehearsal')}</p>}
          {session?.record && <p>{t('golive.live.confirmRecording')}</p>}
          <button
            ref={confirmButton}
            type="button"
            className="button button--primary"
            data-testid="golive-confirm"
            onClick={start}
          >
            {rehearsal ? t('golive.live.confirmRehearse') : t('golive.live.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={cancel}>
            {t('golive.live.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
