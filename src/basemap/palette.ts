/** Basemap colours, light and dark: muted, so that the data drawn over them stands out. */
export type Theme = 'light' | 'dark';

export interface Palette {
  /** Page behind the globe (CSS). */
  space: string;
  sea: string;
  land: string;
  coast: string;
  border: string;
  region: string;
  countryLabel: string;
  cityLabel: string;
  cityDot: string;
  halo: string;
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    space: '#eef0f2',
    sea: '#d9e2e8',
    land: '#f8f7f4',
    coast: '#b9c5cc',
    border: '#a3a3a3',
    region: '#d2d0cb',
    countryLabel: '#7b7b7b',
    cityLabel: '#4d4d4d',
    cityDot: '#6f6f6f',
    halo: '#f8f7f4',
  },
  dark: {
    space: '#0f1316',
    sea: '#18212a',
    land: '#2a2e33',
    coast: '#3b4650',
    border: '#6a7079',
    region: '#41464c',
    countryLabel: '#969ca3',
    cityLabel: '#c4c9ce',
    cityDot: '#a3a9af',
    halo: '#2a2e33',
  },
};

export function currentTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
