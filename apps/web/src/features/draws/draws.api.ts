import { DrawDetail, InspectionPlan, InspectionPlanDetail, InspectionPlanList, InspectorCandidates, PublicDrawList, type FixDrawBody, type InspectionPlanBody } from '@anjian/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

export type PlanData = z.infer<typeof InspectionPlan>;
export type PlanDetailData = z.infer<typeof InspectionPlanDetail>;
export type DrawData = z.infer<typeof DrawDetail>;

export const usePlans = () => useQuery({ queryKey: ['inspection-plans'], queryFn: () => api.get('/inspection-plans', { schema: InspectionPlanList }) });

export const usePlan = (id: string | undefined) =>
  useQuery({ queryKey: ['inspection-plans', id], queryFn: () => api.get(`/inspection-plans/${id}`, { schema: InspectionPlanDetail }), enabled: !!id });

export const useCandidates = (id: string | undefined) =>
  useQuery({ queryKey: ['inspection-plans', id, 'candidates'], queryFn: () => api.get(`/inspection-plans/${id}/candidates`, { schema: InspectorCandidates }), enabled: !!id });

export const useDraw = (id: string | undefined) =>
  useQuery({ queryKey: ['draws', id], queryFn: () => api.get(`/draws/${id}`, { schema: DrawDetail }), enabled: !!id });

export function useCreatePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof InspectionPlanBody>) => api.post('/inspection-plans', body, { schema: InspectionPlan }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspection-plans'] }),
  });
}

/** Pool and avoidance edits answer the whole plan, which replaces the cached one. */
export function usePlanEdit(planId: string) {
  const client = useQueryClient();
  const done = (plan: PlanDetailData) => {
    client.setQueryData(['inspection-plans', planId], plan);
    void client.invalidateQueries({ queryKey: ['inspection-plans', planId, 'candidates'] });
  };
  return {
    putMember: useMutation({
      mutationFn: ({ userId, ...body }: { userId: string; certNo: string; certValidUntil: string }) => api.put(`/inspection-plans/${planId}/inspectors/${userId}`, body, { schema: InspectionPlanDetail }),
      onSuccess: done,
    }),
    removeMember: useMutation({
      mutationFn: (userId: string) => api.delete(`/inspection-plans/${planId}/inspectors/${userId}`, { schema: InspectionPlanDetail }),
      onSuccess: done,
    }),
    addAvoidance: useMutation({
      mutationFn: (body: { userId: string; enterpriseId: string; reason: string }) => api.post(`/inspection-plans/${planId}/avoidances`, body, { schema: InspectionPlanDetail }),
      onSuccess: done,
    }),
  };
}

export function useFixDraw(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof FixDrawBody>) => api.post(`/inspection-plans/${planId}/draws`, body, { schema: DrawDetail }),
    onSuccess: (draw) => {
      client.setQueryData(['draws', draw.id], draw);
      void client.invalidateQueries({ queryKey: ['inspection-plans', planId] });
    },
  });
}

export function useRevealDraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/draws/${id}/draw`, {}, { schema: DrawDetail }),
    onSuccess: (draw) => {
      client.setQueryData(['draws', draw.id], draw);
      void client.invalidateQueries({ queryKey: ['inspection-plans', draw.planId] });
    },
  });
}

export const usePublicDraws = (region: string | undefined) =>
  useQuery({ queryKey: ['public-draws', region], queryFn: () => api.get('/public/draws', { query: { region }, schema: PublicDrawList }), enabled: !!region });

export const usePublicDraw = (id: string | undefined) =>
  useQuery({ queryKey: ['public-draws', 'one', id], queryFn: () => api.get(`/public/draws/${id}`, { schema: DrawDetail }), enabled: !!id });
