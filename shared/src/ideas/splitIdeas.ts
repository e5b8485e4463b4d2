// Detects a note that holds several ideas (a list, several questions, several sentences) and returns its parts.
import { NOTE_TEXT_MAX } from '../model/limits.ts';

/** A line that starts a list item: "-", "*", "•", "1.", "2)", "a)", "(3)". */
const LIST_MARKER = /^\s*(?:[-*•·–—▪‣◦]|\(?\d{1,2}[.)]|\(?[a-zA-Z][)])\s+/u;
/** Inline enumerations: "1) first 2) second" or "(1) first (2) second". */
const INLINE_NUMBER = /(?:^|\s)\(?(\d{1,2})\)\s+/gu;
const QUESTION_END = /[?？؟]$/u;
/** Sentence ends: Latin and Arabic marks need a following space; CJK full stops do not. */
const SENTENCE_END = /([.!?؟۔])\s+|([。！？])\s*/gu;
/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'dr',
  'mr',
  'mrs',
  'ms',
  'no',
  'cf',
  'approx',
  'incl',
  'art',
  'sec',
  'st',
]);
/** A sentence needs this many words to count as an idea of its own ("Yes. Why?" is one). */
const MIN_WORDS = 3;

function wordCount(text: string): number {
  const latin = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  // Unspaced scripts: count every two characters as a word, roughly.
  const unspaced = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return unspaced > 0 ? Math.max(latin, Math.ceil(unspaced / 2)) : latin;
}

function clean(parts: string[]): string[] {
  return parts.map((part) => part.replace(/\s+/gu, ' ').trim()).filter((part) => part !== '');
}

function listItems(text: string): string[] | null {
  const lines = text.split(/\r?\n/u).filter((line) => line.trim() !== '');
  const items: string[] = [];
  let markers = 0;
  for (const line of lines) {
    if (LIST_MARKER.test(line)) {
      markers += 1;
      items.push(line.replace(LIST_MARKER, ''));
    } else if (items.length > 0 && markers > 0) {
      // A line without a marker continues the item above it.
      items[items.length - 1] += ` ${line}`;
    } else {
      items.push(line);
    }
  }
  if (markers >= 2) return clean(items);
  // Several lines that are each a question are several ideas too.
  if (lines.length >= 2 && lines.every((line) => QUESTION_END.test(line.trim()))) return clean(lines);
  return null;
}

function inlineNumbers(text: string): string[] | null {
  const starts: { index: number; end: number; number: number }[] = [];
  for (const match of text.matchAll(INLINE_NUMBER)) {
    starts.push({ index: match.index, end: match.index + match[0].length, number: Number(match[1]) });
  }
  // Only a run counting 1, 2, 3... from the first: "the 2) case" alone is no list.
  const run = starts.filter((start, i) => start.number === i + 1);
  if (run.length < 2 || run.length !== starts.length) return null;
  const parts = run.map((start, i) => text.slice(start.end, run[i + 1]?.index ?? text.length));
  const before = text.slice(0, run[0]!.index).trim();
  return clean(before ? [before, ...parts] : parts);
}

function sentences(text: string): string[] {
  const found: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + (match[1] ?? match[2] ?? '').length;
    const sentence = text.slice(start, end);
    const lastWord = /([\p{L}.]+)[.]$/u.exec(sentence)?.[1]?.toLowerCase();
    // "e.g. DNS", "Dr. Smith", "J. Smith": the full stop ends an abbreviation or an initial, not a sentence.
    if (match[1] === '.' && lastWord !== undefined && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord)))
      continue;
    found.push(sentence);
    start = match.index + match[0].length;
  }
  found.push(text.slice(start));
  return clean(found);
}

/** Joins non-question sentences to the question after them: "DNSSEC matters. Who tests it?" is one idea. */
function questions(parts: string[]): string[] {
  const grouped: string[] = [];
  let pending = '';
  for (const part of parts) {
    pending = pending ? `${pending} ${part}` : part;
    if (QUESTION_END.test(part)) {
      grouped.push(pending);
      pending = '';
    }
  }
  if (pending) {
    if (grouped.length > 0) grouped[grouped.length - 1] += ` ${pending}`;
    else grouped.push(pending);
  }
  return grouped;
}

/**
 * The ideas in a note's text: one part when it reads as one idea, several when it looks like a list
 * (markers on their lines, or "1) ... 2) ..."), several questions, or several sentences of at least three
 * words each. Parts are trimmed, in order, and the detector never invents text. Pure.
 */
export function splitIdeas(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const byList = listItems(trimmed) ?? inlineNumbers(trimmed);
  if (byList && byList.length >= 2) return byList;
  const all = sentences(trimmed);
  if (all.length < 2) return [trimmed];
  const asked = all.filter((sentence) => QUESTION_END.test(sentence)).length;
  if (asked >= 2) {
    const grouped = questions(all);
    if (grouped.length >= 2) return grouped;
  }
  if (asked === 0 && all.every((sentence) => wordCount(sentence) >= MIN_WORDS)) return all;
  return [trimmed];
}

/** Whether every part of a split fits in a note, so "Post as N separate notes" can be offered. */
export function canPostParts(parts: readonly string[]): boolean {
  return parts.length >= 2 && parts.every((part) => [...part].length <= NOTE_TEXT_MAX);
}
