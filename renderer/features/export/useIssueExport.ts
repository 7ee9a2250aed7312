/** One export of the day's issue from the flatplan: the call, its progress events, the refusal or the result. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportProgressEvent, ExportResult } from '../../../shared/export/exportRequest';
import type { IpcError } from '../../../shared/ipc/errors';
import { api, transport } from '../../api/transport';

export type ExportState =
  | { stage: 'idle' }
  | { stage: 'running'; progress: ExportProgressEvent | null }
  | { stage: 'refused'; problems: Extract<ExportResult, { status: 'refused' }>['problems'] }
  | { stage: 'done'; result: Extract<ExportResult, { status: 'exported' }> }
  | { stage: 'failed'; error: IpcError };

export function useIssueExport(date: string | null) {
  const [state, setState] = useState<ExportState>({ stage: 'idle' });
  const jobRef = useRef<string | null>(null);
  // Retry repeats the last request as it was (a forced DRAFT stays forced).
  const [lastForce, setLastForce] = useState(false);

  useEffect(
    () =>
      transport.onEvent((e) => {
        if (e.event !== 'export.progress' || e.jobId !== jobRef.current) return;
        setState((s) => (s.stage === 'running' ? { stage: 'running', progress: e } : s));
      }),
    [],
  );

  useEffect(() => setState({ stage: 'idle' }), [date]);

  /** `docxTrackedChanges`: a DOCX-only package with pending suggestions as Word tracked changes. */
  const start = useCallback(
    async (force: boolean, docxTrackedChanges = false) => {
      if (!date) return;
      const jobId = `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      jobRef.current = jobId;
      setLastForce(force);
      setState({ stage: 'running', progress: null });
      const r = await api.call(
        'export.issue',
        docxTrackedChanges ? { date, force, jobId, formats: ['docx'], docxTrackedChanges } : { date, force, jobId },
      );
      if (jobRef.current !== jobId) return;
      if (!r.ok) setState({ stage: 'failed', error: r.error });
      else if (r.value.status === 'refused') setState({ stage: 'refused', problems: r.value.problems });
      else setState({ stage: 'done', result: r.value });
    },
    [date],
  );

  return { state, start, lastForce, reset: () => setState({ stage: 'idle' }) };
}
