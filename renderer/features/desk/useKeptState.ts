/**
 * State the desk keeps for the page's session outside the screen: its filters, search, page and row survive
 * opening a story and coming back (the desk unmounts in between). Held in memory above the route, not in
 * storage, so a reload or a new window starts from a clean desk.
 */
import { useCallback, useState } from 'react';

const kept = new Map<string, unknown>();

export function useKeptState<T>(key: string, initial: T): [T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => (kept.has(key) ? (kept.get(key) as T) : initial));
  const set = useCallback(
    (next: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        kept.set(key, v);
        return v;
      }),
    [key],
  );
  return [value, set];
}
