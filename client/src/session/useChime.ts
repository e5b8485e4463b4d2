// Plays the chime once per deadline (shouldChime), never for a screen opened after time ran out; mute is respected.
import { useEffect, useRef, useState } from 'react';
import { shouldChime } from '@shared/phases/clock.ts';
import { browserAudioContext, createWebAudioChime, type Chime } from './chime.ts';

export interface ChimeInput {
  /** The running phase's deadline (server epoch ms), or null. */
  endsAt: number | null;
  /** Server epoch ms now. */
  now: number;
  /** Server time when this screen started watching; null until the clock offset is known. */
  joinedAt: number | null;
  isMuted: boolean;
}

/** Creates the browser chime once and unlocks it on the first key press or tap (autoplay rules). */
export function useBrowserChime(): Chime {
  const [chime] = useState(() => createWebAudioChime(browserAudioContext));
  useEffect(() => {
    const unlock = () => chime.unlock();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [chime]);
  return chime;
}

/** Returns the deadline the chime last went off for (muted or not), for display and tests. */
export function useChime(chime: Chime, { endsAt, now, joinedAt, isMuted }: ChimeInput): number | null {
  const last = useRef<{ endsAt: number | null }>({ endsAt: null });
  const [chimedFor, setChimedFor] = useState<number | null>(null);
  useEffect(() => {
    if (joinedAt === null) return;
    if (!shouldChime(last.current, { endsAt }, now, joinedAt)) return;
    // Marked even when muted, so unmuting later does not replay a deadline long gone.
    last.current = { endsAt };
    setChimedFor(endsAt);
    if (!isMuted) chime.play();
  }, [chime, endsAt, now, joinedAt, isMuted]);
  return chimedFor;
}
