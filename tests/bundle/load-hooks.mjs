// Module hooks for tests/bundle/core-light.test.ts: append the URL of every module Node resolves
// (ESM imports, including those the core's dependencies make) to the file named by CPI_GAP_LOAD_LOG.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const log = process.env['CPI_GAP_LOAD_LOG'];
  if (log) appendFileSync(log, `${result.url}\n`);
  return result;
}
