/**
 * `POST /db/_compact`, returning once the compaction has run. The double compacts before it
 * answers; a real CouchDB starts each shard's compaction asynchronously (fabric casts it), so
 * `compact_running` can still be false just after the POST: wait until it has been seen running,
 * or the file has been replaced (a compaction quicker than a poll), and then is no longer running.
 */
export async function compactDb(dbUrl: string, authorization: string): Promise<void> {
  const headers = { authorization, 'content-type': 'application/json', accept: 'application/json' };
  interface Info {
    compact_running?: boolean;
    sizes?: { file?: number };
  }
  const info = async (): Promise<Info> => (await (await fetch(dbUrl, { headers })).json()) as Info;
  const before = await info();
  const res = await fetch(`${dbUrl}/_compact`, { method: 'POST', headers, body: '{}' });
  if (!res.ok) throw new Error(`_compact: ${res.status} ${await res.text()}`);
  // The double has no compact_running: it compacted before answering.
  if (before.compact_running === undefined) return;
  let started = false;
  for (let i = 0; i < 2000; i++) {
    const now = await info();
    if (now.compact_running) started = true;
    else if (started || now.sizes?.file !== before.sizes?.file) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`compaction of ${dbUrl} was not seen to run`);
}
