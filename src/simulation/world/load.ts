/**
 * The world model's modules that read TI's panel, loaded on first use through `await import()`
 * (internal): `cpi-gap/simulation` loads the panel only when the world model runs, so a country
 * model (random walk, bootstrap, correlated) never holds it in memory.
 */
export async function loadWorld(): Promise<WorldModule> {
  const [start, run] = await Promise.all([import('./start.js'), import('./simulateWorld.js')]);
  return { fittedWorld: start.fittedWorld, onePrecision: start.onePrecision, simulateWorld: run.simulateWorld };
}

/** What {@link loadWorld} gives. */
export interface WorldModule {
  readonly fittedWorld: typeof import('./start.js').fittedWorld;
  readonly onePrecision: typeof import('./start.js').onePrecision;
  readonly simulateWorld: typeof import('./simulateWorld.js').simulateWorld;
}
