// Release readiness (docs/releasing.md): package.json and CHANGELOG.md name the same version,
// in the form the release workflow checks, and the document describes the workflow's jobs.
import { expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { readRepoFile } from './markdown.js';

const VERSION = (JSON.parse(readRepoFile('package.json')) as { version: string }).version;
const CHANGELOG = readRepoFile('CHANGELOG.md');

/** Version headings of CHANGELOG.md, top first: `## [1.0.0] - 2026-12-01` (or `- Unreleased` before release day). */
function versionHeadings(): { version: string; date: string }[] {
  return [...CHANGELOG.matchAll(/^## \[(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\] - (\d{4}-\d{2}-\d{2}|Unreleased)$/gm)].map(
    ([, version, date]) => ({
      version,
      date,
    }),
  );
}

test('package.json has a semver version', () => {
  expect(VERSION).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
});

test("CHANGELOG.md's newest version entry is package.json's version", () => {
  expect(versionHeadings()[0]?.version).toBe(VERSION);
});

test('every ## heading of CHANGELOG.md is a version entry or [Unreleased] (nothing the release check would miss)', () => {
  const headings = CHANGELOG.split('\n').filter((line) => line.startsWith('## '));
  expect(headings.length).toBeGreaterThan(0);
  expect(headings.filter((line) => line !== '## [Unreleased]').length).toBe(versionHeadings().length);
});

test('older entries are dated; only the newest may still say Unreleased', () => {
  expect(
    versionHeadings()
      .slice(1)
      .filter((entry) => entry.date === 'Unreleased'),
  ).toEqual([]);
});

test('docs/releasing.md describes every job of the release workflow', () => {
  const workflow = parse(readRepoFile('.github/workflows/release.yml')) as { jobs: Record<string, unknown> };
  const doc = readRepoFile('docs/releasing.md');
  const jobs = Object.keys(workflow.jobs);
  expect(jobs).toEqual(expect.arrayContaining(['check-dist', 'check-version', 'move-major-tag']));
  expect(jobs.filter((job) => !doc.includes(`\`${job}\``))).toEqual([]);
});
