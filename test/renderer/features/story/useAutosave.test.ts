// @vitest-environment happy-dom
// The story's autosave as it runs in the window, without a browser: React renders it in happy-dom (a DOM
// implementation, standing in for Chromium's window events, timers and localStorage), and the API context
// holds the real in-process client over a temporary store, so every save goes through the contract.
import { createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentOf, type Article, type ArticleContent } from '../../../../shared/model/article';
import { ApiContext } from '../../../../renderer/api/apiContext';
import { readJournal } from '../../../../renderer/features/story/recoveryJournal';
import { useAutosave, type Autosave } from '../../../../renderer/features/story/useAutosave';
import { openTempStore, type TempStore } from '../../../electron/services/tempStore';

let store: TempStore;
let root: Root;
let host: HTMLElement;
let autosave: Autosave;
let content: ArticleContent;

function Probe({ article }: { article: Article }): ReactNode {
  autosave = useAutosave({ article, getContent: () => content });
  return null;
}

async function openStory(): Promise<Article> {
  const created = await store.client.call('articles.create', { kind: 'story', content: { headline: '原标题' } });
  if (!created.ok) throw new Error(created.error.message);
  content = contentOf(created.value);
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  flushSync(() =>
    root.render(
      createElement(ApiContext.Provider, { value: store.client }, createElement(Probe, { article: created.value })),
    ),
  );
  return created.value;
}

beforeEach(async () => {
  store = await openTempStore();
  localStorage.clear();
});
afterEach(async () => {
  root.unmount();
  host.remove();
  // Unmounting flushes what is left; let that save land before the store closes.
  await vi.waitFor(() => expect(autosave.state === 'saving').toBe(false));
  await store.cleanup();
});

describe('the story autosave', () => {
  it('saves a second after the last edit, journals meanwhile, and clears the journal once stored', async () => {
    const article = await openStory();
    content = { ...content, headline: '新标题' };
    autosave.changed();
    await vi.waitFor(() => expect(autosave.state).toBe('dirty'));
    await vi.waitFor(() => expect(readJournal(article.id)?.content.headline).toBe('新标题'), { timeout: 2000 });
    await new Promise((r) => setTimeout(r, 500));
    const early = await store.client.call('articles.get', { id: article.id });
    expect(early.ok && early.value.revision, 'not saved before the second is up').toBe(1);
    await vi.waitFor(() => expect(autosave.state).toBe('saved'), { timeout: 5000 });
    const stored = await store.client.call('articles.get', { id: article.id });
    expect(stored.ok && stored.value).toMatchObject({ revision: 2, headline: '新标题' });
    expect(autosave.revision()).toBe(2);
    expect(readJournal(article.id)).toBeNull();
  });

  it('saves at once when the window loses focus', async () => {
    const article = await openStory();
    content = { ...content, headline: '离开窗口前' };
    autosave.changed();
    await vi.waitFor(() => expect(autosave.state).toBe('dirty'));
    window.dispatchEvent(new Event('blur'));
    await vi.waitFor(() => expect(autosave.state).toBe('saved'), { timeout: 900 });
    const stored = await store.client.call('articles.get', { id: article.id });
    expect(stored.ok && stored.value.headline).toBe('离开窗口前');
  });

  it('the window going away after a save marks that save as the end of the sitting', async () => {
    const article = await openStory();
    content = { ...content, headline: '坐下来写' };
    autosave.changed();
    await autosave.flush();
    expect(autosave.revision()).toBe(2);
    // Nothing is left to save, so the mark is sent inside the event: a closing window does not wait for answers.
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(async () => {
      const list = await store.client.call('revisions.list', { id: article.id });
      expect(list.ok && list.value.map((m) => [m.revision, m.endsSitting ?? false])).toEqual([
        [2, true],
        [1, false],
      ]);
    });
  });

  it('closing the story screen saves what is left, then ends the sitting at that save; a look without writing marks nothing', async () => {
    const looked = await openStory();
    root.unmount();
    const article = await openStory();
    content = { ...content, headline: '离开前最后一句' };
    autosave.changed();
    root.unmount();
    await vi.waitFor(async () => {
      const list = await store.client.call('revisions.list', { id: article.id });
      expect(list.ok && list.value.map((m) => [m.revision, m.endsSitting ?? false])).toEqual([
        [2, true],
        [1, false],
      ]);
    });
    const stored = await store.client.call('articles.get', { id: article.id });
    expect(stored.ok && stored.value.headline).toBe('离开前最后一句');
    const untouched = await store.client.call('revisions.list', { id: looked.id });
    expect(untouched.ok && untouched.value.map((m) => m.endsSitting ?? false)).toEqual([false]);
  });

  it('a save on a stale revision is refused as a conflict carrying the newer version, and the text stays journalled', async () => {
    const article = await openStory();
    const theirs = await store.client.call('articles.save', {
      id: article.id,
      baseRevision: 1,
      content: { ...contentOf(article), headline: '别人的标题' },
    });
    expect(theirs.ok).toBe(true);
    content = { ...content, headline: '我的标题' };
    autosave.changed();
    expect(await autosave.flush()).toBe(false);
    await vi.waitFor(() => expect(autosave.state).toBe('conflict'));
    expect(autosave.conflict).toMatchObject({ revision: 2, headline: '别人的标题' });
    expect(readJournal(article.id)?.content.headline).toBe('我的标题');

    // Keep mine: our text goes on top of theirs as revision 3.
    expect(await autosave.keepMine()).toBe(true);
    const stored = await store.client.call('articles.get', { id: article.id });
    expect(stored.ok && stored.value).toMatchObject({ revision: 3, headline: '我的标题' });
  });
});
