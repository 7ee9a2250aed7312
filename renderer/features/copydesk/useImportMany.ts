/** Imports many picked copy files in one batch, following main's progress events; cancel stops after the current story. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { api, transport } from '../../api/transport';
import { readCopyFile } from './readCopyFile';

export interface ImportManyState {
  phase: 'reading' | 'importing' | 'done' | 'failed';
  done: number;
  total: number;
  current: string;
  result: ResponseOf<'copy.importMany'> | null;
  error: string | null;
  cancelling: boolean;
}

export function useImportMany(files: File[]) {
  const batchId = useRef(`desk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`).current;
  const [state, setState] = useState<ImportManyState>({
    phase: 'reading',
    done: 0,
    total: files.length,
    current: '',
    result: null,
    error: null,
    cancelling: false,
  });

  useEffect(() => {
    let live = true;
    const off = transport.onEvent((e) => {
      if (e.event === 'import.progress' && e.batchId === batchId && live)
        setState((s) => ({ ...s, done: e.done, total: e.total, current: e.name }));
    });
    void (async () => {
      const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await readCopyFile(f) })));
      if (!live) return;
      setState((s) => ({ ...s, phase: 'importing' }));
      const r = await api.call('copy.importMany', { batchId, files: texts });
      if (!live) return;
      setState((s) =>
        r.ok ? { ...s, phase: 'done', result: r.value } : { ...s, phase: 'failed', error: r.error.message },
      );
    })().catch((e: unknown) => {
      if (live) setState((s) => ({ ...s, phase: 'failed', error: String(e) }));
    });
    return () => {
      live = false;
      off();
    };
  }, [batchId, files]);

  const cancel = useCallback(() => {
    setState((s) => ({ ...s, cancelling: true }));
    void api.call('copy.importCancel', { batchId });
  }, [batchId]);

  return { state, cancel };
}
