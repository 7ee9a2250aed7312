/**
 * Hostile payloads for every contract channel: arbitrary values, objects built from the
 * channel's own field names with arbitrary values (so they get past the first checks), and
 * near-valid strings (huge, control characters, path tricks, bad surrogates).
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { contract, type Channel } from '../../../shared/ipc/contract';

/** How many payloads per channel: small in `npm test`, at least 10,000 in `npm run test:stress`. */
export const RUNS_PER_CHANNEL = Number(process.env.NEWSDESK_FUZZ_RUNS ?? (process.env.NEWSDESK_STRESS ? 10_000 : 40));

function fieldNames(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Megabyte strings probe the size limits; each costs tens of milliseconds over HTTP. In the stress run
 * they are ten times rarer (still hundreds per channel), so its 10,000 payloads per channel buy variety.
 */
const COMMON = RUNS_PER_CHANNEL >= 1000 ? 10 : 1;

const nastyString = fc.oneof(
  { arbitrary: fc.string(), weight: 8 * COMMON },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 4 * COMMON },
  {
    weight: 4 * COMMON,
    arbitrary: fc.constantFrom(
      '../../etc/passwd',
      'a-../../x',
      '\u0000',
      '\ud800',
      '%E0',
      '__proto__',
      'constructor',
      'a-'.padEnd(300, 'z'),
      '/',
      '\\\\server\\share',
      '<script>alert(1)</script>',
    ),
  },
  // Rare: strings around the contract's size limits.
  { arbitrary: fc.integer({ min: 0, max: 2_100_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

const leaf = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1, 2 ** 31, 1e308),
);

const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
  ),
})).value;

export function payloadFor(channel: Channel): fc.Arbitrary<unknown> {
  const names = fieldNames(contract[channel].request);
  const shaped =
    names.length > 0
      ? fc.dictionary(fc.constantFrom(...names, 'extra'), jsonish, { maxKeys: names.length + 1 })
      : fc.dictionary(fc.string(), jsonish, { maxKeys: 2 });
  return fc.oneof(jsonish, shaped, shaped);
}
