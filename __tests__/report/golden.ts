// Golden files: rendered output compared exactly with a reviewed file under __fixtures__/golden.
// UPDATE_GOLDEN=1 rewrites them (then read the diff before committing); a missing file fails.
import { expect } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLDEN_DIR = fileURLToPath(new URL('../../__fixtures__/golden/', import.meta.url));

export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual, 'utf8');
    return;
  }
  if (!existsSync(file)) throw new Error(`No golden file ${name}: run UPDATE_GOLDEN=1 npm run test:unit, then review it.`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
