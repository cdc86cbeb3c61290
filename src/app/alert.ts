/**
 * The page's message about what went wrong (a data file missing or damaged, features left out, no
 * WebGL): one `role="alert"` element, announced by screen readers as it appears, in a box with a
 * close button (index.html: `.app-status` > `#status` + `.status-close`). Text only, never markup:
 * messages quote file names and feature ids.
 */
export function showAlert(element: HTMLElement, message: string): void {
  element.setAttribute('role', 'alert');
  element.textContent = message;
  element.hidden = !message;
}

/**
 * Lets the reader close the message, so it never stands between them and the map. The box shows
 * whenever the message has text again (CSS: `.app-status:has(> [hidden])` hides it).
 */
export function closeableAlert(element: HTMLElement): void {
  const close = element.parentElement?.querySelector<HTMLButtonElement>('.status-close');
  close?.addEventListener('click', () => {
    element.hidden = true;
  });
}
