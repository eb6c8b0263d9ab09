import { z } from 'zod';
import { regionCodeCandidates } from '../regions/index.js';

/**
 * A bilingual message for any zod check (refine, regex …). zod carries one message string,
 * so both languages travel in it, marked; the server's error handler unpacks them.
 */
export const BILINGUAL_MARK = 'i18n:';
export const bilingual = (zh: string, en: string) => ({ message: BILINGUAL_MARK + JSON.stringify({ zh, en }) });

/** Trimmed single-line text with a length cap; every free-text field uses one. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional();

/**
 * Any accepted region-code form (2/4/6/9/12 digits, zero-padded or not). The schema checks
 * the form; the regions service resolves it to the stored code (see regionCodeCandidates).
 */
export const regionCode = z
  .string()
  .trim()
  .max(12)
  .refine((v) => regionCodeCandidates(v).length > 0, bilingual('不是有效的行政区划代码（应为 2、4、6、9 或 12 位数字）', 'is not a valid region code (2, 4, 6, 9 or 12 digits)'));

export const uuid = z.uuid();

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const bilingualText = z.object({ zh: z.string(), en: z.string() });

/** What the current user may do with a record; the UI shows only these actions. */
export const actions = z.array(z.string());

export const isoDateTime = z.string();
