/** Fans main's typed events out to whoever listens: the Electron windows, the host's sockets, tests. */
import type { NewsdeskEvent } from '../../shared/ipc/events';

export type EventListener = (event: NewsdeskEvent) => void;

export interface EventBus {
  emit(event: NewsdeskEvent): void;
  on(listener: EventListener): () => void;
}

export function createEventBus(onListenerError: (e: unknown) => void = () => undefined): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event) {
      for (const listener of listeners) {
        // One broken listener (a closed socket, a destroyed window) must not stop the others.
        try {
          listener(event);
        } catch (e) {
          onListenerError(e);
        }
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
