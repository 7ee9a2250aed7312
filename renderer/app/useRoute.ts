/** Hash routes (#/ desk, #/story/<id>): a reload keeps the screen, and the host needs no server routes. */
import { useCallback, useEffect, useState } from 'react';

export type Route = { screen: 'desk' } | { screen: 'story'; id: string };

function parse(hash: string): Route {
  const m = /^#\/story\/(a-[a-z0-9]+)$/.exec(hash);
  return m ? { screen: 'story', id: m[1]! } : { screen: 'desk' };
}

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const on = () => setRoute(parse(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const go = useCallback((r: Route) => {
    location.hash = r.screen === 'story' ? `#/story/${r.id}` : '#/';
  }, []);
  return [route, go];
}
