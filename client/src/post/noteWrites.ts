// What posting and editing a note need beyond drawing the form (the ops, the layout that places a new note, the
// offer to split a list into notes): the posting views load it right after their first paint (lazyNoteWrites.ts).
export { addNote } from '@shared/doc/ops.ts';
export { placeAfter } from '../canvas/notePlacer.ts';
export { noteActions } from '../list/noteActions.ts';
export { canPostParts, splitIdeas } from '@shared/ideas/splitIdeas.ts';
export { postParts } from '@shared/ideas/postParts.ts';
