// The template schema: the catalogue passes it, bad templates fail with paths, the committed JSON Schema is current.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_TEAM_SIZE } from '@shared/model/Meta.ts';
import { listTemplates, getTemplate } from '@shared/templates/templates.ts';
import { parseTemplate, templateJsonSchemaText } from '@shared/templates/templateSchema.ts';

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../../docs/schema/template.schema.json');

const minimal = () => ({
  id: 'mine',
  title: 'My session',
  exercises: [
    {
      id: 'e1',
      title: 'One',
      plan: { postMinutes: 5, groupMinutes: 5, rotateMinutes: 5, rotations: 0 },
      areas: [{ id: 's1', title: 'A' }],
    },
  ],
});

describe('template schema', () => {
  it('accepts every catalogue template as it is', () => {
    const ids = listTemplates().map((t) => t.id);
    expect(ids).toEqual(['ssr2-copenhagen', 'blank', 'start-stop-continue', 'world-cafe']);
    for (const template of listTemplates()) {
      const parsed = parseTemplate(JSON.parse(JSON.stringify(template)));
      expect(parsed.ok ? parsed.value : parsed.issues).toEqual(template);
    }
  });

  it('fills defaults for what a template file may leave out', () => {
    const parsed = parseTemplate(minimal());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.groundRules).toEqual([]);
    expect(parsed.value.minTeamSize).toBe(DEFAULT_MIN_TEAM_SIZE);
    expect(parsed.value.exercises[0]!.areas[0]!.description).toBe('');
  });

  it.each([
    [
      'duplicate ids',
      (t: any) => t.exercises[0].areas.push({ id: 's1', title: 'B' }),
      'exercises.0.areas.1.id',
      /used twice/,
    ],
    [
      'an exercise id equal to a station id',
      (t: any) => (t.exercises[0].areas[0].id = 'e1'),
      'exercises.0.areas.0.id',
      /used twice/,
    ],
    ['no exercises', (t: any) => (t.exercises = []), 'exercises', /at least one exercise/],
    [
      'a blank station title',
      (t: any) => (t.exercises[0].areas[0].title = '  '),
      'exercises.0.areas.0.title',
      /must not be empty/,
    ],
    ['zero minutes', (t: any) => (t.exercises[0].plan.postMinutes = 0), 'exercises.0.plan.postMinutes', /more than 0/],
    ['an unknown field', (t: any) => (t.theme = 'dark'), '', /theme/],
    ['a newer version', (t: any) => (t.version = 2), 'version', /newer/],
    ['another format', (t: any) => (t.format = 'trello'), 'format', /scopeboard-template/],
    ['a bad colour', (t: any) => (t.exercises[0].areas[0].colour = 'red'), 'exercises.0.areas.0.colour', /#1f77b4/],
    [
      'a station set for a missing exercise',
      (t: any) => (t.stationSets = [{ id: 'x', title: 'X', exerciseId: 'nope', areas: [{ id: 'q', title: 'Q' }] }]),
      'stationSets.0.exerciseId',
      /no exercise "nope"/,
    ],
    ['a stage that does not exist', (t: any) => (t.exercises[0].stage = 'later'), 'exercises.0.stage', /no stage/],
  ])('refuses %s, naming the field', (_name, change, field, message) => {
    const template = minimal();
    change(template);
    const parsed = parseTemplate(template);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const issue = parsed.issues.find((i) => i.path === field);
    expect(issue, JSON.stringify(parsed.issues)).toBeDefined();
    expect(`${issue!.path} ${issue!.message}`).toMatch(message);
  });

  it('keeps docs/schema/template.schema.json current (regenerate: npx tsx scripts/writeTemplateSchema.ts)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(templateJsonSchemaText());
  });
});

describe('the Copenhagen template follows the meeting material', () => {
  const t = getTemplate('ssr2-copenhagen')!;

  it('has the six ground-rule cards of the slide, and ">3" as a minimum team of four', () => {
    expect(t.groundRules).toEqual([
      'One idea per post-it note',
      'Please print clearly',
      'Use a Sharpie pen',
      '>3 people per station',
      'Discuss, don\'t "debate"',
      'This is about ideas right now, not decisions',
    ]);
    expect(t.minTeamSize).toBe(4);
  });

  it("asks Exercise 2 in the slide's words and notes the 10 vs 15 minute discrepancy", () => {
    expect(t.exercises[1]!.question).toContain('our thoughts on the different aspects of how we will work together');
    expect(t.exercises[1]!.plan.postMinutes).toBe(10);
    expect(t.about).toMatch(/ten\s+minutes of posting on two slides and fifteen on a third/);
  });

  it('shows the decision stages and where Copenhagen got to', () => {
    expect(t.stages!.map((s) => s.title)).toEqual(['Opening', 'Exploring', 'Closing']);
    expect(t.exercises.map((e) => e.stage)).toEqual(['opening', 'opening']);
  });

  it('keeps the Bylaws clauses as default stations, says so, and offers the five qualities as an alternative set', () => {
    expect(t.exercises[0]!.areas.map((a) => a.reference)).toEqual([
      'Bylaws 4.6(c)(ii)(A)',
      'Bylaws 4.6(c)(ii)(B)',
      'Bylaws 4.6(c)(ii)(C)',
      'Bylaws 4.6(c)(iii)',
      'Bylaws 4.6(c)(iv)',
    ]);
    expect(t.about).toMatch(/never name the five areas/);
    expect(t.stationSets![0]!.areas.map((a) => a.title)).toEqual([
      'Operational stability',
      'Reliability',
      'Resiliency',
      'Security',
      'Global interoperability',
    ]);
    expect(t.mandate).toContain('4.6(c)(i)');
    expect(t.mandate).toContain(
      'operational stability, reliability, resiliency, security, and global interoperability',
    );
  });
});
