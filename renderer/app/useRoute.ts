/** Hash routes (#/ desk, #/story/<id>): a reload keeps the screen, and the host needs no server routes. */
import { useCallback, useEffect, useState } from 'react';

export type Route =
  | { screen: 'desk' }
  | { screen: 'story'; id: string }
  | { screen: 'flatplan'; date: string | null }
  | { screen: 'proof'; date: string; page: string };

function parse(hash: string): Route {
  const m = /^#\/story\/(a-[a-z0-9]+)$/.exec(hash);
  if (m) return { screen: 'story', id: m[1]! };
  const plan = /^#\/flatplan(?:\/(\d{4}-\d{2}-\d{2}))?$/.exec(hash);
  if (plan) return { screen: 'flatplan', date: plan[1] ?? null };
  const proof = /^#\/proof\/(\d{4}-\d{2}-\d{2})\/([A-Z]?\d{1,3})$/.exec(hash);
  if (proof) return { screen: 'proof', date: proof[1]!, page: proof[2]! };
  return { screen: 'desk' };
}

function hashOf(r: Route): string {
  if (r.screen === 'story') return `#/story/${r.id}`;
  if (r.screen === 'flatplan') return r.date ? `#/flatplan/${r.date}` : '#/flatplan';
  if (r.screen === 'proof') return `#/proof/${r.date}/${r.page}`;
  return '#/';
}

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const on = () => setRoute(parse(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const go = useCallback((r: Route) => {
    location.hash = hashOf(r);
  }, []);
  return [route, go];
}
