/** Names of the Electron IPC channels the contract is bound to, shared by main and preload. */
import type { Channel } from './contract';

export const ipcChannelName = (channel: Channel): string => `newsdesk:${channel}`;
export const EVENT_CHANNEL = 'newsdesk:event';
