/**
 * detail: a feature's details in a panel of the page rather than a popup (a phone's bottom sheet, an
 * embed too narrow for a popup), with a button that closes them. Shared by the full map and the embed.
 */

/**
 * Shows `content` in `panel` under a "Close details" button, or empties and hides the panel (null).
 * Escape inside it closes it, as it closes a popup.
 */
export function showDetailIn(panel: HTMLElement, content: HTMLElement | null, onClose: () => void): void {
  if (!content) {
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  const close = panel.ownerDocument.createElement('button');
  close.type = 'button';
  close.className = 'detail-close';
  close.textContent = 'Close details';
  close.addEventListener('click', onClose);
  // On the elements shown this time (not the panel, which outlives them): one listener per showing.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onClose();
  };
  close.addEventListener('keydown', onKey);
  content.addEventListener('keydown', onKey);
  panel.replaceChildren(close, content);
  panel.hidden = false;
}
