// The retry seams on real time, warning through the runner (`::warning::`): what the I/O edges
// use unless a test passes its own (src/util/retry.ts).
import * as core from './actions-core.js';
import { realTime, type RetrySeams } from './retry.js';

export const actionRetrySeams: RetrySeams = { ...realTime, warn: (message) => core.warning(message) };
