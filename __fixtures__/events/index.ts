// The recorded event payloads in this folder, read as the runner's GITHUB_EVENT_PATH file is.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type EventFixture =
  'push' | 'push-tag' | 'pull-request' | 'pull-request-fork' | 'pull-request-target' | 'release-published' | 'release-prerelease';

export function eventPath(name: EventFixture): string {
  return fileURLToPath(new URL(`./${name}.json`, import.meta.url));
}

export function eventPayload(name: EventFixture): unknown {
  return JSON.parse(readFileSync(eventPath(name), 'utf8'));
}
