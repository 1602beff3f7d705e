/**
 * The taskpane's entry: finds out where it runs, then shows the app. In Excel it works on the
 * selected range; standalone (a browser, no Excel) it works on the embedded sample data.
 */
import { startApp } from './app/app.ts';
import { hostStatusText, waitForHost } from './host.ts';

async function main(): Promise<void> {
  const status = document.getElementById('host-status');
  const host = await waitForHost();
  if (status) {
    status.textContent = hostStatusText(host);
    status.dataset.host = host.kind;
  }
  const app = document.getElementById('app');
  if (app) startApp(app, host);
}

main().catch((error: unknown) => {
  const status = document.getElementById('host-status');
  if (status) {
    status.textContent = `The pane could not start: ${error instanceof Error ? error.message : String(error)}`;
    status.className = 'status error';
  }
});
