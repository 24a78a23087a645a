import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbeddedWidget } from './Widget';
import { reportHeightOnce } from './resize';
import './embed-page.css';

const params = new URLSearchParams(window.location.search);
// The instance id only labels height messages for the host script; it is not part of the schema.
const instanceId = (params.get('id') ?? '').slice(0, 64);
const entries = [...params.entries()].filter(([key]) => key !== 'id');

// Heights go to the host only from the first render on (the widget reports its first analysis after committing it).
const startReporting = reportHeightOnce(window, document.body, instanceId);

const container = document.getElementById('root');
if (container !== null) {
  createRoot(container).render(
    <StrictMode>
      <EmbeddedWidget entries={entries} source="link" onChange={startReporting} />
    </StrictMode>,
  );
}
