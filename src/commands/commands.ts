/**
 * Ribbon commands. The "Customer Value Kit" button opens the pane declaratively (ShowTaskpane in
 * manifest.xml); this action lets other surfaces (a context menu, a keyboard shortcut) do the same
 * through the shared runtime.
 */
async function openPane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed();
  }
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady(() => {
    Office.actions?.associate?.('openPane', openPane);
  });
}

export { openPane };
