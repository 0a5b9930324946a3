/**
 * Test support: a promise the test settles by hand, to observe loading states and control ordering.
 * (Promise.withResolvers does this from Node 22; the project still runs its tests on Node 20.)
 */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
