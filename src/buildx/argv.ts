// Pure: what to build → the `docker buildx build` argument list. Tested by a table.

export type BuildOutput =
  /** Push under a tag (the SHA candidate). */
  | { kind: 'push-tag'; reference: string }
  /**
   * Push by digest only: no tag is written until promotion (sha-tag: false), or until the
   * attestations are pushed beside the image (`referrers`: BuildKit keeps them in its own
   * index, which this action then reads apart, src/attest/).
   */
  | { kind: 'push-digest'; name: string; referrers?: boolean }
  /** Build only (push: false): the builder's default output. */
  | { kind: 'none' };

/** BuildKit's SBOM generator when none is named (its Dockerfile frontend's default). */
export const DEFAULT_SBOM_GENERATOR = 'docker/buildkit-syft-scanner';

/** What the user asks of buildx: the build inputs (the action's Inputs carry exactly these). */
export interface BuildSettings {
  context: string;
  file: string;
  buildArgs: string[];
  target?: string;
  platforms: string[];
  cacheFrom: string[];
  cacheTo: string[];
  secrets: string[];
  provenance: string;
  /** An SBOM attestation (BuildKit's SBOM generator, or `sbomGenerator`'s image). */
  sbom: boolean;
  sbomGenerator?: string;
  /** Where attestations go: beside the image as OCI referrers, or inside BuildKit's image index. */
  attestations: 'referrers' | 'index';
  builder?: string;
  noCache: boolean;
  pull: boolean;
}

/** One build: the settings, the labels (the user's merged with ours), where it goes, where buildx says what it pushed. */
export interface BuildRequest extends BuildSettings {
  labels: Array<[string, string]>;
  output: BuildOutput;
  metadataFile: string;
  /**
   * What buildx is asked to write into its metadata file besides the digest (the policy's rules
   * read it): BuildKit's provenance of the build (BUILDX_METADATA_PROVENANCE: its materials
   * name the base images, with tag and digest as the Dockerfile named them) and the build
   * checks' warnings (BUILDX_METADATA_WARNINGS=true). Environment, not arguments.
   */
  metadataExtras?: { provenance: boolean; warnings: boolean };
}

export function buildxArgs(request: BuildRequest): string[] {
  const args = ['buildx', 'build'];
  if (request.builder) args.push('--builder', request.builder);
  args.push('--file', request.file);
  for (const arg of request.buildArgs) args.push('--build-arg', arg);
  for (const [key, value] of request.labels) args.push('--label', `${key}=${value}`);
  if (request.target) args.push('--target', request.target);
  if (request.platforms.length > 0) args.push('--platform', request.platforms.join(','));
  for (const spec of request.cacheFrom) args.push('--cache-from', spec);
  for (const spec of request.cacheTo) args.push('--cache-to', spec);
  for (const secret of request.secrets) args.push('--secret', secret);
  args.push(`--provenance=${request.provenance}`);
  if (request.sbom) args.push(request.sbomGenerator ? `--sbom=generator=${request.sbomGenerator}` : '--sbom=true');
  if (request.noCache) args.push('--no-cache');
  if (request.pull) args.push('--pull');
  switch (request.output.kind) {
    case 'push-tag':
      args.push('--tag', request.output.reference, '--push');
      break;
    case 'push-digest':
      // With referrers, BuildKit's attestation manifests must not carry a subject of their own
      // (oci-artifact=false): the action's per-kind manifests are the image's only referrers.
      args.push(
        '--output',
        `type=image,name=${request.output.name},push-by-digest=true,name-canonical=true,push=true${request.output.referrers ? ',oci-mediatypes=true,oci-artifact=false' : ''}`,
      );
      break;
    case 'none':
      break;
  }
  args.push('--metadata-file', request.metadataFile);
  args.push(request.context);
  return args;
}
