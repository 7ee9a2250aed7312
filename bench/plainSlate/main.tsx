// The baseline the editor figures are judged against: Slate with no plugins, no autosave, no counts.
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, type Descendant } from 'slate';
import { Editable, Slate, withReact } from 'slate-react';

const LINE = '株洲市今年以来坚持把重大项目建设作为稳增长的关键抓手，全市重点项目完成投资同比增长。';
const params = new URLSearchParams(location.search);
const paragraphs = Number(params.get('paragraphs') ?? 200);
const chars = Number(params.get('chars') ?? 100);
const value = Array.from({ length: paragraphs }, (_, i) => ({
  type: 'paragraph',
  children: [{ text: `${i + 1}、${LINE.repeat(Math.ceil(chars / LINE.length)).slice(0, chars)}` }],
})) as unknown as Descendant[];

function App() {
  const editor = useMemo(() => withReact(createEditor()), []);
  return (
    <Slate editor={editor} initialValue={value}>
      <Editable
        data-testid="story-body"
        renderElement={({ attributes, children }) => <p {...attributes}>{children}</p>}
      />
    </Slate>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
