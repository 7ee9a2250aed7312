/** The hub password encrypted with Electron's safeStorage (OS keychain), in its own 0600 file beside the settings. */
import { app, safeStorage } from 'electron';
import { join } from 'node:path';
import { fileHubSecret, type HubSecret } from '../services/sync/hubSecret';

export function safeStorageSecret(): HubSecret {
  return fileHubSecret(join(app.getPath('userData'), 'hub-password.bin'), {
    // On Linux without a keyring safeStorage falls back to a key hard-coded in Electron: that is
    // not protection, and the settings screen must say so rather than claim the keychain.
    storage: () =>
      process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
        ? 'basic-text'
        : 'keychain',
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (bytes) => safeStorage.decryptString(bytes),
  });
}
