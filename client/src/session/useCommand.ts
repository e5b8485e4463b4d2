// React state around sending commands: which one is in flight, the last error and notice, in words, for one panel.
import { useCallback, useState } from 'react';
import type { Command } from '@shared/phases/Command.ts';
import { describeFailure } from '../app/http.ts';
import { sendCommand, type CommandAnswer } from './commands.ts';

export interface CommandRunner {
  /** Sends the command; resolves with the answer, or null when it was refused (the error is then set). */
  run: (command: Command) => Promise<CommandAnswer | null>;
  /** The type of the command in flight, if any. */
  pending: Command['type'] | null;
  error: string | null;
  notice: string | null;
  clear: () => void;
}

export interface CommandTarget {
  boardId: string;
  token: string;
}

/** Each panel holds its own runner, so errors show up next to the controls that caused them. */
export function useCommand({ boardId, token }: CommandTarget): CommandRunner {
  const [pending, setPending] = useState<Command['type'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useCallback(
    async (command: Command) => {
      setPending(command.type);
      setError(null);
      try {
        const answer = await sendCommand(boardId, token, command);
        setNotice(answer.notice ?? null);
        return answer;
      } catch (failure) {
        setNotice(null);
        setError(describeFailure(failure, 'That did not work. Try again.'));
        return null;
      } finally {
        setPending(null);
      }
    },
    [boardId, token],
  );
  const clear = useCallback(() => {
    setError(null);
    setNotice(null);
  }, []);
  return { run, pending, error, notice, clear };
}
