// Likeness of two note texts: duplicates, similar ideas and unrelated ones, in several scripts. Table-driven.
import { describe, expect, it } from 'vitest';
import { compareTexts } from '@shared/similarity/compareTexts.ts';

type Verdict = 'duplicate' | 'similar' | 'different';

const table: [string, string, Verdict][] = [
  ['How is the DNSSEC key rollover rehearsed?', 'How is the DNSSEC key rollover rehearsed?', 'duplicate'],
  ['How is the DNSSEC key rollover rehearsed?', 'how is the dnssec key roll-over rehearsed', 'duplicate'],
  ['Root server security', 'Security of the root servers', 'duplicate'],
  ['Implementation of SSR1 recommendations', 'Were SSR1 recommendations implemented?', 'duplicate'],
  ['Measure DNS abuse trends', 'DNS abuse trends should be measured', 'duplicate'],
  ['How is the DNSSEC key rollover rehearsed?', 'Is the DNSSEC key rollover ever rehearsed or tested?', 'similar'],
  ['Contingency plans for registry failure', 'What happens if a registry fails? Contingency planning', 'similar'],
  ['Budget for outside experts', 'Who chairs the meetings?', 'different'],
  ['Security', 'Stability', 'different'],
  ['DNS', 'DNS abuse', 'different'],
  ['Weekly calls at rotating times', 'Face-to-face meetings twice a year', 'different'],
  ['如何测试应急计划？', '应急计划如何测试', 'duplicate'],
  ['如何测试应急计划？', '谁负责预算', 'different'],
  ['كيف نختبر خطة الطوارئ؟', 'كيف نختبر خطة الطوارئ', 'duplicate'],
  ['كيف نختبر خطة الطوارئ؟', 'من يرأس الاجتماعات', 'different'],
  ['Sécurité des serveurs racine', 'securite des serveurs racine', 'duplicate'],
];

const verdict = (a: string, b: string): Verdict => {
  const likeness = compareTexts(a, b);
  return likeness.isDuplicate ? 'duplicate' : likeness.isSimilar ? 'similar' : 'different';
};

describe('compareTexts', () => {
  it.each(table)('%s / %s -> %s', (a, b, expected) => {
    expect(verdict(a, b)).toBe(expected);
  });

  it.each(table)('is symmetric: %s / %s', (a, b) => {
    expect(compareTexts(a, b)).toEqual(compareTexts(b, a));
  });

  it('scores identical token sets 1 and disjoint ones 0', () => {
    expect(compareTexts('root servers', 'root servers').words).toBe(1);
    expect(compareTexts('root servers', 'budget experts').words).toBe(0);
    expect(compareTexts('', '').isSimilar).toBe(false);
  });
});
