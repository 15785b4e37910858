// Every sample report by name: the golden tests render each of these.
import type { Report } from '../../src/report/model.js';
import { hostileReport } from './hostile.js';
import { largeComparedReport, largeReport } from './large.js';
import { policyPassedReport, policyReport } from './policy.js';
import { riskRefusedReport, riskReportSample } from './risk.js';
import { signedReport, signingFailedReport, signingTimeoutReport } from './signatures.js';
import {
  cleanReport,
  comparedReport,
  failedReport,
  ignoredReport,
  incompleteReport,
  multiPlatformReport,
  noBaseReport,
  skippedReport,
} from './samples.js';

export const SAMPLE_REPORTS: Record<string, Report> = {
  clean: cleanReport,
  failed: failedReport,
  incomplete: incompleteReport,
  ignored: ignoredReport,
  'multi-platform': multiPlatformReport,
  compared: comparedReport,
  'no-base': noBaseReport,
  skipped: skippedReport,
  hostile: hostileReport,
  risk: riskReportSample,
  'risk-refused': riskRefusedReport,
  truncated: largeReport(3000),
  'truncated-compared': largeComparedReport(2000),
  policy: policyReport,
  'policy-passed': policyPassedReport,
  signed: signedReport,
  'signing-failed': signingFailedReport,
  'signing-timeout': signingTimeoutReport,
};

export {
  cleanReport,
  comparedReport,
  failedReport,
  hostileReport,
  ignoredReport,
  incompleteReport,
  multiPlatformReport,
  noBaseReport,
  skippedReport,
};
export { largeComparedReport, largeReport, manyFindings } from './large.js';
export { RISK_FINDINGS, riskRefusedReport, riskReportSample } from './risk.js';
export {
  HOSTILE_TEXT,
  buildCheck,
  manyBuildChecksReport,
  policyHostileReport,
  policyOf,
  policyPassedReport,
  policyReport,
} from './policy.js';
export {
  AUDIT_PROFILE,
  SIGNING_PROFILE,
  manyPlatformsSignedReport,
  signedReport,
  signingFailedReport,
  signingHostileReport,
  signingNoneReport,
  signingTimeoutReport,
  statuses,
} from './signatures.js';
