/** The typed client shape every transport implements: one method call per contract channel. */
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { Result } from './errors';

/** A transport delivers one call and returns the registry's result, never throwing for typed errors. */
export type Invoke = (channel: Channel, payload: unknown) => Promise<Result<unknown>>;

export interface NewsdeskClient {
  call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
}

export function createClient(invoke: Invoke): NewsdeskClient {
  return {
    // The main side validated the response against the contract before sending it.
    call: (channel, payload) => invoke(channel, payload) as never,
  };
}
