/**
 * Inserts picked or dropped image files as photo blocks, each filled in once its import
 * finishes. A file the store refuses (not a real image, unreadable, disk full) takes its
 * block back out and comes back, with the file, for the screen to put into words.
 */
import { Editor, Transforms } from 'slate';
import { insertPhotoBlock } from './commands';
import type { IpcError } from '../../shared/ipc/errors';
import { importImage, isImageFile } from './importImage';

export interface RefusedImage {
  file: File;
  error: IpcError;
}

export async function insertPickedImages(editor: Editor, files: File[]): Promise<RefusedImage[]> {
  const errors: RefusedImage[] = [];
  for (const file of files.filter(isImageFile)) {
    // The block goes in first so the picture lands where it was dropped, even if the reporter keeps typing;
    // a PathRef follows it through those edits.
    const ref = Editor.pathRef(editor, insertPhotoBlock(editor, null));
    const result = await importImage(file);
    const at = ref.unref();
    if (!result.ok) {
      errors.push({ file, error: result.error });
      if (at) Transforms.removeNodes(editor, { at });
      continue;
    }
    if (at) Transforms.setNodes(editor, { asset: result.value.asset }, { at });
  }
  return errors;
}
