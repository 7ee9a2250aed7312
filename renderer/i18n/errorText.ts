/**
 * A contract error in the reader's language, made from its code (never from main's message text),
 * with the detail that helps: which field a validation error is about, which revision won a conflict.
 */
import type { IpcError } from '../../shared/ipc/errors';
import { ARTICLE_FIELD_LABELS, BODY_LABEL } from '../../shared/model/articleFields';
import type { MessageKey } from './zh-CN';
import type { Translate } from './i18n';

type ErrorDetail = Pick<IpcError, 'code'> & Partial<Pick<IpcError, 'path' | 'currentRevision'>>;

/** Payload paths the reader knows by a name: content.headline is 主题. */
const FIELD_WORDS: Record<string, MessageKey> = { ...ARTICLE_FIELD_LABELS, body: BODY_LABEL };

function fieldWords(t: Translate, path: string): string {
  const field = path.split('.').find((part) => part in FIELD_WORDS);
  return field ? t(FIELD_WORDS[field]!) : path;
}

export function errorText(t: Translate, error: ErrorDetail): string {
  const words = t(`error.${error.code}`);
  if (error.code === 'validation' && error.path) return t('error.inField', { words, field: fieldWords(t, error.path) });
  if (error.code === 'conflict' && error.currentRevision)
    return t('error.atRevision', { words, n: error.currentRevision });
  return words;
}

/** The store's limits on a photo file, so its refusal can name the reason in the reader's words. */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** Why a picked or dropped image was refused: empty, too large or not an image, else the code's words. */
export function imageErrorText(t: Translate, file: { name: string; size: number }, error: ErrorDetail): string {
  if (error.code !== 'validation') return errorText(t, error);
  const why: MessageKey =
    file.size === 0 ? 'photo.emptyFile' : file.size > MAX_IMAGE_BYTES ? 'photo.tooLarge' : 'photo.notAnImage';
  return t(why, { name: file.name });
}
