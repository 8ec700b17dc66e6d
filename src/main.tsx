import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App';
import { languageReady } from './ui/locale.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// A Japanese studio waits for its texts (a small chunk) so the first screen is not English;
// if they fail to load, it starts in English rather than not at all.
void languageReady
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
