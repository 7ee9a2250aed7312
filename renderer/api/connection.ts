/**
 * Whether the page still reaches the Newsdesk service, for the "连接中断" overlay: the host transport marks it
 * lost when its socket drops or cannot open, and open again when a call or a retry gets through.
 */
export interface Connection {
  lost(): boolean;
  /** Called with the new state on every change; returns an unsubscribe. */
  onChange(listener: (lost: boolean) => void): () => void;
  /** Tries to reach the service now; resolves true when it is back. */
  retry(): Promise<boolean>;
}

export interface ConnectionState extends Connection {
  set(lost: boolean): void;
}

export function connectionState(reconnect: () => Promise<boolean>): ConnectionState {
  let lost = false;
  const listeners = new Set<(lost: boolean) => void>();
  return {
    lost: () => lost,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry: reconnect,
    set(next) {
      if (next === lost) return;
      lost = next;
      for (const l of listeners) l(lost);
    },
  };
}

/** Inside Electron the bridge cannot drop: main and the window live and die together. */
export const alwaysConnected: Connection = {
  lost: () => false,
  onChange: () => () => undefined,
  retry: () => Promise.resolve(true),
};
