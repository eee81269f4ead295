import { useEffect, useState } from 'react';
import { useObsStore } from '../stores/obs-store';
import { useSettingsStore } from '../stores/settings-store';

/**
 * Whether to show the first-run screen: while the connection has never been saved, and,
 * once it is saved in this session, until OBS answers (so its error and steps stay in view)
 * or the user chooses to go on without it.
 */
export function useSetupGate(): { showSetup: boolean; leaveSetup: () => void } {
  // undefined until the settings have loaded: that is not "setup not done".
  const setupDone = useSettingsStore((s) => s.settings?.setupDone);
  const connected = useObsStore((s) => s.state.connection.status === 'connected');
  const [holding, setHolding] = useState(false);

  useEffect(() => {
    if (setupDone === false) setHolding(true);
    else if (setupDone && connected) setHolding(false);
  }, [setupDone, connected]);

  return { showSetup: !setupDone || (holding && !connected), leaveSetup: () => setHolding(false) };
}
