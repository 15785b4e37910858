// The runner calls this file for both phases; the saved state tells them apart.
import * as core from './util/runner-commands.js';
import { STATE } from './state.js';

if (core.getState(STATE.isPost) === 'true') {
  const { runPost } = await import('./post.js');
  await runPost();
} else {
  const { run } = await import('./main.js');
  await run();
}
