import { regionCodeCandidates, type Region } from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import { ENTITY, notFound } from '../../platform/errors.js';
import type { RegionsRepository } from './regions.repository.js';

/*
 * Codes known to exist, remembered: nearly every write names a region, and the tree changes
 * only by import, which adds and renames but never removes a code. A code is remembered only
 * once the database has shown it exists; visibility is still decided per caller, here exactly
 * as the repository's SQL decides it.
 */
const KNOWN_MAX = 50_000;

function visibleTo(code: string, scope: Scope): boolean {
  return scope.seesRegion(code);
}

export function createRegionsService(deps: { repo: RegionsRepository }) {
  const { repo } = deps;
  const known = new Set<string>();

  const service = {
    /**
     * Turns any accepted form of a code into the stored code the caller may see, or a 404
     * naming the field — an unknown code and one outside the caller's scope look the same.
     */
    async resolve(input: string, field: string, scope: Scope | null): Promise<string> {
      const candidates = regionCodeCandidates(input);
      const first = candidates[0];
      // The most specific reading exists and is visible: no other candidate can win.
      if (first !== undefined && known.has(first) && (scope === null || visibleTo(first, scope))) return first;
      const code = await repo.resolve(candidates, scope);
      if (!code) throw notFound(ENTITY.region, field);
      if (known.size >= KNOWN_MAX) known.clear();
      known.add(code);
      return code;
    },

    async get(input: string, scope: Scope): Promise<Region> {
      const code = await service.resolve(input, 'params.code', scope);
      return (await repo.get(code, scope))!;
    },

    async children(input: string, scope: Scope): Promise<Region[]> {
      return repo.children(await service.resolve(input, 'params.code', scope), scope);
    },

    async ancestors(input: string, scope: Scope): Promise<Region[]> {
      return repo.path(await service.resolve(input, 'params.code', scope));
    },

    async search(input: string, q: string, limit: number, scope: Scope) {
      return repo.search(await service.resolve(input, 'params.code', scope), q, limit, scope);
    },

    path: (code: string) => repo.path(code),
  };
  return service;
}

export type RegionsService = ReturnType<typeof createRegionsService>;
