// Sealed input: private notes and dot votes, kept by the server outside the board doc so no browser receives them early.
import { nanoid } from 'nanoid';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readSession, readStations } from '@shared/doc/readBoard.ts';
import { isPostingPrivate, isVoteOpen, type Session } from '@shared/model/Session.ts';
import type { Actor } from '@shared/rules/Change.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import { SerialQueue } from '../rooms/SerialQueue.ts';
import type { PrivateNoteRecord, SealedStore } from '../storage/SealedStore.ts';
import { conflict, forbidden, badRequest, notFound } from './errors.ts';
import { countByArea, type PendingSealed, type Revealed } from './revealSealed.ts';
import type { MyVotes, PrivateNote } from '@shared/model/Sealed.ts';

export interface SealedInputDeps {
  storage: SealedStore;
  registry: RoomRegistry;
  now: () => number;
  /** Most notes a board holds, counting the sealed ones. */
  maxNotesPerBoard: number;
}

function toPrivateNote(record: PrivateNoteRecord): PrivateNote {
  return { id: record.noteId, areaId: record.areaId, text: record.text, createdAt: record.createdAt };
}

export class SealedInput {
  /** Each board's queue of sealed operations; an entry is dropped once its queue is idle. */
  private readonly queues = new Map<string, SerialQueue>();

  constructor(private readonly deps: SealedInputDeps) {}

