/** Saved page templates (a plan's pages without stories), one JSON file each in templates/, beside the built-ins. */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { PageSchema, type Page } from '../../../shared/model/issue';
import { emptiedPages, PAGE_TEMPLATES } from '../../../shared/rules/pageplan/pageTemplates';
import { PageLayoutSchema, type PageLayout } from '../../../shared/rules/pageplan/pageLayouts';
import { writeFileAtomic } from '../atomicFile';
import { resolveInside } from '../safePath';

export const TemplateNameSchema = z
  .string()
  .regex(/^[\p{L}\p{N}_-]{1,40}$/u, '模板名只能由文字、数字、_ 和 - 组成（最多 40 个）');

const TemplateFileSchema = z.object({ pages: z.array(PageSchema).min(1).max(64) });

export class PageTemplateStore {
  private readonly dir: string;
  /** One-page layouts (版式模板), apart from whole-issue templates so neither list shows the other's. */
  private readonly pageDir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'templates');
    this.pageDir = join(this.dir, 'pages');
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

  /** The saved one-page layouts, by name. */
  async pageLayouts(): Promise<{ name: string; layout: PageLayout }[]> {
    let files: string[] = [];
    try {
      files = (await readdir(this.pageDir)).filter((n) => n.endsWith('.json')).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const out: { name: string; layout: PageLayout }[] = [];
    for (const file of files) {
      const name = file.slice(0, -5);
      // A file that no longer reads is left out of the list rather than hiding every other layout.
      const layout = await this.pageLayout(name).catch(() => null);
      if (layout) out.push({ name, layout });
    }
    return out;
  }

  async pageLayout(name: string): Promise<PageLayout> {
    if (!TemplateNameSchema.safeParse(name).success) throw new NewsdeskError('validation', `模板名无效：${name}`);
    try {
      const raw = JSON.parse(await readFile(resolveInside(this.pageDir, `${name}.json`), 'utf8')) as unknown;
      return PageLayoutSchema.parse(raw);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new NewsdeskError('not_found', `没有名为「${name}」的版式模板。`);
      throw new NewsdeskError('corrupt', `版式模板「${name}」无法读取。`);
    }
  }

  /** Saves (or replaces) a one-page layout; the layout is checked again so no story id is ever written. */
  async savePageLayout(name: string, layout: PageLayout): Promise<void> {
    if (!TemplateNameSchema.safeParse(name).success) throw new NewsdeskError('validation', `模板名无效：${name}`);
    const checked = PageLayoutSchema.parse(layout);
    await mkdir(this.pageDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(resolveInside(this.pageDir, `${name}.json`), `${JSON.stringify(checked, null, 2)}\n`);
  }
}
