// ECR API stand-in: speaks AWS JSON 1.1 as @aws-sdk/client-ecr v3 does (reached through
// AWS_ENDPOINT_URL_ECR), backed by the local registry, plus an admin API for tests, and
// Amazon Inspector's ListFindings (REST-JSON, POST /findings/list, AWS_ENDPOINT_URL_INSPECTOR2)
// and AWS KMS (AWS JSON 1.1, X-Amz-Target TrentService.*, AWS_ENDPOINT_URL_KMS).
// Run with Node 24: node test/stack/ecr-standin.ts (scripts/stack/start.sh does).
//   STANDIN_PORT (15001), REGISTRY_URL (http://127.0.0.1:15000), REGISTRY_USER (AWS),
//   REGISTRY_PASSWORD_FILE, ECR_STANDIN_ACCESS_KEY / ECR_STANDIN_SECRET_KEY (test credentials).
import http from 'node:http';
import { exitOnSignals, listenAddress, readBody, sendJson } from './common/http.ts';
import { EcrAdmin } from './ecr/admin.ts';
import { EcrApi } from './ecr/api.ts';
import { InspectorApi, LIST_FINDINGS_PATH } from './ecr/inspector.ts';
import { KMS_TARGET_PREFIX, KmsApi } from './ecr/kms.ts';
import { KmsKeys } from './ecr/kms-keys.ts';
import { RegistryClient } from './ecr/registry-client.ts';
import { Scanner } from './ecr/scans.ts';
import { StandinKeys } from './ecr/sigv4.ts';
import { Store } from './ecr/store.ts';

const stackDir = process.env.STACK_DIR ?? '/var/tmp/ecr-bsp-stack';
const registry = new RegistryClient(
  process.env.REGISTRY_URL ?? 'http://127.0.0.1:15000',
  process.env.REGISTRY_USER ?? 'AWS',
  process.env.REGISTRY_PASSWORD_FILE ?? `${stackDir}/registry-password`,
);
// The test key pair, and per account N the key AKIA<N>XXXX with the same secret (sigv4.ts).
const secrets = new StandinKeys([
  [
    process.env.ECR_STANDIN_ACCESS_KEY ?? 'AKIASTANDINTEST00001',
    process.env.ECR_STANDIN_SECRET_KEY ?? 'StandInSecretKeyForLocalTestsOnly0000001',
  ],
]);
const store = new Store();
const scanner = new Scanner(registry);
// KMS keys outlive the admin API's reset (the process's lifetime): a test's keys are its own.
const kmsKeys = new KmsKeys();
const api = new EcrApi(store, registry, scanner, secrets);
const admin = new EcrAdmin(store, registry, scanner, kmsKeys);
// Amazon Inspector's ListFindings shares the process (and the findings): AWS_ENDPOINT_URL_INSPECTOR2.
const inspector = new InspectorApi(store, registry, scanner, secrets);
// AWS KMS (keys of the admin API, signing for real) shares it too: AWS_ENDPOINT_URL_KMS.
const kms = new KmsApi(store, kmsKeys, secrets);

const server = http.createServer((req, res) => {
  readBody(req)
    .then((body) => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path.startsWith('/_admin') || path === '/_registry/events') return admin.handle(req, res, body);
      if (path === LIST_FINDINGS_PATH) return inspector.handle(req, res, body);
      if (String(req.headers['x-amz-target'] ?? '').startsWith(KMS_TARGET_PREFIX)) return kms.handle(req, res, body);
      return api.handle(req, res, body);
    })
    .catch((err: Error) => {
      console.error('[ecr] request failed:', err);
      if (!res.headersSent) sendJson(res, 500, { __type: 'ServerException', message: err.message });
      else res.end();
    });
});

const { host, port } = listenAddress(15001);
server.listen(port, host, () => console.log(`[ecr] ECR stand-in on http://${host}:${port} (registry ${registry.baseUrl})`));
exitOnSignals(() => server.close());
