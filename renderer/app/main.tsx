/** Renderer entry: mounts the app. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './fonts';
import './styles.css';
import '../editor/editor.css';

createRoot(document.getElementById('root')!).render(<App />);
