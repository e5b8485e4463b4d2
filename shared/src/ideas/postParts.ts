// Posts the parts of a split note one after another, stopping at the first refusal (sync or async posting alike).

export interface PartsOutcome {
  /** The first failure message, or null when every part was posted. */
  failure: string | null;
  /** The parts not posted (the failed one and those after it), to keep in the box for another try. */
  remaining: string[];
}

/** Calls `post` for each part in order; `post` returns an error message or null, directly or as a promise. */
export async function postParts(
  parts: readonly string[],
  post: (part: string) => string | null | Promise<string | null>,
): Promise<PartsOutcome> {
  for (let i = 0; i < parts.length; i += 1) {
    const failure = await post(parts[i]!);
    if (failure) return { failure, remaining: parts.slice(i) };
  }
  return { failure: null, remaining: [] };
}
