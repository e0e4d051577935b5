import { defineCliSuite, type RunResult } from '../../tests/cli/cases.js';
import { ROOT } from '../../tests/helpers/shared.js';
import { runCli } from './program.js';

/** The command line in this process (for coverage), from the project's root folder like the bin tests. */
async function run(argv: readonly string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await runCli(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

defineCliSuite('in process', run);
