// Light suffix stripping for Latin-script words, so "attacks", "attacked" and "attacking" compare as one word.

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 'ly', 's'] as const;
const LATIN = /^[a-z\u00c0-\u024f]+$/;
const DOUBLED = /([b-df-hj-np-tv-z])\1$/;

/**
 * Strips one common English suffix from a lowercase word of Latin letters, keeping a stem of at least 3
 * letters ("ies"/"ied" become "y"), then a doubled final consonant ("plann" -> "plan") and a final "e"
 * ("measure" and "measured" both give "measur"). Other scripts and short words come back unchanged.
 */
export function lightStem(word: string): string {
  if (word.length <= 3 || !LATIN.test(word)) return word;
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const rest = word.slice(0, -suffix.length);
    if (rest.length < 3) continue;
    // "process" and "status" end in s without being plurals.
    if (suffix === 's' && (rest.endsWith('s') || rest.endsWith('u') || rest.endsWith('i'))) break;
    stem = suffix === 'ies' || suffix === 'ied' ? `${rest}y` : rest;
    if (DOUBLED.test(stem) && !stem.endsWith('ss') && !stem.endsWith('ll')) stem = stem.slice(0, -1);
    break;
  }
  return stem.length > 4 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}
