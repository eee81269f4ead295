import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/api-context';
import { getApi, getHostLink } from './api/index';
import { App } from './App';
import { applyLanguage, createI18n, defaultLanguage } from './i18n/index';
import { connectStores } from './stores/connect-stores';
import { useSettingsStore } from './stores/settings-store';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/scenes.css';
import './styles/messages.css';

const api = getApi();
const i18n = createI18n();
applyLanguage(i18n, defaultLanguage);
// The language follows the saved settings, from whichever window or request changed them.
useSettingsStore.subscribe((state) => applyLanguage(i18n, state.settings?.language ?? defaultLanguage));
const stores = connectStores(api, getHostLink());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={api}>
        <App onRetryLoad={() => void stores.reload()} />
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
