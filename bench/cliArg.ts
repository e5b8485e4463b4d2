// The `--name=value` options of the bench scripts, read one way.

/** The value of `--name=value` in `argv` (the process's arguments by default); undefined when it is not given. */
export function argValue(name: string, argv: readonly string[] = process.argv): string | undefined {
  const prefix = `--${name}=`;
  return argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}
