// Part of the scan phase: the findings of the image built for a pull request's base commit
// (compare: base): the image under the base commit's SHA tag in the same repository, its
// platform manifests, and ECR's scan of each. Thin I/O: the client, clock and sleep are passed in.
//
// A base that cannot be compared with (no base commit, no image under its tag, a scan that did
// not complete) is not an error: the result says why, in words for the job log and summary.
// Credential and permission errors still throw, as everywhere else.
import { findImageByTag, getManifest } from '../ecr/images.js';
import { platformManifests, type PlatformManifest } from '../shared/manifest.js';
import { errorName, toMessage } from '../util/errors.js';
import type { BaseFindings } from '../gate/verdict.js';
import { waitForFindings, type WaitOptions } from '../scan/poll.js';

export interface BaseLookupOptions extends Omit<WaitOptions, 'platforms'> {
  /** The pull request's base commit (pull_request.base.sha). */
  baseSha: string | undefined;
  /** How images are tagged (the `sha-tag` input): the base image was tagged the same way. */
  shaTag: 'full' | 'short' | 'false';
  /** Platform of a base image that is a single manifest (not an index). Default linux/amd64. */
  singlePlatform?: string;
  /** The `gate` input, so the note can say what the gate does without a base. */
  gate: 'all' | 'new';
}

const FULL_SHA = /^[0-9a-f]{40}$/i;
const SHORT_LENGTH = 7;

export async function readBaseFindings(options: BaseLookupOptions): Promise<BaseFindings> {
  const { baseSha, shaTag, singlePlatform, gate, ...wait } = options;
  const { client, ref } = wait;
  const skipped = `comparison skipped (gate: ${gate === 'new' ? 'new falls back to all' : 'all'})`;
  if (shaTag === 'false') {
    return { available: false, note: `sha-tag is false, so images carry no commit tag and the base image cannot be found: ${skipped}.` };
  }
  const sha = baseSha?.trim() ?? '';
  if (sha === '') return { available: false, note: `The event names no base commit: ${skipped}.` };
  if (!FULL_SHA.test(sha))
    return { available: false, note: `The base commit "${sha.slice(0, 64)}" is not a 40-hex commit SHA: ${skipped}.` };

  const commit = sha.toLowerCase();
  const short = commit.slice(0, SHORT_LENGTH);
  const tag = shaTag === 'full' ? commit : short;
  const where = `the base commit ${short} in ${ref.repositoryName}`;
  const image = await findImageByTag(client, ref, tag);
  if (!image) return { available: false, note: `No image for ${where}: ${skipped}.`, baseSha: commit };

  let platforms: PlatformManifest[];
  try {
    const manifest = await getManifest(client, ref, image.digest);
    platforms = platformManifests(image.digest, manifest.text, manifest.mediaType ?? image.mediaType, singlePlatform ?? 'linux/amd64');
  } catch (error) {
    // getManifest's own "no manifest" (a plain Error: the image went away after DescribeImages)
    // is a missing base; an error the service named (AccessDenied, …) is not ours to hide.
    if (errorName(error) !== 'Error') throw error;
    return {
      available: false,
      note: `The image for ${where} (${image.digest}) could not be read (${toMessage(error).trim().replace(/\.$/, '')}): ${skipped}.`,
      baseSha: commit,
    };
  }
  if (platforms.length === 0) {
    return {
      available: false,
      note: `The image for ${where} (${image.digest}) has no platform manifest to compare with: ${skipped}.`,
      baseSha: commit,
    };
  }

  // The base was scanned when it was built, so this is normally one read per platform. Its log
  // lines are told apart from this image's, and are information: the note says what it means.
  const label = `Base image ${short}, `;
  const scans = await waitForFindings({
    ...wait,
    platforms,
    log: { info: (m) => wait.log.info(`${label}${m}`), warning: (m) => wait.log.info(`${label}${m}`) },
  });
  const incomplete = scans.filter((scan) => !scan.complete);
  if (incomplete.length > 0) {
    const which = incomplete.map((scan) => `${scan.platform}: ${scan.status}`).join('; ');
    return { available: false, note: `The scan of the image for ${where} did not complete (${which}): ${skipped}.`, baseSha: commit };
  }
  wait.log.info(
    `Base image ${short}: ${image.digest}, ${platforms.length} platform${platforms.length === 1 ? '' : 's'} (${platforms.map((p) => p.platform).join(', ')}).`,
  );
  return { available: true, baseSha: commit, baseDigest: image.digest, tag, platforms, scans };
}
