// Amazon Inspector's findings for one image: ListFindings filtered by repository and image
// digest (every platform's), every page. Thin I/O: the client comes in as an argument, and
// what the findings mean is decided in inspector/risk-scores.ts.
// https://docs.aws.amazon.com/inspector/v2/APIReference/API_ListFindings.html
import {
  ListFindingsCommand,
  type Finding as InspectorFinding,
  type FilterCriteria,
  type Inspector2Client,
} from '@aws-sdk/client-inspector2';
import { errorName, toMessage } from '../util/errors.js';

type Client = Pick<Inspector2Client, 'send'>;

export interface ImageQuery {
  repositoryName: string;
  /** The platform manifests' digests (each is scanned, and found, on its own). */
  digests: readonly string[];
  /** The registry's account, when it is not the caller's (registry-id). */
  registryId?: string;
}

/** ListFindings' own cap. */
const PAGE_SIZE = 100;
/** The permission a refused call lacks, named in the warning. */
export const LIST_FINDINGS_PERMISSION = 'inspector2:ListFindings';

export function findingsFilter(query: ImageQuery): FilterCriteria {
  return {
    ecrImageRepositoryName: [{ comparison: 'EQUALS', value: query.repositoryName }],
    // Several filters on one field match any of them.
    ecrImageHash: query.digests.map((digest) => ({ comparison: 'EQUALS' as const, value: digest })),
    ...(query.registryId ? { ecrImageRegistry: [{ comparison: 'EQUALS' as const, value: query.registryId }] } : {}),
  };
}

/** Every page of ListFindings for the image. Throws what the SDK throws (the caller warns). */
export async function listImageFindings(client: Client, query: ImageQuery): Promise<InspectorFinding[]> {
  const filterCriteria = findingsFilter(query);
  const findings: InspectorFinding[] = [];
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListFindingsCommand({ filterCriteria, maxResults: PAGE_SIZE, nextToken }));
    findings.push(...(page.findings ?? []));
    nextToken = page.nextToken || undefined;
    // A token seen before would loop for ever: stop with what was read.
    if (nextToken !== undefined && seenTokens.has(nextToken)) break;
    if (nextToken !== undefined) seenTokens.add(nextToken);
  } while (nextToken !== undefined);
  return findings;
}

/** The warning for a refused or failing ListFindings: what failed, what the gate does instead, the permission. */
export function inspectorWarning(error: unknown): string {
  const name = errorName(error) ?? '';
  const refused = name === 'AccessDeniedException' || name === 'UnrecognizedClientException';
  // aws/http.ts prefixes network errors with the operation, which this sentence names already.
  const message = toMessage(error).replace(/^Amazon Inspector ListFindings: /, '');
  const cause = name && name !== 'Error' && !message.includes(name) ? `${name}: ${message}` : message;
  return (
    `Amazon Inspector's ListFindings ${refused ? 'was refused' : 'failed'} (${cause}), so there are no EPSS scores and ` +
    `epss-threshold is not applied: every finding at or above severity-threshold counts, whatever its EPSS. ` +
    `${refused ? 'Allow' : 'Check that the role allows'} ${LIST_FINDINGS_PERMISSION} (see docs/iam-policy.json).`
  );
}
