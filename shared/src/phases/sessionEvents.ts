// Appends the session events the export's session record lists: pauses, resumes, extensions, setup and closing.
import type { Session, SessionEvent } from '../model/Session.ts';
import type { Command } from './Command.ts';

/** The event a facilitator command leaves in the session, judged from the session before and after it. */
function eventsFor(before: Session, after: Session, command: Command, now: number): SessionEvent[] {
  const base = (kind: SessionEvent['kind']): SessionEvent => {
    const event: SessionEvent = { kind, at: now, exerciseId: before.exerciseId, phase: before.phase };
    if (before.rotation > 0) event.rotation = before.rotation;
    return event;
  };
  const events: SessionEvent[] = [];
  if (command.type === 'pause' || command.type === 'resume') events.push(base(command.type));
  if (command.type === 'extend') events.push({ ...base('extend'), minutes: command.minutes });
  if (command.type === 'close') events.push(base('close'));
  if (command.type === 'reopen') events.push(base('reopen'));
  // Setup of an exercise: entered from another phase, or switched to another exercise while in setup.
  if (after.phase === 'setup' && (before.phase !== 'setup' || before.exerciseId !== after.exerciseId)) {
    events.push({ kind: 'setup', at: now, exerciseId: after.exerciseId, phase: before.phase });
  }
  return events;
}

/** The session after a command, with its events appended; unchanged when the command leaves none. */
export function withSessionEvents(before: Session, after: Session, command: Command, now: number): Session {
  const events = eventsFor(before, after, command, now);
  return events.length === 0 ? after : { ...after, events: [...after.events, ...events] };
}
