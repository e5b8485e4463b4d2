// Facilitator commands and the session clock: validated by the shared phase machine, written by the server alone.
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readSession, readStations } from '@shared/doc/readBoard.ts';
import { applyCommand, type CommandResult } from '@shared/phases/applyCommand.ts';
import { nextDeadline, onDeadline } from '@shared/phases/onDeadline.ts';
import { PARTICIPANT_COMMANDS, type Command } from '@shared/phases/Command.ts';
import type { MachineState } from '@shared/phases/transitions.ts';
import { readMinTeamSize } from '@shared/model/Meta.ts';
import type { Session } from '@shared/model/Session.ts';
import type { Actor } from '@shared/rules/Change.ts';
import type { Logger } from '../log.ts';
import type { Room } from '../rooms/Room.ts';
import type { RoomRegistry, Timers } from '../rooms/RoomRegistry.ts';
import type { BoardService } from './BoardService.ts';
import type { SealedInput } from './SealedInput.ts';
import { revealSealed, settledSession, type Revealed } from './revealSealed.ts';
import { forbidden, refusalError } from './errors.ts';
import type { BoardEvents } from './boardEvents.ts';

export interface SessionServiceDeps {
  registry: RoomRegistry;
  boards: BoardService;
  now: () => number;
  timers: Timers;
  log: Logger;
  sealed: SealedInput;
  /** Where closing a board is announced (to the other servers of a cluster). */
  events?: BoardEvents;
}

export interface CommandOutcome {
  session: Session;
  notice?: string;
  joinCode?: string;
  observerCode?: string;
}

function machineState(doc: Y.Doc, room: Room): MachineState {
  // Commands run inside the room's queue: read only what the phase machine needs, never every note.
  const { exercises, areas } = readStations(doc);
  const session = readSession(doc);
  const exerciseId = session.exerciseId ?? exercises[0]?.id;
  return {
    session,
    exercises,
    stationCount: areas.filter((area) => area.exerciseId === exerciseId && !area.isLeftOut).length,
    presentParticipantIds: [
      ...new Set(
        room
          .connectedActors()
          .filter((a) => a.role === 'participant')
          .map((a) => a.participantId),
      ),
    ],
    minTeamSize: readMinTeamSize(boardMaps(doc).meta.get('minTeamSize')),
  };
}

/** Writes only the session keys whose value changed, so the doc does not grow with unchanged state. */
export function writeSession(doc: Y.Doc, session: Session): void {
  const map = boardMaps(doc).session;
  for (const [key, value] of Object.entries(session)) {
    if (JSON.stringify(map.get(key) ?? null) !== JSON.stringify(value ?? null)) map.set(key, value);
  }
}

export class SessionService {
  /** Cancels the pending deadline timer of each board with a running clock. */
  private readonly deadlines = new Map<string, () => void>();

  constructor(private readonly deps: SessionServiceDeps) {}

  async run(boardId: string, actor: Actor, command: Command): Promise<CommandOutcome> {
    if (actor.role !== 'facilitator' && !PARTICIPANT_COMMANDS.has(command.type)) {
      throw forbidden('Only the facilitator can do that.');
    }
    const people = await this.changePeople(boardId, command);
    const joinCode = command.type === 'renewJoinCode' ? await this.deps.boards.renewJoinCode(boardId) : undefined;
    return this.deps.sealed.exclusive(boardId, () =>
      this.deps.registry.with(boardId, async (room) => {
        // Closing a full board must still work; everything else would write into a board with no room left.
        const outcome = await this.changeSession(
          boardId,
          room,
          (state) => applyCommand(state, command, actor, this.deps.now()),
          command.type === 'close',
        );
        if (!outcome.ok) throw refusalError(outcome.kind, outcome.reason);
        this.schedule(boardId, outcome.session);
        if (command.type === 'close') this.deps.events?.emit({ type: 'boardClosed', boardId });
        return {
          session: outcome.session,
          ...(outcome.notice || people.notice ? { notice: outcome.notice ?? people.notice } : {}),
          ...(joinCode ? { joinCode } : {}),
          ...(people.observerCode ? { observerCode: people.observerCode } : {}),
        };
      }),
    );
  }

