// The only caller of core.setOutput. Outputs stay small: the full list of findings is in the
// report file.
import * as core from './util/actions-core.js';
import type { SeverityCounts } from './shared/severity.js';

export interface ActionOutputs {
  registry?: string;
  image?: string;
  digest?: string;
  platformDigests?: Record<string, string>;
  imageUri?: string;
  /** platform → attestation kind → the digest of its manifest. */
  attestations?: Record<string, Record<string, string>>;
  /** Full references that now point at this image. */
  tags?: string[];
  scanStatus?: string;
  counts?: SeverityCounts;
  ignored?: number;
  exploitable?: number;
  new?: number;
  fixed?: number;
  report?: string;
  sarif?: string;
  commentUrl?: string;
  /** With images: each image's digest, reference and counts, by name. */
  digests?: Record<string, string>;
  imageUris?: Record<string, string>;
  findings?: Record<string, SeverityCounts>;
}

export function outputPairs(outputs: ActionOutputs): Array<[string, string]> {
  const pairs: Array<[string, string | undefined]> = [
    ['registry', outputs.registry],
    ['image', outputs.image],
    ['digest', outputs.digest],
    ['platform-digests', outputs.platformDigests && JSON.stringify(outputs.platformDigests)],
    ['attestations', outputs.attestations && JSON.stringify(outputs.attestations)],
    ['image-uri', outputs.imageUri],
    ['tags', outputs.tags?.join('\n')],
    ['scan-status', outputs.scanStatus],
    ['critical', outputs.counts && String(outputs.counts.CRITICAL)],
    ['high', outputs.counts && String(outputs.counts.HIGH)],
    ['medium', outputs.counts && String(outputs.counts.MEDIUM)],
    ['low', outputs.counts && String(outputs.counts.LOW)],
    ['informational', outputs.counts && String(outputs.counts.INFORMATIONAL)],
    ['undefined', outputs.counts && String(outputs.counts.UNDEFINED)],
    ['ignored', outputs.ignored?.toString()],
    ['exploitable', outputs.exploitable?.toString()],
    ['new', outputs.new?.toString()],
    ['fixed', outputs.fixed?.toString()],
    ['report', outputs.report],
    ['sarif', outputs.sarif],
    ['comment-url', outputs.commentUrl],
    ['digests', outputs.digests && JSON.stringify(outputs.digests)],
    ['image-uris', outputs.imageUris && JSON.stringify(outputs.imageUris)],
    ['findings', outputs.findings && JSON.stringify(outputs.findings)],
  ];
  return pairs.filter((pair): pair is [string, string] => pair[1] !== undefined);
}

export function writeOutputs(outputs: ActionOutputs): void {
  for (const [name, value] of outputPairs(outputs)) core.setOutput(name, value);
}
