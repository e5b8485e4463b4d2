// Asks a participant or observer for their name, then joins the board with the link's code.
import { useId, useState, type FormEvent } from 'react';
import { NAME_MAX } from '@shared/model/limits.ts';
import { ApiError } from '../app/http.ts';

export interface JoinFormProps {
  role: 'participant' | 'observer';
  explanation: string | null;
  onJoin: (name: string) => Promise<void>;
}

export function JoinForm({ role, explanation, onJoin }: JoinFormProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const nameId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Please type your name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onJoin(name.trim());
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Joining failed. Please try again.');
      setBusy(false);
    }
  };

  return (
    <main className="page narrow">
      <h1>{role === 'observer' ? 'Watch this board' : 'Join this board'}</h1>
      {explanation && (
        <p className="banner banner-warning" role="alert">
          {explanation}
        </p>
      )}
      <p>
        {role === 'observer'
          ? 'You are joining as an observer: you will see everything, and post nothing.'
          : 'Type your name so the others know who posted what.'}
      </p>
      <form onSubmit={onSubmit} className="panel">
        <div className="field">
          <label htmlFor={nameId}>Your name</label>
          <input
            id={nameId}
            value={name}
            maxLength={NAME_MAX}
            autoComplete="name"
            dir="auto"
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button type="submit" disabled={isBusy}>
          {isBusy ? 'Joining…' : 'Join'}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
