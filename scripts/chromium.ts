/**
 * Headless Chromium as the browser tests, benchmarks and scripts launch it: Debian's build, and WebGL 2
 * on SwiftShader (see shared/testing.md; never --use-gl or --disable-software-rasterizer).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
];
