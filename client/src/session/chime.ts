// The end-of-time chime, synthesised with the Web Audio API (no audio files): two soft bell tones.
/** Something that can play the chime; a fake in tests, Web Audio in the browser. */
export interface Chime {
  /** Prepares audio inside a user gesture, which browsers require before sound may play. */
  unlock(): void;
  play(): void;
}

/** One bell partial: a sine that starts at `at` seconds and fades out over `seconds`. */
function tone(context: AudioContext, frequency: number, at: number, seconds: number, volume: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(frequency, at);
  gain.gain.setValueAtTime(0.0001, at);
  // A fast attack and an exponential decay sound like a bell, not a beep.
  gain.gain.exponentialRampToValueAtTime(volume, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(at);
  oscillator.stop(at + seconds + 0.05);
}

/** A chime on a lazily created AudioContext; does nothing where Web Audio is missing. */
export function createWebAudioChime(createContext: () => AudioContext | null): Chime {
  let context: AudioContext | null = null;
  const ensure = (): AudioContext | null => {
    if (!context) context = createContext();
    if (context && context.state === 'suspended') void context.resume().catch(() => undefined);
    return context;
  };
  return {
    unlock: () => void ensure(),
    play: () => {
      const audio = ensure();
      if (!audio) return;
      const start = audio.currentTime + 0.05;
      tone(audio, 880, start, 1.2, 0.25);
      tone(audio, 1320, start, 0.8, 0.08);
      tone(audio, 660, start + 0.35, 1.4, 0.22);
    },
  };
}

/** The browser's AudioContext, or null without Web Audio. */
export function browserAudioContext(): AudioContext | null {
  const Context =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return null;
  try {
    return new Context();
  } catch {
    return null;
  }
}
