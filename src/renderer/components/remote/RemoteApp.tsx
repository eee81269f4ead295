import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BibblanApi } from '../../../shared/api-bridge';
import { appError } from '../../../shared/errors';
import { ApiProvider } from '../../api/api-context';
import { decideBootMode, pairedMemory, type BootMode, type PhoneDevice } from '../../remote/boot-mode';
import type { HostLink } from '../../stores/host-link';
import { PairPage } from './PairPage';
import { PhonePage } from './PhonePage';
import { UnreachablePage } from './UnreachablePage';
import './remote.css';

export interface PhoneConnection {
  api: BibblanApi;
  link: HostLink | null;
}

type RemoteMode = Exclude<BootMode, { kind: 'desktop' }>;

interface Props {
  initial: RemoteMode;
  /** Opens (once) the paired device's API socket and feeds the always-on stores from it. */
  openPhone: () => PhoneConnection;
  /** Closes it for good: the device's access ended. */
  closePhone: () => void;
}

/** The phone remote's pages: pairing, then the phone page; back to pairing when access ends. */
export function RemoteApp({ initial, openPhone, closePhone }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<RemoteMode>(initial);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const paired = useCallback((computerName: string, device: PhoneDevice) => {
    pairedMemory.set(window.localStorage);
    // The home-screen link and a reload open the phone page: no secret left in the address bar.
    history.replaceState(null, '', '/');
    setMode({ kind: 'phone', computerName, device });
  }, []);

  const accessEnded = useCallback(
    (computerName: string) => {
      closePhone();
      setMode({ kind: 'pair', computerName, secret: null, reason: appError('REMOTE_ACCESS_ENDED') });
    },
    [closePhone],
  );

  const retry = useCallback(async () => {
    const next = await decideBootMode(false, window.location, undefined, pairedMemory.get(window.localStorage));
    if (next.kind !== 'desktop') setMode(next);
  }, []);

  if (mode.kind === 'unreachable') return <UnreachablePage onRetry={retry} />;
  if (mode.kind === 'pair')
    return <PairPage computerName={mode.computerName} secret={mode.secret} reason={mode.reason} onPaired={paired} />;
  const connection = openPhone();
  return (
    <ApiProvider api={connection.api}>
      <PhonePage
        computerName={mode.computerName}
        device={mode.device}
        link={connection.link}
        onAccessEnded={accessEnded}
      />
    </ApiProvider>
  );
}
