import type { Store } from '../ports';

/** Opens the real store on first use, so loading the function touches no database. */
export function lazyStore(open: () => Store): Store {
  let store: Store | undefined;
  return new Proxy({} as Store, {
    get: (_target, method: keyof Store) => (...args: unknown[]) => {
      store ??= open();
      return (store[method] as (...a: unknown[]) => unknown)(...args);
    },
  });
}
