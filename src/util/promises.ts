// Small promise helpers the pipeline uses to overlap its work.

/** A promise awaited later: until then its rejection is not "unhandled" (it is thrown where awaited). */
export function background<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
