// Splits note text into comparable tokens: Unicode-aware words, lowercased, stop words dropped, lightly stemmed.
import { lightStem } from './stem.ts';
import { STOP_WORDS } from './stopWords.ts';

/** Scripts written without spaces between words: compared by overlapping character pairs instead. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;
/** A run of letters, marks and digits: a word where Intl.Segmenter is missing. */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Case and accents folded ("Sécurité" -> "securite"), full-width forms narrowed. Only the combining accents
 * of Latin, Greek and Cyrillic go: marks that are vowels in other scripts (Devanagari, Thai) stay.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

function words(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    const found: string[] = [];
    for (const part of segmenter.segment(text))
      if (part.isWordLike && HAS_LETTER_OR_DIGIT.test(part.segment)) found.push(part.segment);
    return found;
  }
  return text.match(WORD_RUN) ?? [];
}

/** Overlapping pairs of characters ("应急计划" -> "应急", "急计", "计划"); a lone character stands for itself. */
function characterPairs(word: string): string[] {
  const chars = [...word];
  if (chars.length < 2) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}

/**
 * The tokens of a text, in order, with repeats: folded (see foldText) words without stop words,
 * Latin words lightly stemmed, and words of unspaced scripts (Chinese, Japanese, Thai...) cut into character
 * pairs, so the result does not depend on how well the platform's segmenter knows the language.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of words(foldText(text))) {
    // Apostrophes inside words ("ICANN's") belong to the word, not to its meaning.
    const word = raw.replace(/['’]s$/u, '').replace(/['’]/gu, '');
    if (word === '' || STOP_WORDS.has(word)) continue;
    if (UNSPACED.test(word)) tokens.push(...characterPairs(word));
    else tokens.push(lightStem(word));
  }
  return tokens;
}
