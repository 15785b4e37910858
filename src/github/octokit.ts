// The only module that imports @actions/github. It reads GITHUB_API_URL and sets up the proxy
// agent when it loads, so it is imported dynamically (steps/publish.ts) and only when a comment
// is to be written.
import { getOctokit } from '@actions/github';
import type { CommentOctokit } from './comment-api.js';

export function createCommentOctokit(token: string): CommentOctokit {
  return getOctokit(token); // typed as CommentOctokit: tsc checks the real client fits it
}
