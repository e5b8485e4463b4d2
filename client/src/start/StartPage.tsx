// The start page: choose a template (or a template file, or a board file to import), preview it, create, get the links.
import { useId, useState, type FormEvent } from 'react';
import { TITLE_MAX } from '@shared/model/limits.ts';
import { ApiError, createBoard, type CreatedBoard } from '../app/api.ts';
import { loadCreatedBoards, rememberCreatedBoard, type CreatedBoardEntry } from '../app/storage.ts';
import { CopyLink } from './CopyLink.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import { useBoardSource, type BoardSource } from './useBoardSource.ts';

function requestFor(source: BoardSource, title: string | undefined, stationSet: string | undefined) {
  const named = title === undefined ? {} : { title };
  if (source.kind === 'import') return { ...named, import: source.data };
  const template = source.kind === 'catalogue' ? source.id : source.template;
  return { ...named, template, ...(stationSet ? { stationSet } : {}) };
}

export function StartPage({ storage, now = Date.now }: { storage: Storage; now?: () => number }) {
  const { catalogue, source, fileError, chooseTemplate, chooseTemplateFile, chooseBoardFile } = useBoardSource();
  const [title, setTitle] = useState('');
  const [stationSet, setStationSet] = useState('');
  const [created, setCreated] = useState<CreatedBoard | null>(null);
  const [boards, setBoards] = useState<CreatedBoardEntry[]>(() => loadCreatedBoards(storage));
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const titleId = useId();
  const templateId = useId();
  const setId = useId();
  const template = source.kind === 'import' ? null : source.template;
  const sets = template?.stationSets ?? [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const typed = title.trim() || undefined;
    const name = typed ?? (source.kind === 'import' ? source.title : (template?.title ?? 'Brainstorm'));
    try {
      const board = await createBoard(
        requestFor(source, typed, sets.some((s) => s.id === stationSet) ? stationSet : undefined),
      );
      setCreated(board);
      setBoards(
        rememberCreatedBoard(storage, {
          boardId: board.boardId,
          title: name,
          facilitatorLink: board.links.facilitator,
          createdAt: now(),
        }),
      );
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The board could not be created. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <h1>Scopeboard</h1>
      <p>
        A shared sticky-note board for facilitated brainstorming: one idea per note, posted from everyone's own device.
      </p>
      <form className="panel" onSubmit={onSubmit} aria-labelledby="create-heading">
        <h2 id="create-heading">New board</h2>
        <div className="field">
          <label htmlFor={titleId}>Board name</label>
          <input
            id={titleId}
            value={title}
            maxLength={TITLE_MAX}
            dir="auto"
            placeholder="e.g. SSR2 brainstorm, 15 March"
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={templateId}>Template</label>
          <select
            id={templateId}
            value={source.kind === 'catalogue' ? source.id : ''}
            onChange={(event) => chooseTemplate(event.target.value)}
          >
            {source.kind !== 'catalogue' && <option value="">{source.fileName}</option>}
            {catalogue.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label>
            Start from a template file{' '}
            <input
              type="file"
              accept=".json,application/json"
              aria-label="Template file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void chooseTemplateFile(file);
              }}
            />
          </label>
        </div>
        <div className="field">
          <label>
            Import a board file (a Scopeboard JSON export){' '}
            <input
              type="file"
              accept=".json,application/json"
              aria-label="Board file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void chooseBoardFile(file);
              }}
            />
          </label>
        </div>
        {fileError && (
          <p className="error" role="alert">
            {fileError}
          </p>
        )}
        {sets.length > 0 && (
          <div className="field">
            <label htmlFor={setId}>Stations</label>
            <select id={setId} value={stationSet} onChange={(event) => setStationSet(event.target.value)}>
              <option value="">As in the template</option>
              {sets.map((set) => (
                <option key={set.id} value={set.id}>
                  {set.title}
                </option>
              ))}
            </select>
            {sets.find((s) => s.id === stationSet)?.about && (
              <p className="hint">{sets.find((s) => s.id === stationSet)?.about}</p>
            )}
          </div>
        )}
        {template && <TemplatePreview template={template} stationSetId={stationSet || undefined} />}
        {source.kind === 'import' && (
          <p className="hint" dir="auto">
            Imports{' '}
            <strong>
              <bdi>{source.title}</bdi>
            </strong>{' '}
            from <bdi>{source.fileName}</bdi>: {source.stations} stations, {source.notes} notes, with their groups,
            comments, hand-offs and votes. People join again with new links; the earlier session is kept as history.
          </p>
        )}
        <button type="submit" disabled={isBusy || (source.kind === 'catalogue' && !template)}>
          {isBusy ? 'Creating…' : source.kind === 'import' ? 'Import board' : 'Create board'}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      {created && (
        <section className="panel" aria-labelledby="links-heading">
          <h2 id="links-heading">Your board is ready</h2>
          <CopyLink
            label="Facilitator"
            href={created.links.facilitator}
            hint="Keep this one to yourself: it runs the session."
          />
          <CopyLink label="Participant" href={created.links.participant} hint="Share with everyone who posts notes." />
          <CopyLink label="Observer" href={created.links.observer} hint="For people who follow along and read only." />
          <p>
            <a href={created.links.facilitator}>Open the board as facilitator</a>
          </p>
        </section>
      )}
      {boards.length > 0 && (
        <section className="panel" aria-labelledby="mine-heading">
          <h2 id="mine-heading">Boards created in this browser</h2>
          <ul className="my-boards">
            {boards.map((board) => (
              <li key={board.boardId}>
                <a href={board.facilitatorLink} dir="auto">
                  {board.title}
                </a>{' '}
                <span className="hint">created {new Date(board.createdAt).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
