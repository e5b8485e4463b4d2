// Tokenizing notes for similarity: Unicode words, lowercase, no stop words, light stemming, CJK character pairs.
import { describe, expect, it } from 'vitest';
import { lightStem } from '@shared/similarity/stem.ts';
import { tokenize } from '@shared/similarity/tokenize.ts';

describe('tokenize', () => {
  const table: [string, string, string[]][] = [
    ['English question', 'How is the DNSSEC key rollover rehearsed?', ['dnssec', 'key', 'rollover', 'rehears']],
    ['case and punctuation', 'ROOT-server, Security!', ['root', 'server', 'security']],
    ['possessive', "ICANN's security efforts", ['icann', 'security', 'effort']],
    ['stop words only', 'what is the of and', []],
    ['accented Latin, folded', 'Sécurité des données', ['securit', 'donn']],
    ['Arabic', 'كيف نختبر خطة الطوارئ؟', ['كيف', 'نختبر', 'خطة', 'الطوارئ']],
    ['Hebrew', 'מי אחראי על התקציב', ['מי', 'אחראי', 'על', 'התקציב']],
    ['Greek lowercased, accents folded', 'Ασφάλεια DNS', ['ασφαλεια', 'dns']],
    ['full-width forms normalised', 'ＤＮＳ abuse', ['dns', 'abus']],
    ['empty', '   ', []],
  ];
  it.each(table)('%s', (_name, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it('cuts Chinese into overlapping character pairs whatever the segmenter did', () => {
    const tokens = tokenize('如何测试应急计划');
    for (const pair of ['测试', '应急', '计划']) expect(tokens).toContain(pair);
    expect(tokens.every((token) => [...token].length <= 2)).toBe(true);
  });

  it('finds the same Japanese pairs in both orders of a sentence', () => {
    const a = new Set(tokenize('緊急計画のテスト'));
    const b = new Set(tokenize('テストの緊急計画'));
    expect([...a].filter((t) => b.has(t)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('lightStem', () => {
  const table: [string, string][] = [
    ['attacks', 'attack'],
    ['attacked', 'attack'],
    ['attacking', 'attack'],
    ['planning', 'plan'],
    ['plans', 'plan'],
    ['policies', 'policy'],
    ['measured', 'measur'],
    ['measure', 'measur'],
    ['process', 'process'],
    ['status', 'status'],
    ['dns', 'dns'],
    ['uses', 'use'],
    ['نختبر', 'نختبر'],
  ];
  it.each(table)('%s -> %s', (word, stem) => {
    expect(lightStem(word)).toBe(stem);
  });
});
