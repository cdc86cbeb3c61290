/**
 * On narrow screens the panel is a bottom sheet: a handle button toggles it between a peek (the
 * handle and a line of text) and open. CSS decides when the panel is a sheet (see style.css).
 */
export class Sheet {
  constructor(
    private readonly panel: HTMLElement,
    private readonly handle: HTMLButtonElement,
  ) {
    handle.addEventListener('click', () => this.set(!this.isOpen()));
    this.set(false);
  }

  isOpen(): boolean {
    return this.panel.dataset.sheet === 'open';
  }

  set(open: boolean): void {
    this.panel.dataset.sheet = open ? 'open' : 'peek';
    this.handle.setAttribute('aria-expanded', String(open));
  }

  /** Whether the panel is currently drawn as a sheet (narrow screen). */
  isSheet(): boolean {
    return getComputedStyle(this.handle).display !== 'none';
  }
}
