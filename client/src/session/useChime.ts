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

/**
 * The events that unlock audio: a key press, or the release of a click or tap. A touch's press does not count as
 * a user gesture (HTML's activation-triggering events are its release), and creating the audio context on a
 * press would stall the start of the first drag (97 ms in headless Chromium).
 */
const UNLOCK_EVENTS = ['pointerup', 'keydown'] as const;

/** Creates the browser chime once and unlocks it on the first key press or released tap (autoplay rules). */
export function useBrowserChime(): Chime {
  const [chime] = useState(() => createWebAudioChime(browserAudioContext));
  useEffect(() => {
    const unlock = () => {
      chime.unlock();
      for (const type of UNLOCK_EVENTS) window.removeEventListener(type, unlock);
    };
    for (const type of UNLOCK_EVENTS) window.addEventListener(type, unlock);
    return () => {
      for (const type of UNLOCK_EVENTS) window.removeEventListener(type, unlock);
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
