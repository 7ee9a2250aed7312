// The rooms' import rule in eslint.config.js rejects an arrow that points up, so `npm run lint` keeps the house's shape.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const RULE = 'import-x/no-restricted-paths';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** Lints `code` as if it were the file at `filePath`, returning the messages the rooms rule gave. */
async function roomErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('the rooms rule', () => {
  it('refuses a feature importing another feature', async () => {
    const errors = await roomErrors(
      'renderer/features/story/Planted.tsx',
      "import { LintPanel } from '../copydesk/LintPanel';\nexport const planted = LintPanel;\n",
    );
    expect(errors).toEqual([expect.stringContaining('never imports another feature')]);
  });

  it('refuses a feature importing the app shell', async () => {
    const errors = await roomErrors(
      'renderer/features/desk/planted.ts',
      "import { storyPanels } from '../../app/storyPanels';\nexport const planted = storyPanels;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('refuses common/ importing a feature', async () => {
    const errors = await roomErrors(
      'renderer/common/planted.ts',
      "import { DeskScreen } from '../features/desk/DeskScreen';\nexport const planted = DeskScreen;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('refuses a service importing a use-case, the handlers or the runtime', async () => {
    const errors = await roomErrors(
      'electron/services/store/planted.ts',
      [
        "import { transitionArticle } from '../../usecases/transition';",
        "import { createDispatch } from '../../ipc/registry';",
        "import { openRuntime } from '../../runtime/openRuntime';",
        'export const planted = [transitionArticle, createDispatch, openRuntime];',
        '',
      ].join('\n'),
    );
    expect(errors).toHaveLength(3);
  });

  it('lets a feature import common/, the editor and shared/, and a service import another service', async () => {
    expect(
      await roomErrors(
        'renderer/features/story/Planted.tsx',
        [
          "import { useSettings } from '../../common/settingsContext';",
          "import { createStoryEditor } from '../../editor/createEditor';",
          "import { contentOf } from '../../../shared/model/article';",
          'export const planted = [useSettings, createStoryEditor, contentOf];',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
    expect(
      await roomErrors(
        'electron/services/sync/planted.ts',
        "import { ArticleStore } from '../store/articleStore';\nexport const planted = ArticleStore;\n",
      ),
    ).toEqual([]);
  });
});
