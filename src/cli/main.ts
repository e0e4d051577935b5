import { runCli } from './program.js';

// Ctrl-C aborts the running command (a simulation stops between chunks and exits 130); a second
// Ctrl-C ends the process at once.
const controller = new AbortController();

/**
 * End the process as Ctrl-C ends a Unix tool, by SIGINT itself (the shell reports 130): the handler
 * is removed and the signal sent again. Unlike process.exit, this also ends a process whose file
 * read is stuck in the thread pool (opening a named pipe nobody writes to), which exit would wait for.
 */
function endBySigint(): void {
  process.off('SIGINT', onSigint);
  process.kill(process.pid, 'SIGINT');
}

function onSigint(): void {
  if (controller.signal.aborted) endBySigint();
  controller.abort(new Error('SIGINT'));
}
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
process.exitCode = code;
if (code === 130) {
  // Stopped by Ctrl-C: exit 130 as soon as nothing is left running; if something still runs a
  // second later (a read of a pipe nobody writes to), end by the signal itself.
  setTimeout(endBySigint, 1000).unref();
} else process.off('SIGINT', onSigint);
