/**
 * Share: a button that opens a dialog with a link to the current view and the code to embed that
 * view in an article (pym.js, plain iframe + resize script, or AMP), with a preview of the embed's
 * size at a column width. A native modal <dialog>: focus moves in and stays in while it is open,
 * Escape closes it, and focus goes back to the button. Built with textContent only.
 */
import { EMBED_WIDTH, estimatedHeight, mapHeight } from '../share/size';
import { appUrl, embedUrl, storyOf, TITLE_MAX } from '../share/params';
import { ampSnippet, iframeSnippet, pymSnippet, type SnippetOptions } from '../share/snippets';
import { parseHash, type AppState } from '../map/url-state';

export type SnippetKind = 'pym' | 'iframe' | 'amp';

export interface ShareOptions {
  /** The view to share; default: the state the app keeps in the URL's hash. */
  state?: () => AppState;
  /** The site's URL (the directory of index.html and embed.html); default: the page's base URL. */
  site?: string;
  /** The story shown (`?map=<id>`), kept in the link and the embed; default: the page's own. */
  story?: () => string | null;
  /** The story's title, for the embed frame's accessible title; default: the page's heading on a story page. */
  storyTitle?: () => string | null;
}

/** Column widths (px) the size preview offers, with their names. */
export const PREVIEW_WIDTHS: ReadonlyArray<[number, string]> = [
  [320, 'phone'],
  [600, 'article column'],
  [1000, 'wide layout'],
];

const KINDS: ReadonlyArray<[SnippetKind, string, string]> = [
  ['pym', 'pym.js', 'for sites that use pym.js (NPR): the frame sizes itself'],
  ['iframe', 'iframe and script', 'a plain iframe; the small script sizes it'],
  ['amp', 'AMP', 'for AMP pages: a resizable amp-iframe'],
];

const SNIPPETS: Record<SnippetKind, (o: SnippetOptions) => string> = {
  pym: pymSnippet,
  iframe: iframeSnippet,
  amp: ampSnippet,
};

/** px the preview drawing may take. */
const PREVIEW_BOX = { width: 220, height: 200 };

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text != null) node.textContent = text;
  return node;
}

/** Copies text; where the Clipboard API is refused, selects the field for the reader to copy. */
async function copy(text: string, field: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    field.select();
    return document.execCommand?.('copy') ?? false;
  }
}

export class ShareControl {
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  private readonly state: () => AppState;
  private readonly story: () => string | null;
  private readonly site: string;
  private readonly link: HTMLInputElement;
  private readonly code: HTMLTextAreaElement;
  private readonly title: HTMLInputElement;
  private readonly storyTitle: () => string | null;
  /** Whether the embed keeps the map's position; unticked, it frames what it shows for the column it is in. */
  private readonly keepView: HTMLInputElement;
  /** The story the choice was last set for: a story embed starts unticked, the whole atlas ticked. */
  private keepViewFor: string | null | undefined = undefined;
  private readonly width: HTMLSelectElement;
  private readonly size: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly mapPart: HTMLElement;
  private readonly status: HTMLElement;
  private kind: SnippetKind = 'pym';

