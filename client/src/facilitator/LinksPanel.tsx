// The board's links for the facilitator, with "Renew join code" and "Renew observer code" for a link that leaked.
import { useState } from 'react';
import { useApi } from '../app/useApi.ts';
import { fetchLinks } from '../boards/boardApi.ts';
import { observerLink, participantLink } from '../session/joinLink.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { CopyLink } from '../start/CopyLink.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export interface LinksPanelProps {
  boardId: string;
  token: string;
  origin: string;
  commands: CommandRunner;
  /** Asks a yes/no question in plain words; true to go ahead. */
  confirm: (question: string) => boolean;
}

export const RENEW_OBSERVER_QUESTION =
  'Renew the observer code? Observers using the old link will be disconnected and need the new link to watch again.';

export function LinksPanel({ boardId, token, origin, commands, confirm }: LinksPanelProps) {
  const { state, value: links } = useApi(
    `${boardId} ${token}`,
    () => fetchLinks(boardId, token),
    'The links could not be loaded.',
  );
  const loadError = state.kind === 'failed' ? state.message : null;
  const [renewed, setRenewed] = useState<string | null>(null);
  const [renewedObserver, setRenewedObserver] = useState<string | null>(null);

  const renew = async () => {
    const answer = await commands.run({ type: 'renewJoinCode' });
    if (answer?.joinCode) setRenewed(participantLink(origin, boardId, answer.joinCode));
  };
  const renewObserver = async () => {
    if (!confirm(RENEW_OBSERVER_QUESTION)) return;
    const answer = await commands.run({ type: 'renewObserverCode' });
    if (answer?.observerCode) setRenewedObserver(observerLink(origin, boardId, answer.observerCode));
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
      <button type="button" disabled={commands.pending === 'renewJoinCode'} onClick={() => void renew()}>
        Renew join code
      </button>
      <p className="hint">Use this if the participant link reached someone it should not have.</p>
      {(links || renewedObserver) && (
        <details open={renewedObserver !== null}>
          <summary>Observer link</summary>
          {renewedObserver ? (
            <CopyLink
              label="New observer"
              href={renewedObserver}
              hint="The old observer link no longer works; observers who used it were disconnected."
            />
          ) : (
            links && (
              <CopyLink
                label="Observer"
                href={links.observer}
                hint="Observers read everything and post only if you let them."
              />
            )
          )}
          <button
            type="button"
            disabled={commands.pending === 'renewObserverCode'}
            onClick={() => void renewObserver()}
          >
            Renew observer code
          </button>
        </details>
      )}
      {loadError && <p className="error">{loadError}</p>}
      <div aria-live="polite">
        <ErrorMessage message={commands.error} />
      </div>
    </section>
  );
}
