import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  database: z.object({ version: z.string(), embedded: z.boolean() }),
  uptimeSeconds: z.number(),
  version: z.string(),
});
