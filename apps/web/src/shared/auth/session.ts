import type { ChangePasswordBody, LoginBody, Me } from '@anjian/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, isApiError, setPasswordChangeRequiredHandler, setSessionLostHandler } from '../api/client';
import { queryClient } from '../api/query-client';

export type MeData = z.infer<typeof Me>;
export type LoginInput = z.input<typeof LoginBody>;
export type ChangePasswordInput = z.input<typeof ChangePasswordBody>;

export const ME_KEY = ['auth', 'me'] as const;

/** Why the user is looking at the login page, shown there once. */
let sessionNotice: 'SESSION_EXPIRED' | null = null;
export const peekSessionNotice = () => sessionNotice;
export const clearSessionNotice = () => {
  sessionNotice = null;
};

function forgetSession() {
  // Drop every cached record too: the next account may have a different scope.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}

setSessionLostHandler((code) => {
  if (code === 'SESSION_EXPIRED') sessionNotice = 'SESSION_EXPIRED';
  forgetSession();
});

// A temporary password set after this page loaded (an administrator's reset): ask afresh, and
// the signed-in layout shows the forced change instead of pages that would all answer 403.
setPasswordChangeRequiredHandler(() => void queryClient.invalidateQueries({ queryKey: ME_KEY }));

async function fetchMe(): Promise<MeData | null> {
  try {
    // Not parsed with the Me schema here: the server's serializer already holds the answer to
    // it, and parsing would put the whole validation library on the sign-in page's critical path.
    return await api.get<MeData>('/auth/me', { ignoreSessionLoss: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      if (error.code === 'SESSION_EXPIRED') sessionNotice = 'SESSION_EXPIRED';
      return null;
    }
    throw error;
  }
}

/** The signed-in account, or null. Loaded once; login, logout and 401s update it. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
}

/** The account, for components that only render inside the signed-in layout. */
export function useCurrentUser(): MeData {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the signed-in layout');
  return data;
}

export function hasPermission(me: MeData | null | undefined, permission: string) {
  return !!me && me.permissions.includes(permission);
}

export function useLogin() {
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<MeData>('/auth/login', input, { ignoreSessionLoss: true }),
    onSuccess: (me) => {
      clearSessionNotice();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => api.post('/auth/logout', undefined, { ignoreSessionLoss: true }),
    // Signed out locally even if the server call fails: the cookie is the server's concern.
    onSettled: () => {
      clearSessionNotice();
      forgetSession();
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post('/auth/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}