  /**
   * Runs `task` alone among the board's sealed operations and session changes, so a note cannot be stored
   * after the reveal that should have included it.
   */
  exclusive<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(boardId);
    if (!queue) {
      queue = new SerialQueue();
      this.queues.set(boardId, queue);
    }
    const run = queue.run(task);
    const settled = queue;
    void settled.idle().then(() => {
      if (settled.isIdle && this.queues.get(boardId) === settled) this.queues.delete(boardId);
    });
    return run;
  }

  /** What the store holds sealed for the board; read (inside `exclusive`) before a session change. */
  async pending(boardId: string): Promise<PendingSealed> {
    const [notes, votes] = await Promise.all([
      this.deps.storage.listPrivateNotes(boardId),
      this.deps.storage.listVotes(boardId),
    ]);
    return { notes, votes };
  }

  /** Forgets what a committed session change revealed. */
  async forget(boardId: string, revealed: Revealed): Promise<void> {
    if (revealed.noteIds.length > 0) await this.deps.storage.deletePrivateNotes(boardId, revealed.noteIds);
    if (revealed.clearVotes) await this.deps.storage.clearVotes(boardId);
  }

  // ---- private notes ----

  async listNotes(boardId: string, actor: Actor): Promise<PrivateNote[]> {
    this.mayPost(actor, await this.session(boardId));
    return (await this.deps.storage.listPrivateNotes(boardId, actor.participantId)).map(toPrivateNote);
  }

  async addNote(boardId: string, actor: Actor, input: { areaId: string; text: string }): Promise<PrivateNote> {
    return this.exclusive(boardId, () =>
      this.deps.registry.with(boardId, async (room) => {
        const board = await room.read((doc) => ({
          ...readStations(doc),
          session: readSession(doc),
          noteCount: boardMaps(doc).notes.size,
        }));
        this.mayPostPrivately(actor, board.session);
        const area = board.areas.find((a) => a.id === input.areaId);
        if (!area || area.exerciseId !== board.session.exerciseId) {
          throw badRequest('That station is not part of the exercise being run.');
        }
        const sealed = await this.deps.storage.listPrivateNotes(boardId);
        if (board.noteCount + sealed.length >= this.deps.maxNotesPerBoard) {
          throw conflict(`This board is full: it holds at most ${this.deps.maxNotesPerBoard} notes.`);
        }
        const record: PrivateNoteRecord = {
          boardId,
          noteId: nanoid(),
          participantId: actor.participantId,
          areaId: area.id,
          text: input.text,
          createdAt: this.deps.now(),
        };
        await this.deps.storage.addPrivateNote(record);
        await this.writeCounts(boardId, [...sealed, record]);
        return toPrivateNote(record);
      }),
    );
  }

  async editNote(boardId: string, actor: Actor, noteId: string, text: string): Promise<PrivateNote> {
    return this.exclusive(boardId, async () => {
      this.mayPostPrivately(actor, await this.session(boardId));
      const record = await this.ownNote(boardId, actor, noteId);
      await this.deps.storage.updatePrivateNote(boardId, noteId, text);
      return toPrivateNote({ ...record, text });
    });
  }

  async deleteNote(boardId: string, actor: Actor, noteId: string): Promise<void> {
    return this.exclusive(boardId, async () => {
      this.mayPostPrivately(actor, await this.session(boardId));
      await this.ownNote(boardId, actor, noteId);
      await this.deps.storage.deletePrivateNotes(boardId, [noteId]);
      await this.writeCounts(boardId, await this.deps.storage.listPrivateNotes(boardId));
    });
  }

  // ---- votes ----

  async myVotes(boardId: string, actor: Actor): Promise<MyVotes> {
    this.mayVote(actor);
    return this.votesOf(boardId, actor, await this.session(boardId));
  }

  /** Sets this person's dots on one note of the exercise being voted on, within their allowance. */
  async setVote(boardId: string, actor: Actor, noteId: string, count: number): Promise<MyVotes> {
    this.mayVote(actor);
    return this.exclusive(boardId, () =>
      this.deps.registry.with(boardId, async (room) => {
        const { session, noteExercise } = await room.read((doc) => {
          const maps = boardMaps(doc);
          const areaId = maps.notes.get(noteId)?.get('areaId');
          return {
            session: readSession(doc),
            noteExercise: typeof areaId === 'string' ? maps.areas.get(areaId)?.get('exerciseId') : undefined,
          };
        });
        if (session.phase !== 'vote') throw conflict('Voting is not open: the room is not in the vote phase.');
        if (session.votesRevealed) throw conflict('The votes are revealed: voting is over.');
        if (noteExercise === undefined || noteExercise !== session.exerciseId) throw notFound('note in this vote');
        if (count > session.votesPerPerson) throw badRequest(`You have ${session.votesPerPerson} votes in all.`);
        const mine = await this.deps.storage.listVotes(boardId, actor.participantId);
        const elsewhere = mine.filter((v) => v.noteId !== noteId).reduce((sum, v) => sum + v.count, 0);
        if (elsewhere + count > session.votesPerPerson) {
          const left = session.votesPerPerson - elsewhere;
          throw conflict(
            `You have ${left} ${left === 1 ? 'vote' : 'votes'} left for this note: take dots off another note first.`,
          );
        }
        await this.deps.storage.setVote({ boardId, participantId: actor.participantId, noteId, count });
        const voters = new Set((await this.deps.storage.listVotes(boardId)).map((v) => v.participantId)).size;
        // Only how many people have voted is shared before the reveal; never a note's dots.
        await room.change((doc) => {
          if (boardMaps(doc).session.get('votersCount') !== voters) boardMaps(doc).session.set('votersCount', voters);
        });
        return this.votesOf(boardId, actor, session);
      }),
    );
  }

  // ---- helpers ----

  private async session(boardId: string): Promise<Session> {
    return this.deps.registry.with(boardId, (room) => room.read(readSession));
  }

  private mayPost(actor: Actor, session: Session): void {
    if (actor.role === 'facilitator')
      throw forbidden('The facilitator posts on the board directly; private posting is for participants.');
    if (actor.role === 'observer' && !session.observersMayPost) throw forbidden('Observers can only read this board.');
  }

  private mayPostPrivately(actor: Actor, session: Session): void {
    this.mayPost(actor, session);
    if (!isPostingPrivate(session)) {
      throw conflict(
        session.privatePosting
          ? `Private notes can be written only in the post phase; the room is in the ${session.phase} phase.`
          : 'Private posting is off: post on the board.',
      );
    }
  }

  private mayVote(actor: Actor): void {
    if (actor.role !== 'participant') throw forbidden('Only participants vote.');
  }

  private async ownNote(boardId: string, actor: Actor, noteId: string): Promise<PrivateNoteRecord> {
    const record = await this.deps.storage.getPrivateNote(boardId, noteId);
    // Someone else's note answers as missing: its existence is private too.
    if (!record || record.participantId !== actor.participantId) throw notFound('private note');
    return record;
  }

  private async votesOf(boardId: string, actor: Actor, session: Session): Promise<MyVotes> {
    const mine = isVoteOpen(session) ? await this.deps.storage.listVotes(boardId, actor.participantId) : [];
    const votes = Object.fromEntries(mine.map((v) => [v.noteId, v.count]));
    const used = mine.reduce((sum, v) => sum + v.count, 0);
    return {
      votes,
      votesPerPerson: session.votesPerPerson,
      remaining: Math.max(0, session.votesPerPerson - used),
      isOpen: isVoteOpen(session),
    };
  }

  /** Shares how many private notes each station holds (never their text) through the session map. */
  private async writeCounts(boardId: string, notes: readonly PrivateNoteRecord[]): Promise<void> {
    const counts = countByArea(notes);
    await this.deps.registry.with(boardId, (room) =>
      room.change((doc) => {
        const session = boardMaps(doc).session;
        if (JSON.stringify(session.get('privateCounts') ?? {}) !== JSON.stringify(counts))
          session.set('privateCounts', counts);
      }),
    );
  }
}
