/**
 * Track changes (留痕) on a photo's caption and credit: the same runs and items as the header fields, kept
 * on the photo block, so the body's review list, accept and reject, and the change table see them.
 */
import type { PhotoElement, PhotoTracked } from '../../model/document';
import type { PhotoCredit } from '../../model/people';
import type { ChangeKind } from '../../model/suggestions';
import type { TrackedItem, TrackedRun } from '../../model/trackedFields';
import type { Decide } from './decision';
import {
  diffText,
  editItems,
  editRuns,
  liveText,
  normalizeRuns,
  resolveItems,
  resolveRuns,
  runsFrom,
  type TrackContext,
} from './trackedFields';

type Photo = Pick<PhotoElement, 'caption' | 'credit' | 'tracked'>;

export const captionRunsOf = (photo: Photo): TrackedRun[] =>
  photo.tracked?.caption?.length ? photo.tracked.caption : runsFrom(photo.caption);

export const creditItemsOf = (photo: Photo): TrackedItem<PhotoCredit>[] =>
  photo.tracked?.credit ?? (photo.credit ? [{ value: photo.credit }] : []);

const pending = (xs: readonly { ins?: string; del?: string }[]) =>
  xs.some((x) => x.ins !== undefined || x.del !== undefined);

/**
 * The photo's fields from its runs and items: `caption` and `credit` as they read with everything accepted,
 * `tracked` only while something is pending (null: none, for Slate to drop the key).
 */
export function photoFields(
  runs: readonly TrackedRun[],
  items: readonly TrackedItem<PhotoCredit>[],
): Pick<PhotoElement, 'caption' | 'credit'> & { tracked: PhotoTracked | null } {
  const live = items.filter((it) => it.del === undefined);
  const tracked: PhotoTracked = {};
  if (pending(runs)) tracked.caption = normalizeRuns(runs);
  if (pending(items)) tracked.credit = [...items];
  return {
    caption: liveText(runs),
    credit: live.at(-1)?.value ?? null,
    tracked: tracked.caption || tracked.credit ? tracked : null,
  };
}

/** The caption typed into `value` (the caret tells where repeated letters went): a suggestion when `track` is given. */
export function editPhotoCaption(photo: Photo, value: string, caret: number | undefined, track: TrackContext | null) {
  const d = diffText(photo.caption, value, caret);
  if (!d) return null;
  return photoFields(editRuns(captionRunsOf(photo), d.start, d.end, d.text, track), creditItemsOf(photo));
}

/** The credit as now parsed (null: none readable): a suggestion when `track` is given. */
export function editPhotoCredit(photo: Photo, credit: PhotoCredit | null, track: TrackContext | null) {
  const items = editItems(creditItemsOf(photo), credit ? [credit] : [], track);
  return photoFields(captionRunsOf(photo), items);
}

/** Every suggestion id on the photo with the kind it shows (struck and inserted under one id: a replacement). */
export function photoSuggestionIds(photo: Photo): Map<string, ChangeKind> {
  const ids = new Map<string, ChangeKind>();
  const see = (id: string | undefined, kind: ChangeKind) => {
    if (id === undefined) return;
    const seen = ids.get(id);
    if (seen === undefined) ids.set(id, kind);
    else if (seen !== kind) ids.set(id, 'replace');
  };
  for (const r of photo.tracked?.caption ?? []) {
    if (r.text === '') continue;
    see(r.ins, 'insert');
    see(r.del, 'delete');
  }
  for (const it of photo.tracked?.credit ?? []) {
    see(it.ins, 'insert');
    see(it.del, 'delete');
  }
  return ids;
}

/** The photo after deciding its suggestions; the same object when no decision touched it. */
export function resolvePhoto(photo: PhotoElement, decide: Decide): PhotoElement {
  if (!photo.tracked) return photo;
  const ids = [...photoSuggestionIds(photo).keys()];
  if (!ids.some((id) => decide(id) !== null)) return photo;
  const { tracked, ...rest } = photoFields(
    resolveRuns(captionRunsOf(photo), decide),
    resolveItems(creditItemsOf(photo), decide),
  );
  const { tracked: _old, ...plain } = photo;
  return tracked ? { ...plain, ...rest, tracked } : { ...plain, ...rest };
}
