// Module hooks for tests/bundle/: append the URL of every module Node resolves (ESM imports,
// including those the core's dependencies make) to the file named by CPI_GAP_LOAD_LOG; and act as
// if the packages named in CPI_GAP_HIDE (comma-separated) were not installed, failing their
// resolution as Node does for a missing package (ERR_MODULE_NOT_FOUND).
import { appendFileSync } from 'node:fs';

const hidden = (process.env['CPI_GAP_HIDE'] ?? '').split(',').filter((p) => p !== '');

export async function resolve(specifier, context, nextResolve) {
  if (hidden.some((p) => specifier === p || specifier.startsWith(`${p}/`))) {
    const error = new Error(`Cannot find package '${specifier}' imported from ${context.parentURL ?? '(entry)'}`);
    Object.assign(error, { code: 'ERR_MODULE_NOT_FOUND' });
    throw error;
  }
  const result = await nextResolve(specifier, context);
  const log = process.env['CPI_GAP_LOAD_LOG'];
  if (log) appendFileSync(log, `${result.url}\n`);
  return result;
}
