// Fills an empty board doc from a validated template: meta, exercises, stations (optionally another station set), options.
import type * as Y from 'yjs';
import { writeNewMeta } from '../doc/carryForward.ts';
import { boardMaps, toRecordMap, type Origin } from '../doc/boardDoc.ts';
import type { Template, TemplateArea } from './Template.ts';
import { templateInfoOf } from './templateInfo.ts';
import { planRecord } from '../phases/planPhases.ts';

export interface ApplyTemplateInput {
  title: string;
  createdAt: number;
  /** Id of one of the template's stationSets, replacing that exercise's stations. */
  stationSetId?: string;
}

/** The stations each exercise gets, after swapping in the chosen station set. */
export function stationsFor(template: Template, stationSetId: string | undefined): Map<string, TemplateArea[]> {
  const set = stationSetId === undefined ? undefined : template.stationSets?.find((s) => s.id === stationSetId);
  return new Map(template.exercises.map((e) => [e.id, set && set.exerciseId === e.id ? set.areas : e.areas]));
}

/** Writes the template into `doc` in one transaction; the session starts in setup on the first exercise. */
export function applyTemplate(doc: Y.Doc, template: Template, input: ApplyTemplateInput): void {
  const maps = boardMaps(doc);
  const stations = stationsFor(template, input.stationSetId);
  doc.transact(() => {
    writeNewMeta(maps, {
      ...input,
      templateId: template.id,
      groundRules: template.groundRules,
      minTeamSize: template.minTeamSize,
      templateInfo: templateInfoOf(template),
    });
    template.exercises.forEach((exercise, exerciseIndex) => {
      const { id, title, question, plan } = exercise;
      maps.exercises.set(id, toRecordMap({ id, title, question, order: exerciseIndex, plan: planRecord(plan) }));
      (stations.get(id) ?? []).forEach((area, areaIndex) => {
        maps.areas.set(
          area.id,
          toRecordMap({
            id: area.id,
            exerciseId: id,
            title: area.title,
            description: area.description,
            order: areaIndex,
            reference: area.reference || undefined,
            colour: area.colour,
            isLeftOut: area.isLeftOut === true ? true : undefined,
          }),
        );
      });
    });
    maps.session.set('phase', 'setup');
    maps.session.set('exerciseId', template.exercises[0]?.id ?? null);
    const options = template.options ?? {};
    if (options.observersMayPost) maps.session.set('observersMayPost', true);
    if (options.privatePosting) maps.session.set('privatePosting', true);
    if (options.votingEnabled) maps.session.set('votingEnabled', true);
  }, 'template' satisfies Origin);
}
