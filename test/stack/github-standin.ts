// GitHub REST API stand-in for the few endpoints the action uses (reached through
// GITHUB_API_URL), plus an admin API for tests. Run with Node 24:
// node test/stack/github-standin.ts (scripts/stack/start.sh does). STANDIN_PORT (15002).
import http from 'node:http';
import { exitOnSignals, listenAddress, readBody, sendJson } from './common/http.ts';
import { GithubAdmin } from './github/admin.ts';
import { GithubApi } from './github/api.ts';
import { GithubState } from './github/state.ts';

const { host, port } = listenAddress(15002);
const baseUrl = `http://${host}:${port}`;
const state = new GithubState();
const api = new GithubApi(state, baseUrl);
const admin = new GithubAdmin(state, api);

const server = http.createServer((req, res) => {
  readBody(req, 16 * 1024 * 1024)
    .then((body) => ((req.url ?? '/').startsWith('/_admin') ? admin.handle(req, res, body) : api.handle(req, res, body)))
    .catch((err: Error) => {
      console.error('[github] request failed:', err);
      if (!res.headersSent) sendJson(res, 500, { message: 'Server Error', documentation_url: 'https://docs.github.com/rest' });
      else res.end();
    });
});

server.listen(port, host, () => console.log(`[github] GitHub API stand-in on ${baseUrl}`));
exitOnSignals(() => server.close());
