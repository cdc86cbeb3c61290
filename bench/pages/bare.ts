/**
 * The basemap alone on a bare MapLibre page: a preview while styling (`npm run dev`, then open
 * /src/basemap/bare.html) and the floor that bench/page.ts compares the app against. Parameters as in
 * bare-map.ts. Marks `bare:idle` in the performance timeline at the first idle.
 */
import { bareMap } from './bare-map.js';

const { map } = bareMap();
map.once('idle', () => performance.mark('bare:idle'));
