import { useCallback } from 'react';
import { useMutation } from '@tanstack/react-query';

/**
 * A write to the API as a TanStack Query mutation: `pending` says whether one is under way (instead of a
 * busy flag kept by hand), and a failure goes to `onError` (usually the form's `capture`). `run` takes the
 * whole step (the call and what follows on success) and settles once it is done or has failed.
 */
export function useWrite(onError?: (error: unknown) => void) {
  const mutation = useMutation({ mutationFn: (step: () => Promise<unknown>) => step() });
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (step: () => Promise<unknown>): Promise<boolean> => {
      try {
        await mutateAsync(step);
        return true;
      } catch (error) {
        onError?.(error);
        return false;
      }
    },
    [mutateAsync, onError],
  );
  return { pending: mutation.isPending, run };
}
