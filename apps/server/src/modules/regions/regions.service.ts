import { regionCodeCandidates, type Region } from '@anjian/domain';
import type { Scope } from '../../platform/access/scope.js';
import { ENTITY, notFound } from '../../platform/errors.js';
import type { RegionsRepository } from './regions.repository.js';

export function createRegionsService(deps: { repo: RegionsRepository }) {
  const { repo } = deps;

  const service = {
    /**
     * Turns any accepted form of a code into the stored code the caller may see, or a 404
     * naming the field — an unknown code and one outside the caller's scope look the same.
     */
    async resolve(input: string, field: string, scope: Scope | null): Promise<string> {
      const code = await repo.resolve(regionCodeCandidates(input), scope);
      if (!code) throw notFound(ENTITY.region, field);
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
