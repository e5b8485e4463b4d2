// The start page: create a board from the template, get its three links, and find boards created here before.
import { useId, useState, type FormEvent } from 'react';
import { TITLE_MAX } from '../../../shared/src/model/limits.ts';
import { DEFAULT_TEMPLATE_ID, getTemplate } from '../../../shared/src/templates/templates.ts';
import { ApiError, createBoard, type CreatedBoard } from '../app/api.ts';
import { loadCreatedBoards, rememberCreatedBoard, type CreatedBoardEntry } from '../app/storage.ts';
import { CopyLink } from './CopyLink.tsx';

export function StartPage({ storage, now = Date.now }: { storage: Storage; now?: () => number }) {
  const template = getTemplate(DEFAULT_TEMPLATE_ID);
  const [title, setTitle] = useState('');
  const [created, setCreated] = useState<CreatedBoard | null>(null);
  const [boards, setBoards] = useState<CreatedBoardEntry[]>(() => loadCreatedBoards(storage));
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const titleId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const name = title.trim() || (template?.title ?? 'Brainstorm');
    try {
      const board = await createBoard({ title: name, template: DEFAULT_TEMPLATE_ID });
      setCreated(board);
      setBoards(rememberCreatedBoard(storage, { boardId: board.boardId, title: name, facilitatorLink: board.links.facilitator, createdAt: now() }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The board could not be created. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <h1>Scopeboard</h1>
      <p>A shared sticky-note board for facilitated brainstorming: one idea per note, posted from everyone's own device.</p>
      <form className="panel" onSubmit={onSubmit} aria-labelledby="create-heading">
        <h2 id="create-heading">New board</h2>
        <div className="field">
          <label htmlFor={titleId}>Board name</label>
          <input id={titleId} value={title} maxLength={TITLE_MAX} dir="auto" placeholder="e.g. SSR2 brainstorm, 15 March"
            onChange={(event) => setTitle(event.target.value)} />
        </div>
        {template && (
          <p className="hint">Template: <strong>{template.title}</strong>. {template.about}</p>
        )}
        <button type="submit" disabled={isBusy}>{isBusy ? 'Creating…' : 'Create board'}</button>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
      {created && (
        <section className="panel" aria-labelledby="links-heading">
          <h2 id="links-heading">Your board is ready</h2>
          <CopyLink label="Facilitator" href={created.links.facilitator} hint="Keep this one to yourself: it runs the session." />
          <CopyLink label="Participant" href={created.links.participant} hint="Share with everyone who posts notes." />
          <CopyLink label="Observer" href={created.links.observer} hint="For people who follow along and read only." />
          <p><a href={created.links.facilitator}>Open the board as facilitator</a></p>
        </section>
      )}
      {boards.length > 0 && (
        <section className="panel" aria-labelledby="mine-heading">
          <h2 id="mine-heading">Boards created in this browser</h2>
          <ul className="my-boards">
            {boards.map((board) => (
              <li key={board.boardId}>
                <a href={board.facilitatorLink} dir="auto">{board.title}</a>{' '}
                <span className="hint">created {new Date(board.createdAt).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
