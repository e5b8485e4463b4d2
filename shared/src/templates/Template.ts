// What a template is: the exercises, their stations and plans, and the ground rules shown to everyone (see templateSchema).
export type {
  StationSet,
  Template,
  TemplateArea,
  TemplateExercise,
  TemplateInput,
  TemplateStage,
} from './templateSchema.ts';
export type { DocumentDefaults, PlannedMeeting, WorkSectionKey } from './documentDefaults.ts';
