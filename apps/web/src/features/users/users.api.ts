import { type CreateUserBody, CreateUserResult, ResetPasswordResult, type UpdateUserBody, User, UserPage } from '@anjian/domain';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type UserData = z.infer<typeof User>;
export type CreateUserInput = z.input<typeof CreateUserBody>;
export type UpdateUserInput = z.input<typeof UpdateUserBody>;

export interface UserFilters {
  regionCode?: string;
  orgId?: string;
  status?: 'active' | 'disabled';
  q?: string;
}

export function useUserList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: ['users', 'list', filters],
    queryFn: ({ pageParam }) => api.get('/users', { query: { ...filters, limit: 50, cursor: pageParam }, schema: UserPage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every change to an account refreshes the lists (and the org user counts). */
function useUserMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users'] });
      void client.invalidateQueries({ queryKey: ['orgs'] });
    },
  });
}

export const useCreateUser = () => useUserMutation((input: CreateUserInput) => api.post('/users', input, { schema: CreateUserResult }));

export const useUpdateUser = () =>
  useUserMutation((input: { id: string; patch: UpdateUserInput }) => api.patch(`/users/${input.id}`, input.patch, { schema: User }));

export const useSetRoles = () =>
  useUserMutation((input: { id: string; roles: string[] }) => api.put(`/users/${input.id}/roles`, { roles: input.roles }, { schema: User }));

export const useSetStatus = () =>
  useUserMutation((input: { id: string; action: 'disable' | 'enable' }) => api.post(`/users/${input.id}/${input.action}`, undefined, { schema: User }));

export const useResetPassword = () =>
  useUserMutation((id: string) => api.post(`/users/${id}/reset-password`, undefined, { schema: ResetPasswordResult }));
