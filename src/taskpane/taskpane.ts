/**
 * The taskpane's entry: finds out where it runs, then shows the app. In Excel it works on the
 * selected range; standalone (a browser, no Excel) it works on the embedded sample data. Office
 * is loaded only where it hosts the pane, and a failure to start it is said (office-loader.ts).
 */
import { startApp } from './app/app.ts';
import { hostStatusText } from './host.ts';
import { startOffice } from './office-loader.ts';

async function main(): Promise<void> {
  const status = document.getElementById('host-status');
  const { host, problem } = await startOffice();
  if (status) {
    status.textContent = problem ?? hostStatusText(host);
    status.dataset.host = host.kind;
    if (problem) status.className = 'status error';
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
