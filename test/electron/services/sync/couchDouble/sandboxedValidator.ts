/**
 * Runs a design document's `validate_doc_update` source as CouchDB does: compiled once in a
 * context of its own (node:vm, nothing of this process reachable from it), called with JSON copies
 * of (newDoc, oldDoc, userCtx, secObj); a thrown `{forbidden}` or `{unauthorized}` is the verdict.
 * Differences from CouchDB: V8 instead of QuickJS/SpiderMonkey, and none of CouchDB's sandbox
 * helpers (`log`, `isArray`, `toJSON`, `sum`), which the generated rule does not use.
 */
import vm from 'node:vm';

export type SandboxVerdict =
  | null
  | { forbidden: string }
  | { unauthorized: string }
  /** Anything else thrown: CouchDB answers such a write with an error, never stores it. */
  | { error: string };

const RUNNER = `function __run(json) {
  var a = JSON.parse(json);
  try { __validate(a[0], a[1], a[2], a[3]); return null; }
  catch (e) {
    if (e && typeof e === 'object' && typeof e.forbidden === 'string') return JSON.stringify({ forbidden: e.forbidden });
    if (e && typeof e === 'object' && typeof e.unauthorized === 'string') return JSON.stringify({ unauthorized: e.unauthorized });
    return JSON.stringify({ error: String(e && e.message ? e.message : e) });
  }
}`;

export function compileValidator(
  source: string,
): (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => SandboxVerdict {
  const context = vm.createContext({});
  vm.runInContext(`var __validate = (${source});\n${RUNNER}`, context, { timeout: 1000 });
  const run = context.__run as (json: string) => string | null;
  return (newDoc, oldDoc, userCtx, secObj) => {
    const out = run(JSON.stringify([newDoc, oldDoc ?? null, userCtx, secObj]));
    return out === null ? null : (JSON.parse(out) as SandboxVerdict);
  };
}
