/** What is dragged onto a slot: a story from the list, or the story in another slot. */
export const DRAG_STORY = 'application/x-newsdesk-article';
export const DRAG_SLOT = 'application/x-newsdesk-slot';

export type Picked = { kind: 'story'; articleId: string } | { kind: 'slot'; page: string; slotId: string };

export function pickedFrom(data: DataTransfer): Picked | null {
  const story = data.getData(DRAG_STORY);
  if (story) return { kind: 'story', articleId: story };
  const slot = data.getData(DRAG_SLOT);
  if (slot) {
    const [page, slotId] = slot.split('/');
    if (page && slotId) return { kind: 'slot', page, slotId };
  }
  return null;
}

export function isPlanDrag(data: DataTransfer): boolean {
  return data.types.includes(DRAG_STORY) || data.types.includes(DRAG_SLOT);
}
