/** Control characters left in stories stored before the contract refused them, removed once for every format. */
import type { TextWarning } from '../../../shared/export/manifest';
import { stripUnsafeInValue } from '../../../shared/rules/unsafeText';
import type { PackageJob } from './packageJob';

/**
 * Stories stored before control characters were refused may still hold some. They are removed once, here,
 * so every format (NITF, ICML, DOCX, GB18030 text, JSON, the PDF proof) leaves out the same characters, and
 * the manifest names each story that held them.
 */
export function withoutControlCharacters(job: PackageJob): { job: PackageJob; warnings: TextWarning[] } {
  const warnings: TextWarning[] = [];
  const stories = job.stories.map((story) => {
    // The whole story: its photos' captions and credits were copied out of the article.
    const clean = stripUnsafeInValue(story);
    if (!clean.removed) return story;
    warnings.push({
      articleId: story.article.id,
      message: `《${clean.value.article.headline}》含 ${clean.removed} 个不可见的控制字符（${clean.codePoints.join(' ')}），各格式中均已删除`,
      headline: clean.value.article.headline,
      detail: { code: 'control_characters', count: clean.removed, codePoints: [...clean.codePoints] },
    });
    return clean.value;
  });
  return warnings.length ? { job: { ...job, stories }, warnings } : { job, warnings };
}
