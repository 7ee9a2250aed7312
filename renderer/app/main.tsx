/** Renderer entry: mounts the app once the transport can show photos. */
import { createRoot } from 'react-dom/client';
import { transport } from '../api/transport';
import { App } from './App';
import './fonts';
import './styles.css';
import '../editor/editor.css';

void transport.ready.then(() => createRoot(document.getElementById('root')!).render(<App />));
