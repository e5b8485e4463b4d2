// Counted nouns in words ("1 note", "2 notes"): the one plural rule every screen uses.

/** Nouns whose plural is not noun + "s". */
const IRREGULAR: Readonly<Record<string, string>> = { person: 'people', reply: 'replies' };

/** The plural of an English noun as the board uses them ("note" -> "notes", "person" -> "people"). */
export function pluralOf(noun: string): string {
  return IRREGULAR[noun] ?? `${noun}s`;
}

/** "1 note", "0 notes", "2 notes"; `plural` overrides the noun's usual plural. */
export function countOf(count: number, noun: string, plural: string = pluralOf(noun)): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
