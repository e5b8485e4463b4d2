// What a template is: the exercises, their stations and plans, and the ground rules shown to everyone.
import type { PhasePlan } from '../model/Exercise.ts';

export interface TemplateArea {
  id: string;
  title: string;
  description: string;
  reference?: string;
}

export interface TemplateExercise {
  id: string;
  title: string;
  question: string;
  plan: PhasePlan;
  areas: TemplateArea[];
}

export interface Template {
  id: string;
  title: string;
  /** One paragraph on where the template comes from. */
  about: string;
  groundRules: string[];
  exercises: TemplateExercise[];
  /** Minimum people per team (the ground rule ">3"); the facilitator may lower it. */
  minTeamSize: number;
  /** Sections of the scope document that the export fills from the board. */
  mandate: string;
  deadline?: { label: string; date: string };
}
