/** Messages on the loopback host's WebSocket: a call with an id, answered by a reply with the same id. */
import { z } from 'zod';
import type { Result } from './errors';

export const HostMessageSchema = z.object({
  id: z.number().int(),
  channel: z.string().max(100),
  payload: z.unknown(),
});

export interface HostReply {
  id: number;
  result: Result<unknown>;
}
