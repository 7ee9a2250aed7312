/** Parses pasted copy through copy.parse a moment after the text stops changing, for the import preview. */
import { useEffect, useState } from 'react';
import type { CopyPreview } from '../../../shared/model/parsedCopy';
import type { IpcError } from '../../../shared/ipc/errors';
import { api } from '../../api/transport';

/** Long enough that pasting or typing a line costs one parse, short enough to feel live. */
const PARSE_DELAY_MS = 250;

export function useParsedCopy(text: string): { parsed: CopyPreview | null; error: IpcError | null } {
  const [parsed, setParsed] = useState<CopyPreview | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    if (!text.trim()) {
      setParsed(null);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api.call('copy.parse', { text }).then((r) => {
        // A slower answer for older text must not overwrite the preview of newer text.
        if (!live) return;
        if (r.ok) {
          setParsed(r.value);
          setError(null);
        } else setError(r.error);
      });
    }, PARSE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return { parsed, error };
}
