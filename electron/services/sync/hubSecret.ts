/**
 * Where the hub password lives: the Electron app keeps it encrypted with safeStorage (see
 * electron/app/safeStorageSecret.ts); the CLI and browser host read NEWSDESK_HUB_PASSWORD and keep
 * a typed one in memory only. Never in config.json, never logged.
 */
export interface HubSecret {
  read(): Promise<string | null>;
  write(password: string): Promise<void>;
}

export function envHubSecret(env: NodeJS.ProcessEnv = process.env): HubSecret {
  let typed: string | null = null;
  return {
    read: async () => typed ?? env.NEWSDESK_HUB_PASSWORD ?? null,
    write: async (password) => {
      typed = password;
    },
  };
}
