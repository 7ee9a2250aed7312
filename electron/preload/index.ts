/**
 * The preload bridge: exposes exactly the contract's channels as functions on
 * window.newsdesk, plus a subscription to main's events and the export's "open folder". Never raw ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_CHANNEL,
  ipcChannelName,
  PRELOAD_CHANNELS,
  REVEAL_EXPORT_CHANNEL,
} from '../../shared/ipc/electronChannels';

const api: Record<string, unknown> = {};
for (const channel of PRELOAD_CHANNELS) {
  api[channel] = (payload: unknown) => ipcRenderer.invoke(ipcChannelName(channel), payload);
}
api.onEvent = (listener: (event: unknown) => void) => {
  const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
  ipcRenderer.on(EVENT_CHANNEL, wrapped);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
};

// Opens the folder of the last export; takes no path, so the page cannot name one.
api.revealExport = () => ipcRenderer.invoke(REVEAL_EXPORT_CHANNEL);

contextBridge.exposeInMainWorld('newsdesk', Object.freeze(api));
