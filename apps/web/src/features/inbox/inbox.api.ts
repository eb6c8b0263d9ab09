import { Inbox, UnreadCount } from '@anjian/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type InboxData = z.infer<typeof Inbox>;
export type TaskGroupName = keyof InboxData['tasks'];
export type NotificationData = InboxData['notifications'][number];

const POLL_MS = 60_000;

export function useInbox() {
  return useQuery({ queryKey: ['inbox', 'all'], queryFn: () => api.get('/inbox', { schema: Inbox }), staleTime: 0 });
}

/** The header's badge: polled every minute, refreshed at once after any act (its key starts with 'inbox'). */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: ['inbox', 'unread'],
    queryFn: () => api.get('/inbox/unread-count', { schema: UnreadCount }),
    enabled,
    refetchInterval: POLL_MS,
    staleTime: 0,
    select: (d) => d.unread,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => api.post('/inbox/read', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
