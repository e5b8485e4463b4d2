// The participant link (GET /api/boards/:id/links, facilitator only) and its QR code as an SVG data URL.
import * as QRCode from 'qrcode';
import { useApi } from '../app/useApi.ts';
import { fetchLinks } from '../boards/boardApi.ts';

export type ParticipantLinkState =
  { kind: 'loading' } | { kind: 'ready'; link: string; qrSrc: string } | { kind: 'failed'; message: string };

/** Draws `text` as a QR code in SVG (crisp at any projector size), as a data URL an <img> can show. */
export async function qrDataUrl(text: string): Promise<string> {
  // Medium error correction: survives a keystone-distorted, slightly washed-out projection without a huge code.
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * Loads the link once per board and token; a change of `refresh` asks again (the session's joinCodeRenewedAt after
 * "Renew join code", or a "Try again"), while the previous code stays on screen until the new one is there.
 */
export function useParticipantLink(boardId: string, token: string, refresh: string | number = 0): ParticipantLinkState {
  const { state } = useApi(
    `${boardId} ${token} ${refresh}`,
    async () => {
      const { participant } = await fetchLinks(boardId, token);
      return { link: participant, qrSrc: await qrDataUrl(participant) };
    },
    'The participant link could not be loaded.',
  );
  if (state.kind === 'ready') return { kind: 'ready', ...state.value };
  return state.kind === 'failed' ? state : { kind: 'loading' };
}
