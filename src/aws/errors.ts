// Which AWS SDK errors from ECR are worth another call: the SDK's own classification
// (@smithy/service-error-classification: throttling, transient, server errors), plus the few
// names and network codes ECR or Node give that its lists leave out. Pure.
import { isServerError, isThrottlingError, isTransientError } from '@smithy/service-error-classification';
import { errorName } from '../util/errors.js';

/** 5xx names ECR uses that the SDK's lists do not carry (it goes by status there). */
const SERVER_ERRORS = new Set(['ServerException', 'InternalFailure', 'ServiceUnavailable', 'ServiceUnavailableException']);
/** Connection errors beyond the SDK's timeout and network codes. */
const NETWORK_CODES = new Set(['ECONNABORTED']);

type SdkError = Parameters<typeof isTransientError>[0];

export function isRetryableAwsError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = errorName(error) ?? '';
  // ECR's LimitExceededException is a quota (one manual scan per image per day), not a rate: the
  // SDK counts it as throttling, but another call cannot succeed.
  if (name === 'LimitExceededException') return false;
  // The SDK's predicates read optional fields of an SdkError; any object is safe to pass.
  const sdk = error as SdkError;
  if (isThrottlingError(sdk) || isTransientError(sdk) || isServerError(sdk)) return true;
  if (SERVER_ERRORS.has(name)) return true;
  const details = error as { $fault?: unknown; code?: unknown };
  return details.$fault === 'server' || (typeof details.code === 'string' && NETWORK_CODES.has(details.code));
}
