import { startE2eApp } from './test/e2e/harness';
import { openStoryWith, selectInBody } from './test/e2e/helpers/story';
import { paragraph } from './shared/model/document';
const LINE = '株洲市今年以来坚持把重大项目建设作为稳增长的关键抓手，全市重点项目完成投资同比增长。';
const n = Number(process.argv[2] ?? 200);
const app = await startE2eApp();
await openStoryWith(app, { headline: 'x', body: Array.from({ length: n }, (_, i) => paragraph(`${i}、${LINE.repeat(3).slice(0, n > 1000 ? 40 : 100)}`)) });
await selectInBody(app.page, [Math.floor(n / 2), 5]);
for (let i = 0; i < 10; i++) { await app.cdp.send('Input.insertText', { text: '字' }); await app.page.waitForTimeout(30); }
await app.cdp.send('Profiler.enable');
await app.cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await app.cdp.send('Profiler.start');
const K = 100;
for (let i = 0; i < K; i++) { await app.cdp.send('Input.insertText', { text: '字' }); await app.page.waitForTimeout(30); }
const { profile } = await app.cdp.send('Profiler.stop');
const parent = new Map<number, number>();
for (const nd of profile.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
const incl = new Map<string, number>();
const dt = profile.timeDeltas ?? [];
(profile.samples ?? []).forEach((id, i) => {
  const seen = new Set<string>();
  let cur: number | undefined = id;
  while (cur !== undefined) {
    const nd = byId.get(cur)!;
    const key = `${nd.callFrame.functionName || '(anon)'} ${nd.callFrame.url.split('/').pop()}:${nd.callFrame.lineNumber}`;
    if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + (dt[i] ?? 0) / 1000); }
    cur = parent.get(cur);
  }
});
for (const [k, v] of [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 90)) console.log((v / K).toFixed(2).padStart(8), k);
await app.close();
