// The board's links for the facilitator, and "Renew join code", which replaces the participant link.
import { useEffect, useState } from 'react';
import { authorizedFetch, boardPath, describeFailure } from '../boards/request.ts';
import { participantLink } from '../session/joinLink.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { CopyLink } from '../start/CopyLink.tsx';

interface Links {
  participant: string;
  observer: string;
}

export interface LinksPanelProps {
  boardId: string;
  token: string;
  origin: string;
  commands: CommandRunner;
}

export function LinksPanel({ boardId, token, origin, commands }: LinksPanelProps) {
  const [links, setLinks] = useState<Links | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [renewed, setRenewed] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    authorizedFetch(boardPath(boardId, 'links'), token)
      .then((response) => response.json() as Promise<{ links?: Partial<Links> }>)
      .then((body) => {
        if (!isCurrent) return;
        const { participant, observer } = body.links ?? {};
        if (typeof participant === 'string' && typeof observer === 'string') setLinks({ participant, observer });
      })
      .catch((error: unknown) => isCurrent && setLoadError(describeFailure(error, 'The links could not be loaded.')));
    return () => {
      isCurrent = false;
    };
  }, [boardId, token]);

  const renew = async () => {
    const answer = await commands.run({ type: 'renewJoinCode' });
    if (answer?.joinCode) setRenewed(participantLink(origin, boardId, answer.joinCode));
  };

  return (
    <section className="panel links-panel" aria-labelledby="links-heading">
      <h2 id="links-heading">Links</h2>
      {renewed ? (
        <CopyLink label="New participant" href={renewed} hint="The old participant link no longer lets anyone join; people already in stay." />
      ) : (
        links && <CopyLink label="Participant" href={links.participant} hint="Share with the people taking part." />
      )}
      {links && (
        <details>
          <summary>Observer link</summary>
          <CopyLink label="Observer" href={links.observer} hint="Observers read everything and post only if you let them." />
        </details>
      )}
      {loadError && <p className="error">{loadError}</p>}
      <button type="button" disabled={commands.pending === 'renewJoinCode'} onClick={() => void renew()}>
        Renew join code
      </button>
      <p className="hint">Use this if the participant link reached someone it should not have.</p>
      <div aria-live="polite">{commands.error && <p className="error" role="alert">{commands.error}</p>}</div>
    </section>
  );
}
