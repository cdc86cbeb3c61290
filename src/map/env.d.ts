/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional remote vector basemap style URL, set at build time; empty = the offline basemap. */
  readonly VITE_BASEMAP_STYLE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