  constructor(options: ShareOptions = {}) {
    this.state = options.state ?? (() => parseHash(location.hash));
    this.story = options.story ?? (() => storyOf(location.search));
    this.site = options.site ?? new URL(import.meta.env.BASE_URL, location.href).href;
    this.storyTitle =
      options.storyTitle ??
      (() => (this.story() ? document.querySelector('.masthead h1')?.textContent?.trim() || null : null));

    this.button = el('button', { type: 'button', class: 'share-button', 'aria-haspopup': 'dialog' }, 'Share');
    this.button.addEventListener('click', () => this.open());

    this.dialog = el('dialog', { class: 'share-dialog', 'aria-labelledby': 'share-heading' });
    const close = el('button', { type: 'button', class: 'share-close' }, 'Close');
    close.addEventListener('click', () => this.close());
    const heading = el('h2', { id: 'share-heading' }, 'Share this view');

    // The link.
    this.link = el('input', { id: 'share-link', type: 'text', readonly: '', spellcheck: 'false' });
    const copyLink = el(
      'button',
      { type: 'button', class: 'share-copy', 'data-copy': 'link', autofocus: '' },
      'Copy link',
    );
    copyLink.addEventListener('click', () => this.copy(this.link, 'Link copied.'));
    const linkRow = el('div', { class: 'share-row' });
    linkRow.append(this.link, copyLink);
    const linkSection = el('section', { class: 'share-section', 'aria-labelledby': 'share-link-heading' });
    linkSection.append(
      el('h3', { id: 'share-link-heading' }, 'Link'),
      el('label', { for: 'share-link' }, 'Link to this view: map position, layers and the open feature'),
      linkRow,
    );

    // The embed code.
    const kinds = el('fieldset', { class: 'share-kinds' });
    kinds.append(el('legend', {}, 'Code for'));
    for (const [kind, label, hint] of KINDS) {
      const radio = el('input', { type: 'radio', name: 'share-kind', value: kind, id: `share-kind-${kind}` });
      radio.checked = kind === this.kind;
      radio.addEventListener('change', () => {
        this.kind = kind;
        this.update();
      });
      const lab = el('label', { for: `share-kind-${kind}` });
      lab.append(el('span', { class: 'share-kind-name' }, label), el('span', { class: 'hint' }, ` — ${hint}`));
      const row = el('div', { class: 'share-kind' });
      row.append(radio, lab);
      kinds.append(row);
    }
    this.title = el('input', {
      id: 'share-title',
      type: 'text',
      maxlength: String(TITLE_MAX),
      placeholder: 'none',
      autocomplete: 'off',
    });
    this.title.addEventListener('input', () => this.update());
    this.keepView = el('input', { id: 'share-keep-view', type: 'checkbox' });
    this.keepView.addEventListener('change', () => this.update());
    const keepView = el('div', { class: 'share-field share-check' });
    keepView.append(
      this.keepView,
      el(
        'label',
        { for: 'share-keep-view' },
        'Keep this map position (unticked, the map frames what it shows for the width of the column it is in)',
      ),
    );
    this.width = el('select', { id: 'share-width' });
    for (const [w, name] of PREVIEW_WIDTHS) this.width.append(el('option', { value: String(w) }, `${w} px (${name})`));
    this.width.value = '600';
    this.width.addEventListener('change', () => this.update());
    this.code = el('textarea', { id: 'share-code', readonly: '', rows: '5', spellcheck: 'false' });
    const copyCode = el('button', { type: 'button', class: 'share-copy', 'data-copy': 'code' }, 'Copy embed code');
    copyCode.addEventListener('click', () => this.copy(this.code, 'Embed code copied.'));

    this.frame = el('div', { class: 'share-frame' });
    this.mapPart = el('div', { class: 'share-frame-map' });
    this.frame.append(this.mapPart);
    const drawing = el('div', { class: 'share-preview', 'aria-hidden': 'true' });
    drawing.append(this.frame);
    this.size = el('p', { id: 'share-size', class: 'share-size' });
    const preview = el('div', { class: 'share-preview-row' });
    preview.append(drawing, this.size);

    const field = (label: string, control: HTMLElement) => {
      const wrap = el('div', { class: 'share-field' });
      wrap.append(el('label', { for: control.id }, label), control);
      return wrap;
    };
    const embedSection = el('section', { class: 'share-section', 'aria-labelledby': 'share-embed-heading' });
    embedSection.append(
      el('h3', { id: 'share-embed-heading' }, 'Embed in an article'),
      kinds,
      field('Title above the map (optional)', this.title),
      keepView,
      field('Preview at a column width of', this.width),
      preview,
      field('Embed code', this.code),
      copyCode,
    );

    this.status = el('p', { class: 'share-status', role: 'status' });
    const top = el('div', { class: 'share-top' });
    top.append(heading, close);
    this.dialog.append(top, linkSection, embedSection, this.status);
    this.dialog.addEventListener('close', () => this.button.focus());
    // A click on the backdrop (outside the dialog's box) closes it, as Escape does.
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) {
        const r = this.dialog.getBoundingClientRect();
        if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) this.close();
      }
    });
  }

  open(): void {
    this.status.textContent = '';
    const story = this.story();
    if (story !== this.keepViewFor) {
      this.keepViewFor = story;
      this.keepView.checked = !story;
    }
    this.update();
    if (!this.dialog.isConnected) document.body.append(this.dialog);
    this.dialog.showModal();
  }

  close(): void {
    this.dialog.close();
  }

  /** The snippet for the current view, kind and title. */
  snippet(kind: SnippetKind = this.kind): string {
    const width = Number(this.width.value);
    const title = this.title.value.trim() || null;
    const story = this.story();
    const state = this.state();
    const src = embedUrl(this.site, this.keepView.checked ? state : { ...state, view: null }, title, story);
    const named = title ?? this.storyTitle();
    // A story's embed shows its own title (and dek) above the map.
    return SNIPPETS[kind]({
      src,
      site: this.site,
      title: named ? `Map: ${named}` : 'Map of events and weapon ranges',
      height: estimatedHeight(width, !!title || !!story),
      width,
    });
  }

  private update(): void {
    const state = this.state();
    this.link.value = appUrl(this.site, state, this.story());
    this.code.value = this.snippet();
    const width = Math.max(EMBED_WIDTH.min, Number(this.width.value));
    const height = estimatedHeight(width, !!this.title.value.trim() || !!this.story());
    const scale = Math.min(PREVIEW_BOX.width / width, PREVIEW_BOX.height / height);
    this.frame.style.width = `${Math.round(width * scale)}px`;
    this.frame.style.height = `${Math.round(height * scale)}px`;
    this.mapPart.style.height = `${Math.round(mapHeight(width) * scale)}px`;
    this.size.textContent =
      `About ${width} × ${height} px in a ${width} px column: the map is ${mapHeight(width)} px tall, then the legend and the link. ` +
      (this.kind === 'iframe'
        ? 'The script sets the exact height.'
        : this.kind === 'pym'
          ? 'pym.js sets the exact height.'
          : 'AMP sets the exact height when the map is out of view.');
  }

  private async copy(field: HTMLInputElement | HTMLTextAreaElement, done: string): Promise<void> {
    const ok = await copy(field.value, field);
    this.status.textContent = ok ? done : 'Could not copy: the text is selected, copy it with Ctrl+C or ⌘C.';
  }
}

/** Adds the Share button to a container (the masthead) and returns the control. */
export function mountShare(container: HTMLElement, options?: ShareOptions): ShareControl {
  const control = new ShareControl(options);
  container.append(control.button);
  return control;
}
