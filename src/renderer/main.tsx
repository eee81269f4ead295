import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/api-context';
import { choosePhoneSocket, closeApi, getApi, getHostLink } from './api/index';
import { App } from './App';
import { RemoteApp, type PhoneConnection } from './components/remote/RemoteApp';
import { applyLanguage, createI18n, defaultLanguage } from './i18n/index';
import { decideBootMode, pairedMemory, type BootMode } from './remote/boot-mode';
import { addInstallLinks, browserLanguage } from './remote/install-links';
import { connectStores } from './stores/connect-stores';
import { useSettingsStore } from './stores/settings-store';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/scenes.css';
import './styles/messages.css';

const i18n = createI18n();
applyLanguage(i18n, defaultLanguage);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const reactRoot = createRoot(root);

/** The desktop app: Electron's window, or the computer's own browser through the loopback host. */
function startDesktop(): void {
  const api = getApi();
  // The language follows the saved settings, from whichever window or request changed them.
  useSettingsStore.subscribe((state) => applyLanguage(i18n, state.settings?.language ?? defaultLanguage));
  const stores = connectStores(api, getHostLink());
  reactRoot.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApiProvider api={api}>
          <App onRetryLoad={() => void stores.reload()} />
        </ApiProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

/**
 * A phone or tablet on the remote's address: the pairing page, then the phone page. Its API
 * socket opens once the device is paired (before that the host would refuse it).
 */
function startRemote(mode: Exclude<BootMode, { kind: 'desktop' }>): void {
  addInstallLinks(document);
  applyLanguage(i18n, browserLanguage(navigator.languages));
  let connection: PhoneConnection | null = null;
  let offLanguage: (() => void) | null = null;
  let disconnectStores: (() => void) | null = null;
  const openPhone = (): PhoneConnection => {
    if (connection) return connection;
    choosePhoneSocket();
    const api = getApi();
    // Once paired, the computer's language setting holds, as on the computer.
    offLanguage = useSettingsStore.subscribe((state) => {
      if (state.settings) applyLanguage(i18n, state.settings.language);
    });
    disconnectStores = connectStores(api, getHostLink()).disconnect;
    return (connection = { api, link: getHostLink() });
  };
  const closePhone = (): void => {
    offLanguage?.();
    disconnectStores?.();
    closeApi();
    connection = null;
  };
  reactRoot.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RemoteApp initial={mode} openPhone={openPhone} closePhone={closePhone} />
      </I18nextProvider>
    </StrictMode>,
  );
}

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
void decideBootMode(Boolean(window.bibblan), window.location, undefined, pairedMemory.get(storage)).then((mode) =>
  mode.kind === 'desktop' ? startDesktop() : startRemote(mode),
);
