/**
 * Where the hub password lives: the Electron app keeps it encrypted with safeStorage in a 0600 file
 * (see electron/app/safeStorageSecret.ts); the CLI and browser host read NEWSDESK_HUB_PASSWORD and
 * keep a typed one in memory only. Never in config.json, never logged. A saved password is bound
 * to the origin of the hub it was typed for and is sent nowhere else.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../atomicFile';

/**
 * How a saved password is kept. `basic-text` is Electron's Linux fallback when no keyring is
 * found: encrypted with a key written in Electron's source, so anyone who can read the file can
 * read the password; settings say so.
 */
export type PasswordStorage = 'keychain' | 'basic-text' | 'memory';

export interface SavedHubPassword {
  password: string;
  /** The hub origin it was typed for; null for one given in the environment (the configured hub's). */
  origin: string | null;
}

export interface HubSecret {
  readonly storage: PasswordStorage;
  read(): Promise<SavedHubPassword | null>;
  write(password: string, origin: string): Promise<void>;
}

export function envHubSecret(env: NodeJS.ProcessEnv = process.env): HubSecret {
  let typed: SavedHubPassword | null = null;
  return {
    storage: 'memory',
    read: async () =>
      typed ?? (env.NEWSDESK_HUB_PASSWORD ? { password: env.NEWSDESK_HUB_PASSWORD, origin: null } : null),
    write: async (password, origin) => {
      typed = { password, origin };
    },
  };
}

/** What encrypts the password file: Electron's safeStorage in the app. */
export interface SecretCipher {
  storage(): PasswordStorage;
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(bytes: Buffer): string;
}

/** The password and its hub origin, encrypted, in one file only this user can read (0600). */
export function fileHubSecret(file: string, cipher: SecretCipher): HubSecret {
  return {
    get storage() {
      return cipher.storage();
    },
    read: async () => {
      let text: string;
      try {
        text = cipher.decrypt(await readFile(file));
      } catch {
        return null;
      }
      try {
        const saved = JSON.parse(text) as Partial<SavedHubPassword>;
        if (typeof saved.password === 'string' && typeof saved.origin === 'string') {
          return { password: saved.password, origin: saved.origin };
        }
      } catch {
        // A file from before passwords were bound to a hub holds the bare password.
      }
      return { password: text, origin: null };
    },
    write: async (password, origin) => {
      // Without a way to encrypt the password is not stored at all rather than stored in clear.
      if (!cipher.available()) throw new Error('此系统无法安全保存密码');
      await writeFileAtomic(file, cipher.encrypt(JSON.stringify({ origin, password })), 0o600);
    },
  };
}
