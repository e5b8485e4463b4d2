// Parses `--name value` command-line flags for the operator scripts.

export function parseFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) flags[name] = inline;
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) flags[name] = 'true';
      else {
        flags[name] = next;
        i++;
      }
    }
  }
  return flags;
}
