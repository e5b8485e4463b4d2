// The one-idea detector: lists, several questions and several sentences split; one idea stays whole. Table-driven.
import { describe, expect, it } from 'vitest';
import { canPostParts, splitIdeas } from '@shared/ideas/splitIdeas.ts';

const table: [string, string, string[]][] = [
  ['one question', 'How is the DNSSEC key rollover rehearsed?', ['How is the DNSSEC key rollover rehearsed?']],
  [
    'dash list',
    '- Root server security\n- Registry failover\n- DNS abuse',
    ['Root server security', 'Registry failover', 'DNS abuse'],
  ],
  [
    'bullet list with a continuation line',
    '• Root servers\n  and their operators\n• Registries',
    ['Root servers and their operators', 'Registries'],
  ],
  ['numbered list', '1. Root servers\n2) Registries', ['Root servers', 'Registries']],
  ['inline numbers', '1) root servers 2) registries 3) registrars', ['root servers', 'registries', 'registrars']],
  ['inline numbers after a lead-in', 'Two things: (1) budget (2) experts', ['Two things:', 'budget', 'experts']],
  ['a lone number is no list', 'We need the 2) option only', ['We need the 2) option only']],
  ['two questions', 'Who owns the plan? How often is it tested?', ['Who owns the plan?', 'How often is it tested?']],
  ['context then one question', 'DNSSEC matters. Who tests it?', ['DNSSEC matters. Who tests it?']],
  [
    'context joins the next question',
    'Plans exist. Who owns them? When were they tested?',
    ['Plans exist. Who owns them?', 'When were they tested?'],
  ],
  [
    'two full sentences',
    'Measure DNS abuse trends. Publish a yearly report on them.',
    ['Measure DNS abuse trends.', 'Publish a yearly report on them.'],
  ],
  ['short second sentence stays', 'Check the root zone. Nothing else.', ['Check the root zone. Nothing else.']],
  [
    'abbreviation is no sentence end',
    'Check e.g. the root zone and Dr. Smith report on it.',
    ['Check e.g. the root zone and Dr. Smith report on it.'],
  ],
  ['questions on their own lines', 'Is it tested?\nWho tests it?', ['Is it tested?', 'Who tests it?']],
  ['Chinese questions', '谁负责预算？如何测试应急计划？', ['谁负责预算？', '如何测试应急计划？']],
  ['Arabic questions', 'كيف نختبر خطة الطوارئ؟ من يرأس الاجتماعات؟', ['كيف نختبر خطة الطوارئ؟', 'من يرأس الاجتماعات؟']],
  ['blank', '   ', []],
];

describe('splitIdeas', () => {
  it.each(table)('%s', (_name, text, parts) => {
    expect(splitIdeas(text)).toEqual(parts);
  });

  it('never invents words: every part is found in the text, in order', () => {
    for (const [, text] of table) {
      let from = 0;
      for (const part of splitIdeas(text)) {
        const first = part.split(' ')[0]!;
        const at = text.indexOf(first, from);
        expect(at).toBeGreaterThanOrEqual(0);
        from = at;
      }
    }
  });
});

describe('canPostParts', () => {
  it('offers splitting only for two or more parts that each fit a note', () => {
    expect(canPostParts(['a', 'b'])).toBe(true);
    expect(canPostParts(['a'])).toBe(false);
    expect(canPostParts(['a', 'x'.repeat(281)])).toBe(false);
  });
  it('lets a text too long for one note go out as parts that fit', () => {
    const long = `- ${'a'.repeat(200)}\n- ${'b'.repeat(200)}`;
    expect(canPostParts(splitIdeas(long))).toBe(true);
  });
});
