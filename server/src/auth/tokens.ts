// Secrets: generation (nanoid, at least 126 bits), hashing for storage, constant-time comparison.
import { createHash, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';

/** 24 nanoid characters = 144 random bits. */
export function newSecret(): string {
  return nanoid(24);
}

/** Board ids are not secrets (links carry separate codes), but must not collide: 16 chars = 96 bits. */
export function newBoardId(): string {
  return nanoid(16);
}

export function newParticipantId(): string {
  return nanoid(12);
}

/** Tokens are stored as SHA-256 hashes, so a copy of the database does not hand out sessions. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two secrets in time independent of where they differ. */
export function secretsEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}
