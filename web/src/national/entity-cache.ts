import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { nationalKeys, type EntityView } from './national-api.ts';
import { usePurpose } from './purpose.ts';

/** After a write that answers an entity: that answer is the record, and the lists, charts and cases are read again. */
export function useEntityAnswer() {
  const queryClient = useQueryClient();
  const purpose = usePurpose();
  return useCallback(
    async (view: EntityView) => {
      queryClient.setQueryData(nationalKeys.entityRead(view.id, purpose), view);
      await queryClient.invalidateQueries({ queryKey: nationalKeys.all, predicate: (q) => !(q.queryKey[1] === 'entity' && q.queryKey[2] === view.id) });
    },
    [queryClient, purpose],
  );
}
