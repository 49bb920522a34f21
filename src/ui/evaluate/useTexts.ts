import { useEffect, useState } from 'react';
import { studioClient } from '../../client/studioClient';

/** Fetches the texts of dataset rows from the worker; null while loading. */
export function useTexts(rows: readonly number[]): { texts: string[] | null; error: string | null } {
  const [state, setState] = useState<{ key: string; texts: string[] | null; error: string | null }>({ key: '', texts: null, error: null });
  const key = rows.join(',');
  useEffect(() => {
    if (rows.length === 0) return;
    let cancelled = false;
    studioClient()
      .predictions.texts([...rows])
      .then((texts) => !cancelled && setState({ key, texts, error: null }))
      .catch((e: Error) => !cancelled && setState({ key, texts: null, error: e.message }));
    return () => {
      cancelled = true;
    };
    // rows is captured through its key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (rows.length === 0) return { texts: [], error: null };
  return state.key === key ? { texts: state.texts, error: state.error } : { texts: null, error: null };
}
