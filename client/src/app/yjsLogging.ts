// lib0/logging for the browser bundle, without lib0's DOM console styling (lib0/dom and lib0/schema come with it:
// about 2.5 KiB gzipped on every board view). Yjs only prints warnings through it; client/vite.config.ts resolves
// `lib0/logging` here. The style markers are symbols, dropped from what is printed.
export const BOLD = Symbol('bold');
export const UNBOLD = Symbol('unbold');
export const BLUE = Symbol('blue');
export const GREY = Symbol('grey');
export const GREEN = Symbol('green');
export const RED = Symbol('red');
export const PURPLE = Symbol('purple');
export const ORANGE = Symbol('orange');
export const UNCOLOR = Symbol('uncolor');

type LogArgs = unknown[];

/** As lib0 does: a single function argument is called for the arguments (so costly messages are built lazily). */
function plain(args: LogArgs): LogArgs {
  const list = args.length === 1 && typeof args[0] === 'function' ? (args[0] as () => LogArgs)() : args;
  return list.filter((arg) => typeof arg !== 'symbol');
}

export const print = (...args: LogArgs) => console.log(...plain(args));
export const warn = (...args: LogArgs) => console.warn(...plain(args));
export const printError = (error: unknown) => console.error(error);
