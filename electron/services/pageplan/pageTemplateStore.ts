/** Saved page templates (a plan's pages without stories), one JSON file each in templates/, beside the built-ins. */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { PageSchema, type Page } from '../../../shared/model/issue';
import { emptiedPages, PAGE_TEMPLATES } from '../../../shared/rules/pageplan/pageTemplates';
import { writeFileAtomic } from '../atomicFile';
import { resolveInside } from '../safePath';

export const TemplateNameSchema = z
  .string()
  .regex(/^[\p{L}\p{N}_-]{1,40}$/u, '模板名只能由文字、数字、_ 和 - 组成（最多 40 个）');

const TemplateFileSchema = z.object({ pages: z.array(PageSchema).min(1).max(64) });

export class PageTemplateStore {
  private readonly dir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'templates');
  }

  async names(): Promise<string[]> {
    let saved: string[] = [];
    try {
      saved = (await readdir(this.dir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    return [...new Set([...Object.keys(PAGE_TEMPLATES), ...saved])];
  }

  async pages(name: string): Promise<Page[]> {
    const builtIn = PAGE_TEMPLATES[name];
    if (builtIn) return builtIn();
    if (!TemplateNameSchema.safeParse(name).success) throw new NewsdeskError('validation', `模板名无效：${name}`);
    try {
      const raw = JSON.parse(await readFile(resolveInside(this.dir, `${name}.json`), 'utf8')) as unknown;
      return TemplateFileSchema.parse(raw).pages;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new NewsdeskError('not_found', `没有名为「${name}」的版式模板。`);
      throw new NewsdeskError('corrupt', `版式模板「${name}」无法读取。`);
    }
  }

  async save(name: string, pages: readonly Page[]): Promise<void> {
    if (PAGE_TEMPLATES[name]) throw new NewsdeskError('validation', `「${name}」是内置模板，请换一个名字。`);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = resolveInside(this.dir, `${name}.json`);
    await writeFileAtomic(file, `${JSON.stringify({ pages: emptiedPages(pages) }, null, 2)}\n`);
  }
}
