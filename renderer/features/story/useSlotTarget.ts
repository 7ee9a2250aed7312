/** The 字数 the page plan reserves for a placed story, read from its issue's slot. */
import { useEffect, useState } from 'react';
import type { Placement } from '../../../shared/model/article';
import { issueIdForDate } from '../../../shared/model/issue';
import { api } from '../../api/transport';

export function useSlotTarget(placement: Placement | null): number | null {
  const [target, setTarget] = useState<number | null>(null);
  const key = placement ? `${placement.issueDate}/${placement.slotId}` : '';
  useEffect(() => {
    setTarget(null);
    if (!placement) return;
    let live = true;
    void api.call('issues.get', { id: issueIdForDate(placement.issueDate) }).then((r) => {
      if (!live || !r.ok) return;
      for (const page of r.value.pages) {
        const slot = page.slots.find((s) => s.id === placement.slotId);
        if (slot) setTarget(slot.targetChars);
      }
    });
    return () => {
      live = false;
    };
    // The key holds exactly what the lookup depends on.
  }, [key]);
  return target;
}
