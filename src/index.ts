// The runner calls this file for both phases; the saved state tells them apart.
import * as core from './util/runner-commands.js';
import { STATE } from './state.js';
// In this file, not a chunk of its own: the post phase is a Node process of its own, for which
// loading one more module costs more than main's compiling these few lines.
import { runPost } from './post.js';

if (core.getState(STATE.isPost) === 'true') {
  await runPost();
} else {
  const { run } = await import('./main.js');
  await run();
}
