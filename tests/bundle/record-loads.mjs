// Loaded with `node --import`: registers tests/bundle/load-hooks.mjs (load log, hidden packages) before the program runs.
import { register } from 'node:module';

register('./load-hooks.mjs', import.meta.url);
