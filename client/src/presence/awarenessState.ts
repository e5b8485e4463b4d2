// Reads awareness states defensively: `user` is stamped by the server, `drag` is whatever a peer sent.
import { isRole, type Role } from '@shared/model/Role.ts';

export interface PeerUser {
  participantId: string;
  name: string;
  role: Role;
}

/** A note someone else is dragging right now, in board coordinates. */
export interface RemoteDrag {
  clientId: number;
  noteId: string;
  x: number;
  y: number;
  name: string;
}

export function readUser(state: Record<string, unknown> | undefined): PeerUser | undefined {
  const user = state?.user as Record<string, unknown> | undefined;
  if (!user || typeof user !== 'object') return undefined;
  const { participantId, name, role } = user;
  if (typeof participantId !== 'string' || typeof name !== 'string' || !isRole(role)) return undefined;
  return { participantId, name, role };
}

export function readDrag(clientId: number, state: Record<string, unknown> | undefined): RemoteDrag | undefined {
  const drag = state?.drag as Record<string, unknown> | undefined | null;
  if (!drag || typeof drag !== 'object') return undefined;
  const { noteId, x, y } = drag;
  if (typeof noteId !== 'string' || typeof x !== 'number' || typeof y !== 'number') return undefined;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  return { clientId, noteId, x, y, name: readUser(state)?.name ?? 'Someone' };
}

const roleRank: Record<Role, number> = { facilitator: 0, participant: 1, observer: 2 };

/** One entry per person (several tabs of one person count once), facilitators first, then by name. */
export function peopleFrom(states: Map<number, Record<string, unknown>>, self: PeerUser): PeerUser[] {
  const people = new Map<string, PeerUser>([[self.participantId, self]]);
  for (const state of states.values()) {
    const user = readUser(state);
    if (user && !people.has(user.participantId)) people.set(user.participantId, user);
  }
  return [...people.values()].sort((a, b) => roleRank[a.role] - roleRank[b.role] || a.name.localeCompare(b.name));
}

export function samePeople(a: readonly PeerUser[], b: readonly PeerUser[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return p.participantId === q.participantId && p.name === q.name && p.role === q.role;
    })
  );
}
