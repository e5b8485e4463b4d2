// The HTTP API's replies (docs/api.md), one zod schema and one type each: the client validates what it receives.
import { z } from '../model/zod.ts';

/** A refusal: `code` for programs, `message` in words for the person. */
export const ErrorReply = z.object({
  error: z.object({ code: z.optional(z.string()), message: z.optional(z.string()) }),
});

const Links = z.object({ facilitator: z.string(), participant: z.string(), observer: z.string() });

/** POST /api/boards and POST /api/boards/:id/carry-forward. */
export const CreatedBoardReply = z.object({
  boardId: z.string(),
  facilitatorToken: z.string(),
  joinCode: z.string(),
  observerCode: z.string(),
  links: Links,
});
export type CreatedBoard = z.infer<typeof CreatedBoardReply>;

/** POST /api/boards/:id/join. */
export const JoinedReply = z.object({
  participantId: z.string(),
  token: z.string(),
  role: z.enum(['participant', 'observer']),
});
export type Joined = z.infer<typeof JoinedReply>;

/** GET /api/boards/:id/me. */
export const MeReply = z.object({
  participantId: z.string(),
  name: z.string(),
  role: z.enum(['facilitator', 'participant', 'observer']),
  boardId: z.string(),
  title: z.optional(z.string()),
  isArchived: z.optional(z.boolean()),
});
export type Me = z.infer<typeof MeReply>;

/** GET /api/boards/:id/links (facilitator only). */
export const LinksReply = z.object({ links: z.partial(Links, { facilitator: true }) });
export type BoardLinks = z.infer<typeof LinksReply>['links'];

/** POST /api/boards/:id/commands: the session as the server left it (read leniently by parseSession). */
export const CommandReply = z.object({
  session: z.record(z.string(), z.unknown()),
  notice: z.optional(z.string()),
  joinCode: z.optional(z.string()),
  observerCode: z.optional(z.string()),
});
export type CommandReplyBody = z.infer<typeof CommandReply>;

export const PrivateNoteReply = z.object({
  id: z.string(),
  areaId: z.string(),
  text: z.string(),
  createdAt: z.number(),
});
export const PrivateNotesReply = z.object({ notes: z.array(PrivateNoteReply) });

export const MyVotesReply = z.object({
  votes: z.record(z.string(), z.number()),
  votesPerPerson: z.number(),
  remaining: z.number(),
  isOpen: z.boolean(),
});

/** GET /api/time: the server's epoch ms. */
export const TimeReply = z.object({ now: z.number() });

/** Any 2xx reply whose body the client does not read. */
export const AnyReply = z.unknown();
