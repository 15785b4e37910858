// Fakes for the pipeline's phases and run(), for one image and for several: an in-memory ECR of
// several repositories (FakeEcrClient answers: tokens, repositories, images by tag, manifests,
// scans, tags), and a docker whose `buildx build` and `buildx bake` "push" one digest per image
// and write buildx's metadata file as the real ones do. Time is FakeTime's.
import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  GetSigningConfigurationCommand,
  ImageNotFoundException,
  type ImageScanFinding,
  ListImagesCommand,
  PutImageCommand,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { FakeEcrClient } from './ecr-client.js';
import { fakeRunner } from './runner.js';

export const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
export const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';

/** A digest made from a name, so every test names its images' digests the same way. */
export function digestOf(name: string): string {
  return `sha256:${createHash('sha256').update(name).digest('hex')}`;
}

/** A basic-scanning finding as DescribeImageScanFindings returns it. */
export function ecrFinding(id: string, severity: string, pkg = 'openssl'): ImageScanFinding {
  return {
    name: id,
    severity: severity as ImageScanFinding['severity'],
    attributes: [
      { key: 'package_name', value: pkg },
      { key: 'package_version', value: '1.0' },
    ],
  };
}

export interface FakeRegistry {
  /** Repository name → its tags (tag → digest); a missing repository is not there. */
  repositories: Record<string, Record<string, string>>;
  /** Digest → its manifest's media type and text (a single manifest when unknown). */
  manifests: Record<string, { mediaType: string; text: string }>;
  /** Digest → its scan: complete with these findings, or never finishing ('pending'). */
  scans: Record<string, ImageScanFinding[] | 'pending'>;
  /** Repositories whose tags are immutable. */
  immutable?: string[];
}

export function emptyRegistry(repositories: string[]): FakeRegistry {
  return { repositories: Object.fromEntries(repositories.map((r) => [r, {}])), manifests: {}, scans: {} };
}

/** An index of platform manifests, as BatchGetImage returns it. */
export function indexOf(platforms: Record<string, string>): { mediaType: string; text: string } {
  const manifests = Object.entries(platforms).map(([platform, digest]) => {
    const [os, architecture] = platform.split('/');
    return { mediaType: MANIFEST_TYPE, digest, size: 1, platform: { os, architecture } };
  });
  return { mediaType: INDEX_TYPE, text: JSON.stringify({ schemaVersion: 2, mediaType: INDEX_TYPE, manifests }) };
}

/** An ECR of the registry's repositories: scan on push, the scans as the registry says. */
export function fakeEcr(registry: FakeRegistry): FakeEcrClient {
  const repositoryOf = (name: string) => {
    const tags = registry.repositories[name];
    if (!tags) throw new RepositoryNotFoundException({ message: `The repository with name '${name}' does not exist`, $metadata: {} });
    return tags;
  };
  return new FakeEcrClient()
    .on(GetSigningConfigurationCommand, () => {
      // A registry without managed signing (signing: auto waits for nothing).
      throw Object.assign(new Error('No signing configuration found for registry'), { name: 'SigningConfigurationNotFoundException' });
    })
    .on(GetAuthorizationTokenCommand, () => ({
      authorizationData: [{ authorizationToken: Buffer.from('AWS:ecr-password').toString('base64'), proxyEndpoint: `https://${REGISTRY}` }],
    }))
    .on(DescribeRepositoriesCommand, (input) => {
      const name = input.repositoryNames?.[0] ?? '';
      repositoryOf(name);
      return {
        repositories: [
          {
            repositoryName: name,
            registryId: '123456789012',
            imageScanningConfiguration: { scanOnPush: true },
            imageTagMutability: registry.immutable?.includes(name) ? ('IMMUTABLE' as const) : ('MUTABLE' as const),
          },
        ],
      };
    })
    .on(CreateRepositoryCommand, (input) => {
      registry.repositories[input.repositoryName!] = {};
      return {
        repository: { repositoryName: input.repositoryName, registryId: '123456789012', imageScanningConfiguration: { scanOnPush: true } },
      };
    })
    .on(DescribeImagesCommand, (input) => {
      const digest = repositoryOf(input.repositoryName!)[input.imageIds?.[0]?.imageTag ?? ''];
      if (!digest) throw new ImageNotFoundException({ message: 'no such tag', $metadata: {} });
      return {
        imageDetails: [{ imageDigest: digest, imageManifestMediaType: registry.manifests[digest]?.mediaType ?? MANIFEST_TYPE }],
      };
    })
    .on(BatchGetImageCommand, (input) => ({
      images: (input.imageIds ?? []).map((id) => {
        const manifest = registry.manifests[id.imageDigest!] ?? {
          mediaType: MANIFEST_TYPE,
          text: JSON.stringify({ schemaVersion: 2, layers: [] }),
        };
        return { imageId: id, imageManifest: manifest.text, imageManifestMediaType: manifest.mediaType };
      }),
    }))
    .on(DescribeImageScanFindingsCommand, (input) => {
      const scan = registry.scans[input.imageId?.imageDigest ?? ''] ?? [];
      if (scan === 'pending') return { imageScanStatus: { status: 'IN_PROGRESS' as const } };
      const counts: Record<string, number> = {};
      for (const f of scan) counts[f.severity ?? 'UNDEFINED'] = (counts[f.severity ?? 'UNDEFINED'] ?? 0) + 1;
      return { imageScanStatus: { status: 'COMPLETE' as const }, imageScanFindings: { findings: scan, findingSeverityCounts: counts } };
    })
    .on(ListImagesCommand, (input) => ({
      imageIds: Object.entries(repositoryOf(input.repositoryName!)).map(([imageTag, imageDigest]) => ({ imageTag, imageDigest })),
    }))
    .on(PutImageCommand, (input) => {
      const tags = repositoryOf(input.repositoryName!);
      tags[input.imageTag!] = input.imageDigest!;
      return { image: { imageId: { imageDigest: input.imageDigest, imageTag: input.imageTag } } };
    });
}

