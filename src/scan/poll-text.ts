// The words of the scan wait: what a status that ended a wait means, and what the last answer
// was when the deadline came. Pure; the wait itself (poll.ts) only decides which to say.
import { FINDINGS_READY } from '../shared/finding.js';

/** The last thing ECR said about a platform's scan. */
export type Last = { kind: 'status'; status: string; description?: string } | { kind: 'error'; name: string } | { kind: 'none' };

/** Why a wait ended without a final status, in words for the summary. */
export function describeLast(last: Last, retries: number): string {
  const retried = retries > 0 ? ` (${retries} call${retries === 1 ? '' : 's'} retried)` : '';
  switch (last.kind) {
    case 'status':
      if ((FINDINGS_READY as readonly string[]).includes(last.status)) {
        return `the scan was ${last.status} but its findings could not all be read in time${retried}`;
      }
      return `the last status was ${last.status}${last.description ? ` (${trimPeriod(last.description)})` : ''}${retried}`;
    case 'error':
      if (last.name === 'ScanNotFoundException') return `ECR still had no scan of this image (ScanNotFoundException)${retried}`;
      if (last.name === 'ImageNotFoundException') return `ECR still did not find this image (ImageNotFoundException)${retried}`;
      return `the last answer was ${last.name}${retried}`;
    case 'none':
      return 'ECR had not answered yet (the call was cut off at the deadline)';
  }
}

/** What an incomplete status means, when ECR's own description says nothing. */
export function defaultDescription(status: string): string {
  switch (status) {
    case 'UNSUPPORTED_IMAGE':
      return "ECR cannot scan this image's operating system or format";
    case 'FINDINGS_UNAVAILABLE':
      return 'ECR has no findings for this image (it may not have been pulled or pushed recently)';
    case 'SCAN_ELIGIBILITY_EXPIRED':
      return "the image is past the registry's scan duration for enhanced scanning";
    case 'LIMIT_EXCEEDED':
      return 'ECR allows one manual scan per image per day, and this image has used it';
    case 'IMAGE_ARCHIVED':
      return 'the image is archived, and archived images are not scanned';
    default:
      return 'ECR did not say why';
  }
}

function trimPeriod(text: string): string {
  return text.trim().replace(/\.$/, '');
}
