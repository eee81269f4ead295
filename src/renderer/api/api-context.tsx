import { createContext, useContext, type ReactNode } from 'react';
import type { BibblanApi } from '../../shared/api-bridge';

const ApiContext = createContext<BibblanApi | null>(null);

/** Components get the API from context, so they can be rendered against a fake one. */
export function ApiProvider({ api, children }: { api: BibblanApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): BibblanApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it');
  return api;
}
