// The browser build's removal of JSON Schema titles and descriptions (client/vite.config.ts, stripSchemaMeta): only a
// literal second argument of withMeta goes, blanked in place, and every schema module the client loads loses its words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { stripSchemaMeta } from '../../../client/vite.config.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The shared modules with withMeta calls that the browser reads boards and replies with. */
const BROWSER_SCHEMAS = [
  'shared/src/model/Area.ts',
  'shared/src/model/Comment.ts',
  'shared/src/model/Decision.ts',
  'shared/src/model/Exercise.ts',
  'shared/src/model/Group.ts',
  'shared/src/model/Handoff.ts',
  'shared/src/model/Meta.ts',
  'shared/src/model/Note.ts',
  'shared/src/model/Participant.ts',
  'shared/src/model/Session.ts',
  'shared/src/model/documentControl.ts',
  'shared/src/model/fields.ts',
  'shared/src/templates/templateInfoSchema.ts',
];

/** How many arguments each withMeta call in `code` has, in source order (parsing it, so it must parse). */
function withMetaArgumentCounts(code: string): number[] {
  const counts: number[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const node = value as { type?: string; callee?: { name?: string }; arguments?: unknown[] };
    if (node.type === 'CallExpression' && node.callee?.name === 'withMeta') counts.push(node.arguments!.length);
    Object.values(value).forEach(visit);
  };
  visit(parseAst(code, { lang: 'ts' }));
  return counts;
}

describe('stripSchemaMeta', () => {
  it('blanks the meta argument of withMeta and keeps the schema, the length and the line breaks', () => {
    const code = "// é → …\nconst a = withMeta(z.string(), {\n  title: 'A',\n  description: `one ${'b'}`,\n});\n";
    const out = stripSchemaMeta(code);
    expect(out).toHaveLength(code.length);
    expect(out.split('\n')).toHaveLength(code.split('\n').length);
    expect(out).toContain('const a = withMeta(z.string()');
    expect(out).not.toContain('title');
    expect(out).not.toContain('description');
    expect(out.replace(/\s+/g, ' ')).toBe('// é → … const a = withMeta(z.string() ); ');
  });

  it('strips nested calls and leaves other calls alone', () => {
    const code = "withMeta(z.object({ a: withMeta(z.number(), { description: 'inner' }) }), { title: 'outer' });";
    const out = stripSchemaMeta(code).replace(/\s+/g, '');
    expect(out).toBe('withMeta(z.object({a:withMeta(z.number())}));');
    expect(stripSchemaMeta("other(z.string(), { title: 'kept' });")).toContain("title: 'kept'");
  });

  it('keeps a meta argument that calls something, so no side effect is dropped', () => {
    for (const code of [
      'withMeta(z.string(), { description: describe() });',
      'withMeta(z.string(), { ...more });',
      'withMeta(z.string(), meta);',
    ])
      expect(stripSchemaMeta(code)).toBe(code);
  });

  it('leaves every browser schema module parseable, each withMeta with its schema alone, nothing else changed', () => {
    for (const file of BROWSER_SCHEMAS) {
      const code = readFileSync(path.join(ROOT, file), 'utf8');
      const out = stripSchemaMeta(code);
      expect(withMetaArgumentCounts(out), file).toEqual(withMetaArgumentCounts(code).map(() => 1));
      expect(out, file).toHaveLength(code.length);
      // Outside the blanked runs, every character is the original one.
      for (let i = 0; i < code.length; i++) if (out[i] !== code[i]) expect(out[i], `${file} at ${i}`).toBe(' ');
      expect(withMetaArgumentCounts(code).length, file).toBeGreaterThan(0);
    }
  });
});
