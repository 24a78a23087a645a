import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbeddedWidget } from './Widget';
import { reportHeight } from './resize';
import './embed-page.css';

const params = new URLSearchParams(window.location.search);
// The instance id only labels height messages for the host script; it is not part of the schema.
const instanceId = (params.get('id') ?? '').slice(0, 64);
const entries = [...params.entries()].filter(([key]) => key !== 'id');

const container = document.getElementById('root');
if (container !== null) {
  createRoot(container).render(
    <StrictMode>
      <EmbeddedWidget entries={entries} source="link" />
    </StrictMode>,
  );
  reportHeight(window, document.body, instanceId);
}
