// The README's pictures show what the renderers write today: each page rendered now is the HTML
// committed in docs/screenshots/, and each PNG carries the hash of that page (stamped by
// scripts/screenshots.ts when it took the picture). A change to a renderer that changes what a
// picture shows fails here until `npm run screenshots` is run again.
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_HASH_KEY, pageHash, screenshotPages, textChunks, withTextChunk } from '../../scripts/lib/screenshot-pages.js';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs');
const pages = screenshotPages();

describe("the README's pictures", () => {
  test('there is one of a single image and one of a step of several images, summary and comment', () => {
    expect(pages.map((p) => p.name)).toEqual(['summary', 'comment', 'compare-comment', 'risk-summary', 'images-summary', 'images-comment']);
    expect(pages.find((p) => p.name === 'images-summary')!.html).toContain('ECR scan failed: 3 images');
    expect(pages.find((p) => p.name === 'comment')!.html).toContain('<strong>Commit:</strong>');
  });

  test.each(pages.map((p) => [p.name, p.html] as const))(
    '%s: the committed page and picture are of what the renderers write now',
    (name, html) => {
      const committed = path.join(DOCS, 'screenshots', `${name}.html`);
      expect(existsSync(committed)).toBe(true);
      // Run `npm run screenshots` when this differs: a renderer changed what the picture shows.
      expect(readFileSync(committed, 'utf8')).toBe(html);
      const png = readFileSync(path.join(DOCS, `${name}.png`));
      expect(textChunks(png)[PAGE_HASH_KEY]).toBe(pageHash(html));
    },
  );

  test('a stamp survives in a PNG as a tEXt chunk before the image data', () => {
    // The smallest valid PNG: signature, IHDR, IDAT, IEND.
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
      'hex',
    );
    const stamped = withTextChunk(png, PAGE_HASH_KEY, 'abc');
    expect(textChunks(stamped)).toEqual({ [PAGE_HASH_KEY]: 'abc' });
    expect(stamped.indexOf('tEXt')).toBeLessThan(stamped.indexOf('IDAT'));
  });
});
