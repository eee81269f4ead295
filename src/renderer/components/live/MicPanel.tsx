import { useTranslation } from 'react-i18next';
import { expectedLive, type MicFacts } from '../../../shared/live/mic-warnings';
import { useApi } from '../../api/api-context';
import { useMicWarnings } from '../../hooks/use-mic-warnings';
import { runLive, useLiveStore } from '../../stores/live-store';
import { useObsStore } from '../../stores/obs-store';
import { LevelMeter } from './LevelMeter';

interface MicRow {
  inputName: string;
  label: string;
  main: boolean;
  muted: boolean;
}

/** Every audio input: the preset's mics first (main one marked M), each with mute, meter and warnings. */
export function MicPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const inputs = useObsStore((s) => s.state.inputs);
  const programScene = useObsStore((s) => s.state.programScene);
  const onAir = useObsStore((s) => s.state.stream.active);
  const layout = useLiveStore((s) => s.state.layout);

  const audio = inputs.filter((i) => i.muted !== null);
  const presetMics = layout?.mics.filter((m) => audio.some((i) => i.name === m.inputName)) ?? [];
  const firstAudio = audio[0]?.name;
  const rows: MicRow[] = [
    ...presetMics.map((m) => ({
      inputName: m.inputName,
      label: m.label,
      main: m.main,
      muted: audio.find((i) => i.name === m.inputName)!.muted!,
    })),
    ...audio
      .filter((i) => !presetMics.some((m) => m.inputName === i.name))
      // Without a preset, M works on OBS's first audio input: mark that one.
      .map((i) => ({ inputName: i.name, label: i.name, main: !layout && i.name === firstAudio, muted: i.muted! })),
  ];
  const sceneMics = layout?.scenes.find((s) => s.obsName === programScene)?.liveMics ?? null;
  const presetNames = presetMics.map((m) => m.inputName);
  const facts: MicFacts[] = rows.map((r) => ({
    inputName: r.inputName,
    muted: r.muted,
    expectedLive: expectedLive(r.inputName, presetNames, sceneMics),
  }));
  const warnings = useMicWarnings(facts, onAir);

  return (
    <section className="live-mics" aria-labelledby="live-mics-heading">
      <h2 id="live-mics-heading">{t('live.mics.heading')}</h2>
      {rows.length === 0 && <p>{t('live.mics.none')}</p>}
      <ul className="mic-list">
        {rows.map((row) => {
          const mine = warnings.filter((w) => w.inputName === row.inputName);
          return (
            <li
              key={row.inputName}
              className={`mic${row.muted ? ' mic--muted' : ' mic--live'}`}
              data-testid={`mic-${row.inputName}`}
              data-muted={row.muted}
            >
              <button
                type="button"
                className="mic__toggle"
                onClick={() => void runLive(() => api.live.setMute({ inputName: row.inputName, muted: !row.muted }))}
              >
                {/* Named by its own text, what it shows, then (unseen) what a press does. */}
                <span className="mic__state">{row.muted ? t('live.mics.muted') : t('live.mics.live')}</span>{' '}
                <span className="mic__name">{row.label}</span>
                <span className="visually-hidden">: {row.muted ? t('live.mics.unmute') : t('live.mics.mute')}</span>
              </button>
              {/* The M key's hint over the button's right end, outside its name. */}
              {row.main && (
                <kbd className="mic__key" aria-hidden="true">
                  {t('live.mics.mainHint')}
                </kbd>
              )}
              <LevelMeter
                inputName={row.inputName}
                muted={row.muted}
                label={t('live.mics.level', { name: row.label })}
              />
              {mine.length > 0 && (
                // The alert around the list, so the list keeps its own role.
                <div role="alert">
                  <ul className="mic__warnings">
                    {mine.map((w) => (
                      <li key={w.kind} data-warning={w.kind}>
                        {t(`live.mics.warning.${w.kind}`)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