  /** The part of removing people and renewing the observer link that lives in the store and the open sockets. */
  private async changePeople(boardId: string, command: Command): Promise<{ notice?: string; observerCode?: string }> {
    if (command.type === 'renewObserverCode')
      return { observerCode: await this.deps.boards.renewObserverCode(boardId) };
    if (command.type !== 'removeParticipant') return {};
    if (!command.block) {
      await this.deps.boards.removeParticipant(boardId, command.participantId);
      return {};
    }
    const { isDeviceBlocked } = await this.deps.boards.removeAndBlock(boardId, command.participantId);
    return isDeviceBlocked
      ? {}
      : {
          notice:
            'Removed. Their device could not be blocked: they joined without one (an older app or a script). Renew the join code if they should not come back.',
        };
  }

  /**
   * Applies a session change computed from the board's state, in one committed update with whatever sealed input
   * the new session reveals; then lets the store forget what was revealed. Call inside `sealed.exclusive`.
   */
  private async changeSession(
    boardId: string,
    room: Room,
    compute: (state: MachineState) => CommandResult,
    evenWhenFull = false,
  ): Promise<CommandResult> {
    const pending = await this.deps.sealed.pending(boardId);
    let revealed: Revealed | undefined;
    const result = await room.change(
      (doc): CommandResult => {
        const state = machineState(doc, room);
        const computed = compute(state);
        if (!computed.ok) return computed;
        const session = settledSession(computed.session);
        writeSession(doc, session);
        if (computed.planChange)
          boardMaps(doc).exercises.get(computed.planChange.exerciseId)?.set('plan', computed.planChange.plan);
        revealed = revealSealed(doc, state.session, session, pending);
        return { ...computed, session };
      },
      { evenWhenFull },
    );
    if (revealed) await this.deps.sealed.forget(boardId, revealed);
    return result;
  }

  /** Arms the board's deadline timer for the session's next deadline (or disarms it). */
  schedule(boardId: string, session: Session): void {
    this.disarm(boardId);
    const at = nextDeadline(session);
    if (at === null) return;
    const cancel = this.deps.timers.setTimeout(() => void this.fire(boardId), Math.max(0, at - this.deps.now()));
    this.deadlines.set(boardId, cancel);
  }

  private async fire(boardId: string): Promise<void> {
    this.deadlines.delete(boardId);
    try {
      const session = await this.deps.sealed.exclusive(boardId, () =>
        this.deps.registry.with(boardId, async (room) => {
          const outcome = await this.changeSession(
            boardId,
            room,
            (state) => {
              const result = onDeadline(state, this.deps.now());
              return { ok: true as const, session: result.changed ? result.session : state.session };
            },
            true,
          );
          if (!outcome.ok) throw new Error(outcome.reason);
          return outcome.session;
        }),
      );
      this.schedule(boardId, session);
    } catch (error) {
      this.deps.log.error('session deadline failed', { boardId, error: (error as Error).message });
    }
  }

  /** Re-arms the clock of a board whose room was just loaded (after a restart, deadlines live on in the doc). */
  async resume(boardId: string): Promise<void> {
    const session = await this.deps.registry.with(boardId, (room) => room.read(readSession));
    this.schedule(boardId, session);
  }

  /** Cancels one board's deadline timer: this server no longer holds the board (its new holder re-arms it on load). */
  disarm(boardId: string): void {
    this.deadlines.get(boardId)?.();
    this.deadlines.delete(boardId);
  }

  /** Boards whose deadline timer is armed on this server. */
  get armedCount(): number {
    return this.deadlines.size;
  }

  stopAll(): void {
    for (const cancel of this.deadlines.values()) cancel();
    this.deadlines.clear();
  }
}
