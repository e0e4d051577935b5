import { runCli } from './program.js';

// Ctrl-C aborts the running command (a simulation stops between chunks and exits 130); a second
// Ctrl-C ends the process at once.
const controller = new AbortController();
const onSigint = (): void => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort(new Error('SIGINT'));
};
process.on('SIGINT', onSigint);

// Output piped into a reader that stops early (`cpi-gap gaps | head -3`) closes the pipe: stop
// quietly, as Unix tools do, instead of printing a stack trace for the EPIPE that follows.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY,
  signal: controller.signal,
});
process.off('SIGINT', onSigint);
// Stopped by Ctrl-C: end now, even if a read of a pipe nobody writes to is still pending.
if (code === 130) process.exit(code);
process.exitCode = code;
