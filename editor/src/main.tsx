import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, prefetchFirstRoute } from './views/app.tsx';
import './styles.css';

prefetchFirstRoute();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
