// How alike two note texts are: word overlap (Jaccard on token sets) and near-identical strings (character trigrams).
import { foldText, tokenize } from './tokenize.ts';

/** A text prepared once for many comparisons. */
export interface TextProfile {
  tokens: ReadonlySet<string>;
  /** Character trigrams of the text without case, punctuation or spacing: catches typos and word order swaps. */
  trigrams: ReadonlySet<string>;
  /** The text without case, punctuation or spacing. */
  squeezed: string;
}

export interface Likeness {
  /** Jaccard index of the token sets, 0..1. */
  words: number;
  /** Dice coefficient of the character trigram sets, 0..1. */
  characters: number;
  isDuplicate: boolean;
  isSimilar: boolean;
}

/** Thresholds, chosen on the table in tests/unit/similarity: duplicates are near-identical, similar share most words. */
export const LIKENESS = {
  duplicateCharacters: 0.85,
  duplicateWords: 0.8,
  similarWords: 0.45,
  /** Below this many shared tokens, two texts are "similar" only with a higher overlap. */
  minShared: 2,
  similarWordsFewShared: 0.6,
} as const;

export function profileText(text: string): TextProfile {
  const squeezed = foldText(text).replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
  const chars = [...squeezed];
  const trigrams = new Set<string>();
  if (chars.length > 0 && chars.length < 3) trigrams.add(squeezed);
  for (let i = 0; i + 2 < chars.length; i += 1) trigrams.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  return { tokens: new Set(tokenize(text)), trigrams, squeezed };
}

function intersectionSize(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let count = 0;
  for (const item of small) if (large.has(item)) count += 1;
  return count;
}

/** Compares two prepared texts. Symmetric: compare(a, b) equals compare(b, a). */
export function compareProfiles(a: TextProfile, b: TextProfile): Likeness {
  const shared = intersectionSize(a.tokens, b.tokens);
  const union = a.tokens.size + b.tokens.size - shared;
  const words = union === 0 ? 0 : shared / union;
  const sharedTrigrams = intersectionSize(a.trigrams, b.trigrams);
  const trigramTotal = a.trigrams.size + b.trigrams.size;
  const characters = trigramTotal === 0 ? 0 : (2 * sharedTrigrams) / trigramTotal;
  const isDuplicate =
    (a.squeezed !== '' && a.squeezed === b.squeezed) ||
    characters >= LIKENESS.duplicateCharacters ||
    (words >= LIKENESS.duplicateWords && shared >= LIKENESS.minShared);
  const isSimilar =
    isDuplicate ||
    (shared >= LIKENESS.minShared && words >= LIKENESS.similarWords) ||
    (shared >= 1 && words >= LIKENESS.similarWordsFewShared);
  return { words, characters, isDuplicate, isSimilar };
}

/** Compares two texts (prepare profiles with profileText when comparing one text with many). */
export function compareTexts(a: string, b: string): Likeness {
  return compareProfiles(profileText(a), profileText(b));
}
