/**
 * Hash routes (#/ desk, #/story/<id>): a reload keeps the screen, and the host needs no server routes.
 * A story opened from a proof carries the proof in its route (#/story/<id>/from/<date>/<page>), so the
 * way back to that proof survives a reload too.
 */
import { useCallback, useEffect, useState } from 'react';

export type Route =
  | { screen: 'desk' }
  | { screen: 'story'; id: string; fromProof?: { date: string; page: string } }
  | { screen: 'flatplan'; date: string | null }
  | { screen: 'proof'; date: string; page: string };

function parse(hash: string): Route {
  const m = /^#\/story\/(a-[a-z0-9]+)(?:\/from\/(\d{4}-\d{2}-\d{2})\/([A-Z]?\d{1,3}))?$/.exec(hash);
  if (m) return { screen: 'story', id: m[1]!, ...(m[2] && m[3] && { fromProof: { date: m[2], page: m[3] } }) };
  const plan = /^#\/flatplan(?:\/(\d{4}-\d{2}-\d{2}))?$/.exec(hash);
  if (plan) return { screen: 'flatplan', date: plan[1] ?? null };
  const proof = /^#\/proof\/(\d{4}-\d{2}-\d{2})\/([A-Z]?\d{1,3})$/.exec(hash);
  if (proof) return { screen: 'proof', date: proof[1]!, page: proof[2]! };
  return { screen: 'desk' };
}

function hashOf(r: Route): string {
  if (r.screen === 'story')
    return r.fromProof ? `#/story/${r.id}/from/${r.fromProof.date}/${r.fromProof.page}` : `#/story/${r.id}`;
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
