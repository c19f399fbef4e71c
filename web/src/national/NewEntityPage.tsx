import { useSearch } from '@tanstack/react-router';
import { EntityEditor } from './EntityEditor.tsx';
import { ENTITY_KINDS, type EntityKind } from './national-api.ts';

/** The route's search: the kind of the new entity, a person unless told. */
export function validateNewEntitySearch(raw: Record<string, unknown>): { kind: EntityKind } {
  const kind = ENTITY_KINDS.find((k) => k === raw.kind);
  return { kind: kind ?? 'person' };
}

/** A new person, company, means of transport or document. */
export function NewEntityPage() {
  const { kind } = useSearch({ strict: false }) as { kind?: EntityKind };
  const chosen = kind ?? 'person';
  return <EntityEditor key={chosen} kind={chosen} entity={null} />;
}
