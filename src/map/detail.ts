/**
 * detail: a feature's details in a panel of the page rather than a popup (a phone's bottom sheet, an
 * embed too narrow for a popup), with a button that closes them. Shared by the full map and the embed.
 */

/** Shows `content` in `panel` under a "Close details" button, or empties and hides the panel (null). */
export function showDetailIn(panel: HTMLElement, content: HTMLElement | null, onClose: () => void): void {
  if (!content) {
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'detail-close';
  close.textContent = 'Close details';
  close.addEventListener('click', onClose);
  panel.replaceChildren(close, content);
  panel.hidden = false;
}
