import { useTranslation } from 'react-i18next';
import type { PublicSettings } from '../../shared/settings';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionProblem } from './ConnectionProblem';
import { ConnectionStatusLine } from './ConnectionStatusLine';
import { LanguageSwitch } from './LanguageSwitch';
import { ScreenHeading } from './ScreenHeading';

interface Props {
  settings: PublicSettings;
  /** Offered once the connection is saved but OBS is not reached yet. */
  onContinue: () => void;
}

/** Shown until the connection to OBS has been saved (and, in this session, until it works). */
export function FirstRunScreen({ settings, onContinue }: Props) {
  const { t } = useTranslation();
  return (
    <main className="screen screen--narrow" data-testid="first-run">
      <ScreenHeading focusOnMount={false}>{t('connection.welcomeHeading')}</ScreenHeading>
      <p className="lead">{t('connection.welcomeIntro')}</p>
      <section className="panel" aria-labelledby="first-run-connection">
        <h3 id="first-run-connection">{t('connection.formHeading')}</h3>
        <ConnectionForm settings={settings} />
        <ConnectionStatusLine />
        <ConnectionProblem besideForm />
      </section>
      {settings.setupDone && (
        <button type="button" className="button button--link" onClick={onContinue}>
          {t('connection.continueWithout')}
        </button>
      )}
      <section className="panel">
        <LanguageSwitch />
      </section>
    </main>
  );
}
