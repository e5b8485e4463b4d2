// The board's links for the facilitator, and "Renew join code", which replaces the participant link.
import { useState } from 'react';
import { useApi } from '../app/useApi.ts';
import { fetchLinks } from '../boards/boardApi.ts';
import { participantLink } from '../session/joinLink.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { CopyLink } from '../start/CopyLink.tsx';

export interface LinksPanelProps {
  boardId: string;
  token: string;
  origin: string;
  commands: CommandRunner;
}

export function LinksPanel({ boardId, token, origin, commands }: LinksPanelProps) {
  const { state, value: links } = useApi(
    `${boardId} ${token}`,
    () => fetchLinks(boardId, token),
    'The links could not be loaded.',
  );
  const loadError = state.kind === 'failed' ? state.message : null;
  const [renewed, setRenewed] = useState<string | null>(null);

  const renew = async () => {
    const answer = await commands.run({ type: 'renewJoinCode' });
    if (answer?.joinCode) setRenewed(participantLink(origin, boardId, answer.joinCode));
  };

  return (
    <section className="panel links-panel" aria-labelledby="links-heading">
      <h2 id="links-heading">Links</h2>
      {renewed ? (
        <CopyLink
          label="New participant"
          href={renewed}
          hint="The old participant link no longer lets anyone join; people already in stay."
        />
      ) : (
        links && <CopyLink label="Participant" href={links.participant} hint="Share with the people taking part." />
      )}
      {links && (
        <details>
          <summary>Observer link</summary>
          <CopyLink
            label="Observer"
            href={links.observer}
            hint="Observers read everything and post only if you let them."
          />
        </details>
      )}
      {loadError && <p className="error">{loadError}</p>}
      <button type="button" disabled={commands.pending === 'renewJoinCode'} onClick={() => void renew()}>
        Renew join code
      </button>
      <p className="hint">Use this if the participant link reached someone it should not have.</p>
      <div aria-live="polite">
        {commands.error && (
          <p className="error" role="alert">
            {commands.error}
          </p>
        )}
      </div>
    </section>
  );
}
