/**
 * Open data: links to the published files (`data/` beside the app, OUTPUT_FILES of the contract) as
 * GeoJSON and CSV, each with the schema that documents its properties or columns.
 */
import { OUTPUT_FILES } from '../contract';

export interface DownloadLink {
  /** What it is, for people: "Events as GeoJSON". */
  label: string;
  file: string;
  href: string;
}

/** The data files and their schemas, relative to the site's base URL. */
export function downloadLinks(base: string): Array<{ title: string; data: DownloadLink[]; schemas: DownloadLink[] }> {
  const link = (label: string, file: string): DownloadLink => ({ label, file, href: `${base}data/${file}` });
  return [
    {
      title: 'Events',
      data: [link('GeoJSON', OUTPUT_FILES.events), link('CSV', OUTPUT_FILES.eventsCsv)],
      schemas: [link('JSON Schema', OUTPUT_FILES.eventsSchema), link('CSV Table Schema', OUTPUT_FILES.eventsCsvSchema)],
    },
    {
      title: 'Ranges',
      data: [link('GeoJSON', OUTPUT_FILES.ranges), link('CSV', OUTPUT_FILES.rangesCsv)],
      schemas: [link('JSON Schema', OUTPUT_FILES.rangesSchema), link('CSV Table Schema', OUTPUT_FILES.rangesCsvSchema)],
    },
  ];
}

function anchor(l: DownloadLink, download: boolean, context: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = l.href;
  a.textContent = l.label;
  a.dataset.file = l.file;
  a.setAttribute('aria-label', `${context} ${l.label} (${l.file})`);
  if (download) a.download = l.file;
  return a;
}

/** The panel section: one line per collection, data files to download and schemas to read. */
export function downloadsSection(base: string): HTMLElement {
  const root = document.createElement('section');
  root.className = 'downloads';
  root.setAttribute('aria-labelledby', 'downloads-heading');
  const h = document.createElement('h2');
  h.id = 'downloads-heading';
  h.textContent = 'Download the data';
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent =
    'Every event and range with all its claims and sources. GeoJSON has one feature per event or range; CSV one row per claim. The schemas document each property and column.';
  const list = document.createElement('ul');
  for (const group of downloadLinks(base)) {
    const li = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = `${group.title}: `;
    li.append(name);
    group.data.forEach((l, i) => li.append(i ? ' · ' : '', anchor(l, true, group.title)));
    li.append(' — schemas: ');
    group.schemas.forEach((l, i) =>
      li.append(i ? ', ' : '', anchor(l, false, `${group.title} ${group.data[i].label}`)),
    );
    list.append(li);
  }
  root.append(h, hint, list);
  return root;
}
