import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { nationalKeys, type CaseView } from './national-api.ts';
import { usePurpose } from './purpose.ts';

/** After a write that answers a case: that answer is the case, and the lists, records and charts are read again. */
export function useCaseAnswer() {
  const queryClient = useQueryClient();
  const purpose = usePurpose();
  return useCallback(
    async (view: CaseView) => {
      queryClient.setQueryData(nationalKeys.caseRead(view.id, purpose), view);
      await queryClient.invalidateQueries({ queryKey: nationalKeys.all, predicate: (q) => !(q.queryKey[1] === 'case' && q.queryKey[2] === view.id) });
    },
    [queryClient, purpose],
  );
}