/**
 * docker: login succeeds; `buildx build` pushes digestOf(its tag's repository) and `buildx bake`
 * digestOf(each target's repository), each written to buildx's metadata file with a descriptor
 * (`platform`: what buildx says it built); inspect answers a docker-container builder.
 */
export function fakeDocker(registry: FakeRegistry, platform = { os: 'linux', architecture: 'amd64' }) {
  // An index the registry holds is described as buildx describes one: no platform of its own.
  const descriptor = (digest: string) => {
    const mediaType = registry.manifests[digest]?.mediaType ?? MANIFEST_TYPE;
    return mediaType === INDEX_TYPE ? { mediaType, digest, size: 1 } : { mediaType, digest, size: 1, platform };
  };
  const pushed = (reference: string | undefined) => {
    const repository = (reference ?? '').replace(/^[^/]+\//, '').replace(/:[^:/]*$/, '');
    return digestOf(repository);
  };
  return fakeRunner((_command, args) => {
    if (args[0] === 'buildx' && args[1] === 'build') {
      const tag = args[args.indexOf('--tag') + 1];
      const digest = pushed(args.includes('--tag') ? tag : undefined);
      const [repository, sha] = [(tag ?? '').replace(/^[^/]+\//, '').replace(/:[^:/]*$/, ''), (tag ?? '').replace(/^.*:/, '')];
      if (args.includes('--push') && registry.repositories[repository]) registry.repositories[repository]![sha] = digest;
      writeFileSync(
        args[args.indexOf('--metadata-file') + 1]!,
        JSON.stringify({ 'containerimage.digest': digest, 'containerimage.descriptor': descriptor(digest) }),
      );
    }
    if (args[0] === 'buildx' && args[1] === 'bake') {
      const file = JSON.parse(readFileSync(args[args.indexOf('--file') + 1]!, 'utf8')) as {
        group: { default: { targets: string[] } };
        target: Record<string, { tags?: string[]; output?: string[] }>;
      };
      const metadata: Record<string, unknown> = {};
      for (const name of file.group.default.targets) {
        const target = file.target[name]!;
        if (!target.output) continue; // push: false
        const tag = target.tags?.[0];
        const digest = pushed(tag);
        const [repository, sha] = [(tag ?? '').replace(/^[^/]+\//, '').replace(/:[^:/]*$/, ''), (tag ?? '').replace(/^.*:/, '')];
        if (registry.repositories[repository]) registry.repositories[repository]![sha] = digest;
        metadata[name] = { 'containerimage.digest': digest, 'containerimage.descriptor': descriptor(digest) };
      }
      writeFileSync(args[args.indexOf('--metadata-file') + 1]!, JSON.stringify(metadata));
    }
    if (args[0] === 'buildx' && args[1] === 'inspect') return { stdout: 'Name: ci\nDriver: docker-container\nPlatforms: linux/amd64\n' };
    return {};
  });
}

/** The docker commands run, as `docker <args…>` lines without the arguments after the subcommand. */
export function commandsOf(runner: ReturnType<typeof fakeDocker>): string[] {
  return runner.mock.calls.map(([, args]) => (args[0] === 'buildx' ? `buildx ${args[1]}` : args[0]!));
}

/** Dockerfiles at the workspace root and under services/<name>, for inputs that name them. */
export const WORKSPACE_FILES: Record<string, string> = {
  Dockerfile: 'FROM scratch\n',
  'services/api/Dockerfile': 'FROM scratch\n',
  'services/worker/Dockerfile': 'FROM scratch\n',
  'services/model/Dockerfile': 'FROM scratch\n',
};

/** One image from `repository` (shop/api), or three images (api, worker, model) listed in `images`. */
export function imagesInputs(count: 1 | 3): Record<string, string> {
  if (count === 1) return { repository: 'shop/api' };
  return {
    images: ['api', 'worker', 'model'].map((name) => `- {name: ${name}, repository: shop/${name}, context: services/${name}}`).join('\n'),
  };
}

/** The repositories of imagesInputs(count). */
export function repositoriesOf(count: 1 | 3): string[] {
  return count === 1 ? ['shop/api'] : ['shop/api', 'shop/worker', 'shop/model'];
}
