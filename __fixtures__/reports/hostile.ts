// A report whose every string is an attack on the markdown: table breakers, HTML, links to
// javascript:, a marker closer, mentions, control characters, a 10,000-character description.
import type { Report } from '../../src/report/model.js';
import { finding, sampleReport } from './base.js';

export const HOSTILE = {
  cellBreaker: '| x | y |',
  html: '</td><script>alert(1)</script>',
  jsLink: '[click](javascript:alert(1))',
  markerCloser: '<!-- --> --!> -->',
  mention: '@octocat @acme/security see acme/retail#1',
  controls: 'a\u0000b\u0007c\u001bd\u202ee\r\nf\tg',
  backticks: '```\n# heading\n```',
  longText: 'A'.repeat(10_000),
} as const;

export const hostileReport: Report = sampleReport(
  {
    findings: [
      finding({
        id: `CVE-2024-1 ${HOSTILE.cellBreaker}`,
        severity: 'CRITICAL',
        package: HOSTILE.html,
        version: HOSTILE.backticks,
        fixedIn: HOSTILE.jsLink,
        uri: 'javascript:alert(1)',
        title: HOSTILE.markerCloser,
        description: HOSTILE.longText,
        blocking: true,
      }),
      finding({
        id: 'CVE-2024-2',
        severity: 'HIGH',
        package: HOSTILE.mention,
        version: HOSTILE.controls,
        uri: 'https://example.com/a|b)c(d<e>f"g\'h`i',
        description: HOSTILE.markerCloser,
        blocking: true,
      }),
      finding({
        id: 'CVE-2024-3',
        severity: 'LOW',
        package: '**bold** _it_ ~~strike~~',
        ignored: { by: 'file', reason: `${HOSTILE.html} ${HOSTILE.jsLink}`, expires: '2099-01-01' },
      }),
    ],
    platforms: [
      {
        platform: 'linux/amd64',
        digest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
        status: 'COMPLETE',
        description: HOSTILE.html,
      },
    ],
  },
  {
    tags: [`image:tag${HOSTILE.cellBreaker}`],
    heldBack: [{ tag: 'latest', reason: HOSTILE.markerCloser }],
    verdict: 'failed',
    fails: true,
    reason: `${HOSTILE.markerCloser} ${HOSTILE.jsLink} ${HOSTILE.html}`,
    expiredIgnores: [{ id: HOSTILE.cellBreaker, reason: HOSTILE.mention, expires: '2020-01-01', matched: 0 }],
    reportPath: '/tmp/report `x`.json',
  },
);
