import type { Collaboration, Helix, Stakeholder } from '../../api/shapes.js';

/** The loaded ecosystem, indexed once: who is who, who works with whom, and how often. */
export interface EcosystemGraph {
  nodes: Stakeholder[];
  links: Collaboration[];
  byId: Map<string, Stakeholder>;
  /** Distinct collaborators of each stakeholder. */
  neighbours: Map<string, Set<string>>;
  /** Number of collaborations (links) of each stakeholder. */
  degree: Map<string, number>;
  /** Number of stakeholders of each helix. */
  perHelix: Map<Helix, number>;
}

export function buildGraph(nodes: Stakeholder[], links: Collaboration[]): EcosystemGraph {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const neighbours = new Map<string, Set<string>>(nodes.map((n) => [n.id, new Set<string>()]));
  const degree = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  // A link to itself or to a stakeholder not in the list is left out.
  const kept = links.filter(({ source, target }) => source !== target && byId.has(source) && byId.has(target));
  for (const { source, target } of kept) {
    neighbours.get(source)!.add(target);
    neighbours.get(target)!.add(source);
    degree.set(source, degree.get(source)! + 1);
    degree.set(target, degree.get(target)! + 1);
  }
  const perHelix = new Map<Helix, number>();
  for (const n of nodes) perHelix.set(n.helix, (perHelix.get(n.helix) ?? 0) + 1);
  return { nodes, links: kept, byId, neighbours, degree, perHelix };
}

/** Lower case without accents, so that "kopi" finds "Kopí" and "UNIVERSITAS" finds "Universitas". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when every word of the query occurs in the name or the kind. */
export function matchesQuery(stakeholder: Stakeholder, foldedQuery: string): boolean {
  if (!foldedQuery) return true;
  const haystack = fold(`${stakeholder.name} ${stakeholder.kind ?? ''}`);
  return foldedQuery.split(/\s+/).every((word) => haystack.includes(word));
}

export type SortKey = 'name' | 'helix' | 'kind' | 'collaborations';
export type SortDirection = 'ascending' | 'descending';

/** Rows of the list view, sorted in the reader's language; ties fall back to the name. */
export function sortStakeholders(
  rows: Stakeholder[],
  key: SortKey,
  direction: SortDirection,
  graph: EcosystemGraph,
  helixLabel: (helix: Helix) => string,
  collator: Intl.Collator,
): Stakeholder[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: Stakeholder, b: Stakeholder) => collator.compare(a.name, b.name);
  const compare: (a: Stakeholder, b: Stakeholder) => number =
    key === 'collaborations'
      ? (a, b) => (graph.degree.get(a.id) ?? 0) - (graph.degree.get(b.id) ?? 0)
      : key === 'helix'
        ? (a, b) => collator.compare(helixLabel(a.helix), helixLabel(b.helix))
        : key === 'kind'
          ? (a, b) => collator.compare(a.kind ?? '', b.kind ?? '')
          : byName;
  return [...rows].sort((a, b) => sign * compare(a, b) || byName(a, b));
}
