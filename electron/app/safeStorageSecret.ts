/** The hub password encrypted with Electron's safeStorage (OS keychain), in its own file beside the settings. */
import { app, safeStorage } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../services/atomicFile';
import type { HubSecret } from '../services/sync/hubSecret';

export function safeStorageSecret(): HubSecret {
  const file = join(app.getPath('userData'), 'hub-password.bin');
  return {
    read: async () => {
      try {
        return safeStorage.decryptString(await readFile(file));
      } catch {
        return null;
      }
    },
    write: async (password) => {
      // Without an OS keychain the password is not stored at all rather than stored in clear.
      if (!safeStorage.isEncryptionAvailable()) throw new Error('此系统无法安全保存密码');
      await writeFileAtomic(file, safeStorage.encryptString(password));
    },
  };
}
