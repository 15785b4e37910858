// Verifies AWS Signature Version 4 on incoming requests, recomputing the signature from the
// request exactly as the AWS SDK v3 (@smithy/signature-v4) builds it. The stand-in knows one
// test key pair; anything else is rejected with the errors AWS answers.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { EcrError } from './errors.ts';

export interface SignedRequest {
  method: string;
  /** Path and query as received, e.g. "/" or "/x?a=b". */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface VerifiedIdentity {
  accessKeyId: string;
  region: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const DEFAULT_ACCOUNT = '123456789012';
/** An access key of account N: AKIA + N (12 digits) + 4 characters, signed with the test secret. */
const ACCOUNT_KEY = /^AKIA([0-9]{12})[A-Z0-9]{4}$/;

/**
 * The stand-in's keys: the test key pair (account 123456789012), and for any account N the
 * key `AKIA<N><4 characters>` with the same secret, so a test can call as another account (the
 * registry of calls that name none, e.g. the signing configuration operations).
 */
export class StandinKeys extends Map<string, string> {
  override get(accessKeyId: string): string | undefined {
    const own = super.get(accessKeyId);
    if (own !== undefined || !ACCOUNT_KEY.test(accessKeyId)) return own;
    return super.values().next().value;
  }
}

/** The account an access key belongs to. */
export function accountOf(accessKeyId: string): string {
  return ACCOUNT_KEY.exec(accessKeyId)?.[1] ?? DEFAULT_ACCOUNT;
}
const MAX_SKEW_MS = 15 * 60 * 1000;

/** Throws an EcrError (AWS's own error names and statuses) unless the request is validly signed. */
export function verifySigV4(req: SignedRequest, secrets: ReadonlyMap<string, string>, service: string, now = new Date()): VerifiedIdentity {
  const header = req.headers.authorization;
  if (!header) {
    throw new EcrError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const parsed = parseAuthorization(header);
  const [accessKeyId, date, region, scopeService, terminator] = parsed.credential.split('/');
  if (!accessKeyId || !date || !region || !scopeService || terminator !== 'aws4_request') {
    throw incomplete(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${parsed.credential}'`,
    );
  }
  const secret = secrets.get(accessKeyId);
  if (secret === undefined) {
    throw new EcrError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (scopeService !== service) {
    throw invalidSignature(`Credential should be scoped to correct service: '${service}'. `);
  }
  const amzDate = headerValue(req.headers['x-amz-date']);
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
    throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (amzDate.slice(0, 8) !== date) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  const signedAt = Date.parse(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  if (Math.abs(now.getTime() - signedAt) > MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${isoBasic(new Date(now.getTime() - MAX_SKEW_MS))} (${isoBasic(now)} - 15 min.)`,
    );
  }
  for (const name of parsed.signedHeaders) {
    if (req.headers[name] === undefined) throw invalidSignature(`Signed header '${name}' is missing from the request.`);
  }
  if (!parsed.signedHeaders.includes('host')) {
    throw invalidSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }

  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalPath(req.url),
    canonicalQuery(req.url),
    parsed.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(req.headers[name])}\n`).join(''),
    parsed.signedHeaders.join(';'),
    headerValue(req.headers['x-amz-content-sha256']) ?? sha256Hex(req.body),
  ].join('\n');
  const scope = `${date}/${region}/${scopeService}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${secret}`, date);
  for (const part of [region, scopeService, 'aws4_request']) key = hmac(key, part);
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  const given = Buffer.from(parsed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalidSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return { accessKeyId, region };
}

function parseAuthorization(header: string): { credential: string; signedHeaders: string[]; signature: string } {
  if (!header.startsWith(`${ALGORITHM} `)) {
    throw incomplete(`Authorization header requires the ${ALGORITHM} algorithm.`);
  }
  const fields = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw incomplete(`Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=${header}`);
  }
  return { credential, signedHeaders: signedHeaders.split(';'), signature };
}

// RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone).
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalPath(url: string): string {
  const path = url.split('?')[0] || '/';
  // Non-S3 services: each segment is normalised, then encoded once more by the signer.
  return path
    .split('/')
    .map((segment) => uriEncode(uriEncode(safeDecode(segment))))
    .join('/');
}

function canonicalQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  return url
    .slice(q + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : safeDecode(pair.slice(eq + 1));
      return [uriEncode(key), uriEncode(value)] as const;
    })
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function canonicalHeaderValue(value: string | string[] | undefined): string {
  return (headerValue(value) ?? '').trim().replace(/\s+/g, ' ');
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function isoBasic(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const incomplete = (message: string) => new EcrError('IncompleteSignatureException', message);
const invalidSignature = (message: string) => new EcrError('InvalidSignatureException', message, 403);
