// How a step's log names its images: a step of one image (from `repository`) writes its lines as
// they always were; a step of several starts each image's line with the image's name.
import type { Inputs } from '../inputs/types.js';
import type { ImageRun } from './types.js';

/** `one`: one image named by `repository` (one image's layout everywhere); `several`: keyed by image name. */
export function layoutOf(inputs: Pick<Inputs, 'source'>): 'one' | 'several' {
  return inputs.source === 'repository' ? 'one' : 'several';
}

/** A line about one image: as it is for a step of one, `name: line` for a step of several. */
export function labelFor(inputs: Pick<Inputs, 'source'>, image: Pick<ImageRun, 'spec'>): (message: string) => string {
  if (layoutOf(inputs) === 'one') return (message) => message;
  return (message) => `${image.spec.name}: ${message}`;
}

/** `"api", "worker"`: images named in a line. */
export function imageNames(images: ReadonlyArray<Pick<ImageRun, 'spec'>>): string {
  return images.map((image) => image.spec.name).join(', ');
}
