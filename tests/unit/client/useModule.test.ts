// The page chunks' loader (app/useModule.ts): one import however often it is asked for, its result or its failure
// kept as state for every component that waits on it.
import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../../client/src/app/useModule.ts';

/** An import the test settles by hand, counting how often it was started. */
function manualImport<T>() {
  let resolve!: (value: T | undefined) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T | undefined>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const load = { starts: 0, resolve, reject };
  return {
    load,
    importer: () => {
      load.starts += 1;
      return promise;
    },
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lazyModule', () => {
  it('starts the import once and tells every listener when it is loaded', async () => {
    const { load, importer } = manualImport<{ page: string }>();
    const module = lazyModule('the page', importer);
    expect(load.starts).toBe(0);
    module.start();
    module.start();
    expect(load.starts).toBe(1);
    expect(module.state()).toEqual({ kind: 'loading' });
    const heard: string[] = [];
    module.subscribe(() => heard.push('a'));
    const unsubscribe = module.subscribe(() => heard.push('b'));
    unsubscribe();
    load.resolve({ page: 'board' });
    await settled();
    expect(module.state()).toEqual({ kind: 'loaded', value: { page: 'board' } });
    expect(heard).toEqual(['a']);
  });

  it('keeps a failed download as a failure that names the part', async () => {
    const { load, importer } = manualImport<object>();
    const module = lazyModule('the canvas', importer);
    module.start();
    load.reject(new TypeError('Failed to fetch dynamically imported module: /assets/BoardView-x.js'));
    await settled();
    const state = module.state();
    expect(state.kind).toBe('failed');
    expect(state.kind === 'failed' && String((state.error as Error).message)).toBe(
      'Could not load the canvas: Failed to fetch dynamically imported module: /assets/BoardView-x.js',
    );
  });

  it('counts an import that resolved to nothing (a cancelled preload error) as failed', async () => {
    const { load, importer } = manualImport<object>();
    const module = lazyModule('the board page', importer);
    module.start();
    load.resolve(undefined);
    await settled();
    const state = module.state();
    expect(state.kind === 'failed' && (state.error as Error).message).toBe(
      'Could not load the board page: the download failed',
    );
  });
});
