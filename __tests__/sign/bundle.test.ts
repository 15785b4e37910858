import { describe, expect, test } from '@jest/globals';
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  BUNDLE_MEDIA_TYPE,
  bundleText,
  imageSignatureStatement,
  keyHint,
  preAuthEncoding,
  readBundle,
  signatureManifest,
} from '../../src/sign/bundle.js';

const DIGEST = `sha256:${'0c'.repeat(32)}`;

describe("cosign 3's shapes", () => {
  test("the image's statement: cosign's sign/v1 predicate, the digest as subject, no name", () => {
    expect(JSON.parse(imageSignatureStatement(DIGEST).toString())).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ digest: { sha256: '0c'.repeat(32) }, annotations: {} }],
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      predicate: {},
    });
  });

  test("DSSE's pre-authentication encoding", () => {
    expect(preAuthEncoding(Buffer.from('{}')).toString()).toBe('DSSEv1 28 application/vnd.in-toto+json 2 {}');
  });

  test('the bundle: v0.3, the key hint, the envelope without keyid, no tlog; its signature verifies over the PAE', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = publicKey.export({ format: 'der', type: 'spki' });
    const statement = imageSignatureStatement(DIGEST);
    const signature = sign('sha256', preAuthEncoding(statement), { key: privateKey, dsaEncoding: 'der' });
    const hint = keyHint(der);
    expect(hint).toBe(createHash('sha256').update(der).digest('base64'));
    const json = JSON.parse(bundleText(statement, signature, hint));
    expect(json).toEqual({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { publicKey: { hint }, timestampVerificationData: {} },
      dsseEnvelope: {
        payload: statement.toString('base64'),
        payloadType: 'application/vnd.in-toto+json',
        signatures: [{ sig: signature.toString('base64') }],
      },
    });
    const read = readBundle(JSON.stringify(json))!;
    expect(read.hint).toBe(hint);
    expect(read.payload.equals(statement)).toBe(true);
    expect(verify('sha256', preAuthEncoding(read.payload), { key: publicKey, dsaEncoding: 'der' }, read.signature)).toBe(true);
  });

  test('the referrer manifest, field for field as cosign 3 pushes it', () => {
    const subject = { mediaType: 'application/vnd.oci.image.index.v1+json', size: 491, digest: DIGEST };
    const made = signatureManifest('{"b":1}', subject, 'https://sigstore.dev/cosign/sign/v1', '2026-12-07T05:08:21Z');
    expect(made.text).toBe(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.empty.v1+json',
          size: 2,
          digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
          artifactType: BUNDLE_MEDIA_TYPE,
        },
        layers: [{ mediaType: BUNDLE_MEDIA_TYPE, size: 7, digest: `sha256:${createHash('sha256').update('{"b":1}').digest('hex')}` }],
        annotations: {
          'dev.sigstore.bundle.content': 'dsse-envelope',
          'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1',
          'org.opencontainers.image.created': '2026-12-07T05:08:21Z',
        },
        subject,
        artifactType: BUNDLE_MEDIA_TYPE,
      }),
    );
    expect(made.digest).toBe(`sha256:${createHash('sha256').update(made.text).digest('hex')}`);
    expect(made.descriptor).toMatchObject({ digest: made.digest, size: made.text.length, artifactType: BUNDLE_MEDIA_TYPE });
  });

  test('readBundle: not a DSSE bundle → undefined', () => {
    expect(readBundle('not json')).toBeUndefined();
    expect(readBundle('{"messageSignature":{}}')).toBeUndefined();
  });
});
