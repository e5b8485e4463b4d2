// Board lifecycle over the store and the rooms: create from a template, join by code, authenticate tokens.
import * as Y from 'yjs';
import { carryForward } from '@shared/doc/carryForward.ts';
import { TITLE_MAX } from '@shared/model/limits.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { buildFromTemplate } from './createFromTemplate.ts';
import { buildFromImport } from './boardImport.ts';
import type { CreatedBoard, Joined } from '@shared/api/replies.ts';
import type { Actor } from '@shared/rules/Change.ts';
import type { Logger } from '../log.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import { CLOSE } from '../rooms/Peer.ts';
import type { BoardDirectory, BoardRecord, ParticipantRecord } from '../storage/BoardDirectory.ts';
import { hashSecret, newBoardId, newParticipantId, newSecret, secretsEqual } from '../auth/tokens.ts';
import { badRequest, boardFull, conflict, forbidden, notFound } from './errors.ts';
import type { BoardEvents } from './boardEvents.ts';
import { readWholeBoard } from '../rooms/boardReaders.ts';

/** A new board's id and secrets; the HTTP edge adds the links of the API's reply. */
export type NewBoard = Omit<CreatedBoard, 'links'>;

export interface BoardServiceDeps {
  storage: BoardDirectory;
  registry: RoomRegistry;
  /** People (participants and observers, not counting the facilitator) who may join one board. */
  maxParticipantsPerBoard: number;
  now: () => number;
  log: Logger;
  /** Most notes a board holds (an import with more is refused); 10 000 unless configured. */
  maxNotesPerBoard?: number;
  /** Where removals, renewals and archiving are announced (to the other servers of a cluster). */
  events?: BoardEvents;
}

const DEFAULT_MAX_NOTES = 10_000;

/** Writes a participant's public record (never the token) into the board doc. */
function writeParticipant(doc: Y.Doc, participant: ParticipantRecord): void {
  const record = new Y.Map<unknown>();
  record.set('id', participant.participantId);
  record.set('name', participant.name);
  record.set('role', participant.role);
  record.set('joinedAt', participant.joinedAt);
  boardMaps(doc).participants.set(participant.participantId, record);
}

export class BoardService {
  constructor(private readonly deps: BoardServiceDeps) {}

  /** A new board from a template (an id or an inline object) or from an imported JSON export. */
  async create(input: {
    title?: string;
    template?: unknown;
    stationSet?: string;
    import?: unknown;
  }): Promise<NewBoard> {
    const now = this.deps.now();
    const built =
      input.import !== undefined
        ? buildFromImport({ ...input, import: input.import }, now, this.deps.maxNotesPerBoard ?? DEFAULT_MAX_NOTES)
        : buildFromTemplate(input, now);
    return this.store(built.doc, built.title, built.templateId);
  }

  /** A new board that starts from another's exercises, stations, notes and groups (the next meeting). */
  async carryForward(sourceId: string, input: { title?: string }): Promise<NewBoard> {
    const source = await this.getBoard(sourceId);
    const board = await this.deps.registry.with(sourceId, (room) => room.read(readWholeBoard));
    const title = (input.title ?? `${source.title} (continued)`).trim().slice(0, TITLE_MAX);
    const doc = new Y.Doc();
    carryForward(board, doc, {
      title,
      createdAt: this.deps.now(),
      templateId: source.templateId,
      endedAt: this.deps.now(),
    });
    return this.store(doc, title, source.templateId);
  }

  async setArchived(boardId: string, isArchived: boolean): Promise<void> {
    await this.getBoard(boardId);
    await this.deps.storage.setArchived(boardId, isArchived);
    if (isArchived) this.deps.events?.emit({ type: 'boardArchived', boardId });
  }

