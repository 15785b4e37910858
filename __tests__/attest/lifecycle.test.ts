import { describe, expect, test } from '@jest/globals';
import { lifecycleWarning } from '../../src/attest/lifecycle.js';

const policy = (...rules: unknown[]) => JSON.stringify({ rules });
const untagged = {
  rulePriority: 1,
  selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
  action: { type: 'expire' },
};
const tagged = {
  rulePriority: 2,
  selection: { tagStatus: 'tagged', tagPatternList: ['pr-*'], countType: 'imageCountMoreThan', countNumber: 50 },
  action: { type: 'expire' },
};
const any = {
  rulePriority: 9,
  selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 500 },
  action: { type: 'expire' },
};
const archive = {
  rulePriority: 3,
  selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 },
  action: { type: 'transition', targetStorageClass: 'archive' },
};

describe('lifecycleWarning', () => {
  test.each<[string, string, RegExp | undefined]>([
    [
      'expire untagged: warned, naming the rule',
      policy(untagged, tagged),
      /^lifecycle-policy has rule 1 \(tagStatus untagged\), which expires untagged images/,
    ],
    ['expire any: warned too', policy(tagged, any), /rule 9 \(tagStatus any\)/],
    ['both', policy(untagged, any), /has rule 1 \(tagStatus untagged\), rule 9 \(tagStatus any\), which expire/],
    ['tagged rules only: nothing to say', policy(tagged), undefined],
    ['archiving is not expiring', policy(archive), undefined],
    ['not JSON: nothing (inputs.ts refuses it)', '{', undefined],
  ])('%s', (_, text, expected) => {
    const warning = lifecycleWarning(text);
    if (expected) expect(warning).toMatch(expected);
    else expect(warning).toBeUndefined();
  });

  test('names what the step pushes beside the image', () => {
    expect(lifecycleWarning(policy(untagged), 'the signatures')).toMatch(
      /expires untagged images: the signatures this step pushes beside the image are untagged artifact manifests/,
    );
  });
});
