/**
 * A photo's caption and credit edited in the block's own inputs: in 留痕 each edit is a suggestion on the
 * photo block (shared/rules/suggestions/photoSuggestions.ts), one Slate operation, so undo takes it back.
 */
import { Transforms, type Editor, type Path } from 'slate';
import type { PhotoElement } from '../../../shared/model/document';
import type { PhotoCredit } from '../../../shared/model/people';
import { editPhotoCaption, editPhotoCredit } from '../../../shared/rules/suggestions/photoSuggestions';
import { trackContext } from './fieldStore';

type Patch = ReturnType<typeof editPhotoCredit>;

function setPhoto(editor: Editor, at: Path, patch: Patch): void {
  // A null `tracked` removes the key (Slate drops null properties): nothing pending any more.
  Transforms.setNodes<PhotoElement>(editor, patch as Partial<PhotoElement>, { at });
}

/** The caption input's new value; the caret tells where repeated characters were typed. */
export function editCaptionAt(editor: Editor, at: Path, photo: PhotoElement, value: string, caret?: number): void {
  const patch = editPhotoCaption(photo, value, caret, trackContext(editor));
  if (patch) setPhoto(editor, at, patch);
}

/** The credit as the input now parses (null: nothing readable). */
export function editCreditAt(editor: Editor, at: Path, photo: PhotoElement, credit: PhotoCredit | null): void {
  if (JSON.stringify(credit) === JSON.stringify(photo.credit)) return;
  setPhoto(editor, at, editPhotoCredit(photo, credit, trackContext(editor)));
}