  /** Stores a freshly built board doc with its secrets and its facilitator. */
  private async store(doc: Y.Doc, title: string, templateId: string): Promise<NewBoard> {
    const now = this.deps.now();
    const facilitatorToken = newSecret();
    const board: BoardRecord = {
      boardId: newBoardId(),
      title: title.trim(),
      templateId,
      createdAt: now,
      facilitatorTokenHash: hashSecret(facilitatorToken),
      joinCode: newSecret(),
      observerCode: newSecret(),
      isArchived: false,
    };
    const facilitator: ParticipantRecord = {
      participantId: newParticipantId(),
      boardId: board.boardId,
      name: 'Facilitator',
      role: 'facilitator',
      tokenHash: board.facilitatorTokenHash,
      joinedAt: now,
      isRemoved: false,
    };
    doc.transact(() => writeParticipant(doc, facilitator));
    await this.deps.storage.createBoard(board, facilitator, Y.encodeStateAsUpdate(doc));
    doc.destroy();
    this.deps.log.info('board created', { boardId: board.boardId, templateId });
    return { boardId: board.boardId, facilitatorToken, joinCode: board.joinCode, observerCode: board.observerCode };
  }

  async getBoard(boardId: string): Promise<BoardRecord> {
    const board = await this.deps.storage.getBoard(boardId);
    if (!board) throw notFound();
    return board;
  }

  async join(boardId: string, input: { code: string; name: string; deviceId?: string | undefined }): Promise<Joined> {
    const board = await this.getBoard(boardId);
    // Both comparisons always run, so the time taken does not tell which code was close.
    const isParticipant = secretsEqual(input.code, board.joinCode);
    const isObserver = secretsEqual(input.code, board.observerCode);
    if (!isParticipant && !isObserver) {
      throw forbidden('That join code is not valid for this board. Ask the facilitator for the current link.');
    }
    if (board.isArchived) throw forbidden('This board is archived. Ask the facilitator to reopen it.');
    const deviceHash = await this.unblockedDevice(boardId, input.deviceId);
    const { joined, isFull } = await this.deps.registry.with(boardId, (room) =>
      room.read((doc) => ({ joined: boardMaps(doc).participants.size, isFull: room.isFull })),
    );
    if (isFull) throw boardFull();
    // The doc also holds the facilitator's record.
    if (joined - 1 >= this.deps.maxParticipantsPerBoard) {
      throw conflict(`This board is full: at most ${this.deps.maxParticipantsPerBoard} people can join it.`);
    }
    const token = newSecret();
    const role: Joined['role'] = isParticipant ? 'participant' : 'observer';
    const participant: ParticipantRecord = {
      participantId: newParticipantId(),
      boardId,
      name: input.name,
      role,
      tokenHash: hashSecret(token),
      joinedAt: this.deps.now(),
      isRemoved: false,
      ...(deviceHash ? { deviceHash } : {}),
    };
    await this.deps.storage.addParticipant(participant);
    await this.deps.registry.with(boardId, (room) => room.change((doc) => writeParticipant(doc, participant)));
    this.deps.log.info('participant joined', {
      boardId,
      participantId: participant.participantId,
      role: participant.role,
    });
    return { participantId: participant.participantId, token, role };
  }

  /** The actor a token stands for on this board, or undefined (unknown, wrong board, or removed). */
  async authenticate(boardId: string, token: string | undefined | null): Promise<Actor | undefined> {
    if (!token || token.length > 200) return undefined;
    const participant = await this.deps.storage.findParticipantByTokenHash(boardId, hashSecret(token));
    if (!participant || participant.isRemoved || !secretsEqual(participant.tokenHash, hashSecret(token)))
      return undefined;
    return { participantId: participant.participantId, name: participant.name, role: participant.role };
  }

