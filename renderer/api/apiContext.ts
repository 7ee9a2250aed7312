/**
 * The typed client as a React context: app/ provides the transport's client, and a hook that reads it here
 * can be run in a unit test against an in-process client instead of a browser and a host.
 */
import { createContext, useContext } from 'react';
import type { NewsdeskClient } from '../../shared/ipc/client';

export const ApiContext = createContext<NewsdeskClient | null>(null);

export function useApi(): NewsdeskClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiContext provider (app/App.tsx gives the transport client)');
  return api;
}
