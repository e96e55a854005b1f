// Entry point. Styles are plain CSS files; the CSP allows no inline script, so nothing is injected.
// Only the first screens' sheets here: the other screens' come with them (styles/screens.css).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { switchLanguage } from './i18n';
import { openStores, readFirstScreen, startClient, storedLanguage } from './data';
import { App } from './app/App';
import { reportWriteError } from './ui/write-errors';
import './styles/base.css';
import './styles/layout.css';
import './styles/status-bar.css';
import './styles/page.css';
import './styles/buttons.css';
import './styles/fields.css';
import './styles/components.css';
import './styles/ward.css';
import './styles/ward-board.css';
import './styles/downtime.css';
import './styles/chrome.css';
import './styles/print.css';
import './styles/sessions.css';

/** Past this, the first screen is drawn without its data (each screen then reads its own). */
const FIRST_SCREEN_WAIT_MS = 1_500;

// The language chosen on this tablet, before the first paint (English is loaded first if chosen).
const language = storedLanguage();
document.documentElement.lang = language;
const languageReady = switchLanguage(language).catch((err: unknown) => console.error('language', err));

// A full disk can surface outside a form too (a background write, the sync loop): the global
// banner must still appear.
window.addEventListener('unhandledrejection', (event) => {
  reportWriteError(event.reason);
});

startClient().catch((err: unknown) => {
  console.error('client start failed', err);
  reportWriteError(err);
});

// The screen the tablet opens on is read while the language loads, and drawn once with its data
// (data/first-screen.ts). A storage that does not answer in time gets the loading screens instead.
const firstScreen = Promise.race([
  readFirstScreen(openStores(), window.location.pathname, language),
  new Promise((resolve) => window.setTimeout(resolve, FIRST_SCREEN_WAIT_MS)),
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void Promise.all([languageReady, firstScreen]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
