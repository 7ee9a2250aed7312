/** `newsdesk import-copy FILE...`: imports raw copy with a progress line per file; Ctrl+C stops after the current story. */
import type { Runtime } from '../runtime/openRuntime';

export interface ImportCopyOutput {
  /** New story ids, one per line, for stdout. */
  ids: string[];
  exitCode: number;
}

export async function runImportCopy(
  texts: { name: string; text: string }[],
  runtime: Runtime,
  progress: (line: string) => void,
): Promise<ImportCopyOutput> {
  const batchId = `cli-${process.pid}-${Date.now().toString(36)}`;
  const off = runtime.onEvent((e) => {
    if (e.event === 'import.progress' && e.batchId === batchId) progress(`[${e.done}/${e.total}] ${e.name}`);
  });
  const stop = () => {
    progress('正在停止导入（当前这篇导入完整后停止）… / stopping after the current story…');
    void runtime.dispatch('copy.importCancel', { batchId });
  };
  process.once('SIGINT', stop);
  try {
    const result = await runtime.client.call('copy.importMany', { batchId, files: texts });
    if (!result.ok) {
      progress(`newsdesk: ${result.error.code}: ${result.error.message}`);
      return { ids: [], exitCode: 1 };
    }
    const { ids, cancelled, failed, cleaned = [] } = result.value;
    for (const c of cleaned)
      progress(
        `newsdesk: ${c.name}: 已删除 ${c.removed} 个控制字符 / ${c.removed} control characters removed (${c.codePoints.join(' ')})`,
      );
    for (const f of failed) progress(`newsdesk: ${f.name}: ${f.message}`);
    if (cancelled)
      progress(
        `已取消：导入了 ${ids.length} / ${texts.length} 篇 / cancelled: ${ids.length} of ${texts.length} imported`,
      );
    return { ids, exitCode: cancelled ? 130 : failed.length > 0 ? 1 : 0 };
  } finally {
    process.off('SIGINT', stop);
    off();
  }
}
