// One setup write at a time per form: runs a shared structure op and keeps its refusal in words next to the form.
import { useCallback, useState } from 'react';
import type { Result } from '@shared/model/Result.ts';

export function useSetupWrite() {
  const [error, setError] = useState<string | null>(null);
  const write = useCallback((op: () => Result<unknown>): boolean => {
    const result = op();
    if (result.ok) {
      setError(null);
      return true;
    }
    setError(`Not saved: ${result.reason}.`);
    return false;
  }, []);
  return { error, write, setError };
}