  /** Removes a participant: the token stops working and open connections close at once. */
  async removeParticipant(boardId: string, participantId: string): Promise<void> {
    const participant = await this.deps.storage.getParticipant(boardId, participantId);
    if (!participant) throw notFound('participant');
    if (participant.role === 'facilitator') throw badRequest('The facilitator cannot be removed.');
    await this.deps.storage.removeParticipant(boardId, participantId);
    this.deps.events?.emit({ type: 'participantRemoved', boardId, participantId });
    await this.deps.registry.with(boardId, async (room) => {
      await room.change((doc) => boardMaps(doc).participants.get(participantId)?.set('isRemoved', true), {
        evenWhenFull: true,
      });
      room.closePeers(
        (actor) => actor.participantId === participantId,
        CLOSE.badToken,
        'You were removed from this board by the facilitator.',
      );
    });
  }

  async renewJoinCode(boardId: string): Promise<string> {
    const joinCode = newSecret();
    await this.deps.storage.setJoinCode(boardId, joinCode);
    this.deps.events?.emit({ type: 'joinCodeRenewed', boardId });
    return joinCode;
  }

  /** A new observer code: observers who joined with the old one are removed, their connections closed. */
  async renewObserverCode(boardId: string): Promise<string> {
    const observerCode = newSecret();
    await this.deps.storage.setObserverCode(boardId, observerCode);
    const observerIds = await this.deps.registry.with(boardId, (room) =>
      room.read((doc) => {
        const ids: string[] = [];
        boardMaps(doc).participants.forEach((record, id) => {
          if (record.get('role') === 'observer' && record.get('isRemoved') !== true) ids.push(id);
        });
        return ids;
      }),
    );
    for (const id of observerIds) await this.deps.storage.removeParticipant(boardId, id);
    await this.deps.registry.with(boardId, async (room) => {
      if (observerIds.length > 0) {
        await room.change(
          (doc) => observerIds.forEach((id) => boardMaps(doc).participants.get(id)?.set('isRemoved', true)),
          { evenWhenFull: true },
        );
      }
      room.closePeers(
        (actor) => actor.role === 'observer',
        CLOSE.badToken,
        'The facilitator renewed the observer link. Ask for the new one to keep watching.',
      );
    });
    // Other servers re-check the observers' sockets they proxy for this board (cluster/accessEvents.ts).
    this.deps.events?.emit({ type: 'observerCodeRenewed', boardId });
    this.deps.log.info('observer code renewed', { boardId, observersRemoved: observerIds.length });
    return observerCode;
  }

  /**
   * Removes a participant and refuses the device they joined from on this board from now on.
   * Tells whether a device was blocked: someone who joined without a device id can only be removed.
   */
  async removeAndBlock(boardId: string, participantId: string): Promise<{ isDeviceBlocked: boolean }> {
    const participant = await this.deps.storage.getParticipant(boardId, participantId);
    if (!participant) throw notFound('participant');
    if (participant.role === 'facilitator') throw badRequest('The facilitator cannot be removed.');
    if (participant.deviceHash) await this.deps.storage.blockDevice(boardId, participant.deviceHash, this.deps.now());
    await this.removeParticipant(boardId, participantId);
    this.deps.log.info('participant removed and blocked', { boardId, participantId });
    return { isDeviceBlocked: participant.deviceHash !== undefined };
  }

  /** The stored hash of a joining device, or undefined without one; refuses a device blocked on this board. */
  private async unblockedDevice(boardId: string, deviceId: string | undefined): Promise<string | undefined> {
    if (deviceId === undefined) return undefined;
    const deviceHash = deviceHashOf(boardId, deviceId);
    if (await this.deps.storage.isDeviceBlocked(boardId, deviceHash)) {
      throw forbidden(
        'The facilitator removed you from this board and blocked this device, so it cannot join again. Talk to the facilitator if you think this is a mistake.',
      );
    }
    return deviceHash;
  }
}

/** Device ids are hashed per board: the store never holds one, and two boards' hashes of one device differ. */
export function deviceHashOf(boardId: string, deviceId: string): string {
  return hashSecret(`${boardId}:${deviceId}`);
}
