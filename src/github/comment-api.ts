// What this action uses of GitHub's REST API for its PR comment: the routes, the narrow octokit
// type the real client must fit, and GitHub's size limit. No imports, so the comment writer
// (upsert-comment.ts), the real client (octokit.ts) and the renderer (report/comment-body.ts)
// all take these from here and none of them imports another.

/** GitHub refuses a comment body over 65,536 characters (UTF-16 code units, as `length` counts). */
export const COMMENT_LIMIT_CHARS = 65_536;

export const LIST_COMMENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
export const GET_USER = 'GET /user';
export const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
export const UPDATE_COMMENT = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';
export const DELETE_COMMENT = 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}';
/** The pull request, for its head commit: a run of an older commit leaves a newer one's report alone. */
export const GET_PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';

/** What we use of `getOctokit(token)`: the real one is assignable to it (checked in octokit.ts). */
export interface CommentOctokit {
  request(
    route: typeof GET_USER | typeof CREATE_COMMENT | typeof UPDATE_COMMENT | typeof DELETE_COMMENT | typeof GET_PULL,
    params?: Record<string, unknown>,
  ): Promise<{ status: number; data: unknown }>;
  paginate(route: typeof LIST_COMMENTS, params: Record<string, unknown>): Promise<unknown[]>;
}
