/**
 * Vitest global setup: builds the gazetteer's cached index once before any test runs. On a fresh
 * machine that takes tens of seconds (it is cached in node_modules/.cache afterwards); paying it here
 * keeps it out of every test's and hook's time.
 */
import { loadGazetteer } from '../../src/cli/gazetteer-cache.js';

export default function setup(): void {
  const started = performance.now();
  loadGazetteer();
  const seconds = (performance.now() - started) / 1000;
  if (seconds > 2) console.log(`gazetteer index built in ${seconds.toFixed(1)} s (cached for later runs)`);
}
