// Finds pairs of notes that look alike, within a station and across stations, for suggestions (never moves anything).
import { compareProfiles, profileText, type TextProfile } from './compareTexts.ts';

export interface ComparableNote {
  id: string;
  areaId: string;
  text: string;
  groupId?: string;
}

export interface SimilarPair {
  /** The earlier note of the pair in the input order, then the later one. */
  a: string;
  b: string;
  kind: 'duplicate' | 'similar';
  isSameStation: boolean;
  /** The word overlap, 0..1, for ordering. */
  score: number;
}

export interface FindSimilarOptions {
  /** Reuses profiles across calls (keyed by text), so a new note costs one profile, not n. */
  profiles?: Map<string, TextProfile>;
  /** At most this many pairs come back, best first. */
  limit?: number;
}

/**
 * Pairs of alike notes, best first (duplicates, then same station, then higher overlap, then input order).
 * Notes already in the same group are left out: they are grouped already. Deterministic for a given input.
 */
export function findSimilarNotes(notes: readonly ComparableNote[], options: FindSimilarOptions = {}): SimilarPair[] {
  const profiles = options.profiles ?? new Map<string, TextProfile>();
  const profileOf = (text: string) => {
    let profile = profiles.get(text);
    if (!profile) {
      profile = profileText(text);
      profiles.set(text, profile);
    }
    return profile;
  };
  const prepared = notes.map((note) => ({ note, profile: profileOf(note.text) }));
  const pairs: (SimilarPair & { order: number })[] = [];
  let order = 0;
  for (let i = 0; i < prepared.length; i += 1) {
    const left = prepared[i]!;
    for (let j = i + 1; j < prepared.length; j += 1) {
      const right = prepared[j]!;
      order += 1;
      if (left.note.groupId !== undefined && left.note.groupId === right.note.groupId) continue;
      const likeness = compareProfiles(left.profile, right.profile);
      if (!likeness.isSimilar) continue;
      pairs.push({
        a: left.note.id,
        b: right.note.id,
        kind: likeness.isDuplicate ? 'duplicate' : 'similar',
        isSameStation: left.note.areaId === right.note.areaId,
        score: likeness.words,
        order,
      });
    }
  }
  pairs.sort(
    (x, y) =>
      Number(y.kind === 'duplicate') - Number(x.kind === 'duplicate') ||
      Number(y.isSameStation) - Number(x.isSameStation) ||
      y.score - x.score ||
      x.order - y.order,
  );
  return pairs.slice(0, options.limit ?? pairs.length).map(({ order: _order, ...pair }) => pair);
}
