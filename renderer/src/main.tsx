import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { startBridge } from './bridge.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

if (window.pushDoctor) {
  startBridge(window.pushDoctor);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} else {
  root.textContent = 'Push Doctor must be opened from its desktop app: the page has no bridge to the phone services.';
}
