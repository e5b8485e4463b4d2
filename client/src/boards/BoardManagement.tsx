// Board management for the facilitator: carry the board forward to a new one, archive or unarchive it.
import { useId, useState, type FormEvent } from 'react';
import { TITLE_MAX } from '@shared/model/limits.ts';
import { fetchIsArchived, setBoardArchived } from './boardApi.ts';
import { carryForwardAndRemember, type CarriedBoard } from './carryForward.ts';
import { describeFailure } from '../app/http.ts';
import { useApi } from '../app/useApi.ts';

export interface BoardManagementProps {
  boardId: string;
  token: string;
  title: string;
  storage: Storage;
  now: () => number;
}

export function BoardManagement({ boardId, token, title, storage, now }: BoardManagementProps) {
  const headingId = useId();
  const titleId = useId();
  const [newTitle, setNewTitle] = useState(`${title} (continued)`.slice(0, TITLE_MAX));
  const [carried, setCarried] = useState<CarriedBoard | null>(null);
  const [isCarrying, setCarrying] = useState(false);
  const [carryError, setCarryError] = useState<string | null>(null);
  // null: the server did not say (or not yet); both actions are then offered (each is safe to repeat).
  const archived = useApi(`${boardId} ${token}`, () => fetchIsArchived(boardId, token), '');
  const isArchived = archived.value ?? null;
  const setArchived = archived.set;
  const [isArchiving, setArchiving] = useState(false);
  const [archiveMessage, setArchiveMessage] = useState<string | null>(null);
  const [archiveError, setArchiveError] = useState<string | null>(null);

  const onCarry = async (event: FormEvent) => {
    event.preventDefault();
    setCarrying(true);
    setCarryError(null);
    try {
      setCarried(await carryForwardAndRemember({ boardId, token, title: newTitle, storage, now }));
    } catch (error) {
      setCarryError(describeFailure(error, 'The new board could not be created. Please try again.'));
    } finally {
      setCarrying(false);
    }
  };

  const archive = async (archived: boolean) => {
    setArchiving(true);
    setArchiveError(null);
    try {
      await setBoardArchived(boardId, token, archived);
      setArchived(archived);
      setArchiveMessage(
        archived
          ? 'The board is archived: it is closed and refuses new joins. Its notes stay, and you can still export it.'
          : 'The board is no longer archived. It stays closed until you reopen it from the console ("Reopen board").',
      );
    } catch (error) {
      setArchiveError(describeFailure(error, 'That did not work. Please try again.'));
    } finally {
      setArchiving(false);
    }
  };

  return (
    <section className="panel board-management" aria-labelledby={headingId}>
      <h2 id={headingId}>Manage this board</h2>
      <form onSubmit={(event) => void onCarry(event)}>
        <h3>Carry forward to a new board</h3>
        <p className="hint">
          A new board with this one's exercises, stations, notes and groups, for the next session. This board stays as
          it is.
        </p>
        <div className="field">
          <label htmlFor={titleId}>Title of the new board</label>
          <input
            id={titleId}
            value={newTitle}
            maxLength={TITLE_MAX}
            dir="auto"
            required
            onChange={(event) => setNewTitle(event.target.value)}
          />
        </div>
        <button type="submit" disabled={isCarrying || newTitle.trim() === ''}>
          {isCarrying ? 'Creating the new board…' : 'Carry forward to a new board'}
        </button>
        {carryError && (
          <p className="error" role="alert">
            {carryError}
          </p>
        )}
      </form>
      {carried && (
        <div className="carried" role="status">
          <p>
            The new board <strong dir="auto">{carried.title}</strong> is ready. It is listed on the start page of this
            browser.
          </p>
          <p>
            <a href={carried.facilitatorLink}>Open the new board</a>
          </p>
        </div>
      )}
      <h3>Archive</h3>
      <p className="hint">
        Archiving closes the board and refuses new joins. Unarchive it, then reopen it from the console, to go on.
      </p>
      <div className="board-actions">
        {isArchived !== true && (
          <button type="button" disabled={isArchiving} onClick={() => void archive(true)}>
            Archive board
          </button>
        )}
        {isArchived !== false && (
          <button type="button" className="secondary" disabled={isArchiving} onClick={() => void archive(false)}>
            Unarchive board
          </button>
        )}
      </div>
      <p role="status">{archiveMessage}</p>
      {archiveError && (
        <p className="error" role="alert">
          {archiveError}
        </p>
      )}
    </section>
  );
}
