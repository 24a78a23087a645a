import { hydrateRoot } from 'react-dom/client';
import { ServerRenderedWidget } from './ssr-widget';

// The client script of test/browser/ssr.test.ts's page: hydrates the server's markup and reports every recoverable
// error (a hydration mismatch is one) as a console error, which the test collects.
const container = document.getElementById('ssr-root');
if (container !== null) {
  hydrateRoot(container, <ServerRenderedWidget />, {
    onRecoverableError: (error) => console.error(`recoverable error: ${error instanceof Error ? error.message : String(error)}`),
  });
}
