// The participant link (GET /api/boards/:id/links, facilitator only) and its QR code as an SVG data URL.
import { useEffect, useState } from 'react';
import * as QRCode from 'qrcode';
import { authorizedFetch, boardPath, describeFailure } from '../boards/request.ts';

export type ParticipantLinkState =
  | { kind: 'loading' }
  | { kind: 'ready'; link: string; qrSrc: string }
  | { kind: 'failed'; message: string };

/** Draws `text` as a QR code in SVG (crisp at any projector size), as a data URL an <img> can show. */
export async function qrDataUrl(text: string): Promise<string> {
  // Medium error correction: survives a keystone-distorted, slightly washed-out projection without a huge code.
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Loads the link once per board and token; `refresh` changes ask again (after the join code was renewed). */
export function useParticipantLink(boardId: string, token: string, refresh = 0): ParticipantLinkState {
  const [state, setState] = useState<ParticipantLinkState>({ kind: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    const load = async () => {
      try {
        const response = await authorizedFetch(boardPath(boardId, 'links'), token);
        const body = (await response.json()) as { links?: { participant?: unknown } };
        const link = body.links?.participant;
        if (typeof link !== 'string') throw new Error('no participant link');
        const qrSrc = await qrDataUrl(link);
        if (isCurrent) setState({ kind: 'ready', link, qrSrc });
      } catch (error) {
        if (isCurrent) setState({ kind: 'failed', message: describeFailure(error, 'The participant link could not be loaded.') });
      }
    };
    void load();
    return () => {
      isCurrent = false;
    };
  }, [boardId, token, refresh]);
  return state;
}
