import { z } from 'zod';
import { ENTERPRISE_STATUSES } from '../enterprises/status.js';
import { normaliseUscc, validateUscc } from '../enterprises/uscc.js';
import { BILINGUAL_MARK, actions, bilingual, page, pageQuery, regionCode, text } from './common.js';
import { IndustryCode } from './industries.js';

/** 企业规模 (the statistics bureau's 大中小微 classification). */
export const ENTERPRISE_SCALES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseScale = (typeof ENTERPRISE_SCALES)[number];
export const ENTERPRISE_SCALE_LABELS = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
} as const satisfies Record<EnterpriseScale, { zh: string; en: string }>;

/** China's rough bounding box: a point outside it is a typo (swapped or truncated). */
export const LATITUDE_RANGE = [3, 54] as const;
export const LONGITUDE_RANGE = [73, 136] as const;
export const MAX_SAFETY_CONTACTS = 5;
export const MAX_ENTERPRISE_INDUSTRIES = 10;

/** A mobile number, or a landline with its area code (0311-86001234, extension allowed). */
export const CONTACT_PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

export const EnterpriseStatusSchema = z.enum(ENTERPRISE_STATUSES);
export const EnterpriseScaleSchema = z.enum(ENTERPRISE_SCALES);

/**
 * 统一社会信用代码, folded (full-width, spaces, lower case) and checked; a wrong check
 * character is reported with the expected one, in both languages.
 */
export const Uscc = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    const result = validateUscc(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: BILINGUAL_MARK + JSON.stringify(result.message) });
  })
  .transform(normaliseUscc);

export const SafetyContact = z.strictObject({
  name: text(30),
  phone: z.string().trim().regex(CONTACT_PHONE_PATTERN, bilingual('应为 11 位手机号或带区号的固定电话', 'must be an 11-digit mobile number or a landline with its area code')),
});
export type SafetyContact = z.infer<typeof SafetyContact>;

export const EnterpriseLocation = z.strictObject({
  latitude: z.number()
    .min(LATITUDE_RANGE[0], bilingual(`纬度应在 ${LATITUDE_RANGE[0]} 至 ${LATITUDE_RANGE[1]} 之间`, `latitude must be between ${LATITUDE_RANGE[0]} and ${LATITUDE_RANGE[1]}`))
    .max(LATITUDE_RANGE[1], bilingual(`纬度应在 ${LATITUDE_RANGE[0]} 至 ${LATITUDE_RANGE[1]} 之间`, `latitude must be between ${LATITUDE_RANGE[0]} and ${LATITUDE_RANGE[1]}`)),
  longitude: z.number()
    .min(LONGITUDE_RANGE[0], bilingual(`经度应在 ${LONGITUDE_RANGE[0]} 至 ${LONGITUDE_RANGE[1]} 之间`, `longitude must be between ${LONGITUDE_RANGE[0]} and ${LONGITUDE_RANGE[1]}`))
    .max(LONGITUDE_RANGE[1], bilingual(`经度应在 ${LONGITUDE_RANGE[0]} 至 ${LONGITUDE_RANGE[1]} 之间`, `longitude must be between ${LONGITUDE_RANGE[0]} and ${LONGITUDE_RANGE[1]}`)),
});

const industries = z.array(IndustryCode).min(1).max(MAX_ENTERPRISE_INDUSTRIES);

/**
 * 黑名单 (联合惩戒): the entry in force today, shown wherever the enterprise appears to a user
 * whose scope contains it (and who may read the blacklist); the enterprise's own account sees its own.
 */
export const BlacklistFlag = z.object({
  entryId: z.string(), reason: z.string(), legalBasis: z.string(), fromOn: z.string(), toOn: z.string(),
  /** The issuing region's level (2 province … 4 county), and who issued it. */
  issuingLevel: z.number(), issuingOrgName: z.string(),
});
export type BlacklistFlag = z.infer<typeof BlacklistFlag>;

export const Enterprise = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  /** Industry codes; the first is the primary one. */
  industries: z.array(z.string()),
  scale: EnterpriseScaleSchema,
  legalRepresentative: z.string(),
  principal: z.string(),
  actualController: z.string().nullable(),
  safetyContacts: z.array(z.object({ name: z.string(), phone: z.string() })),
  status: EnterpriseStatusSchema,
  statusReason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  /** 三管三必须: the department the routing table names for the region and primary industry. */
  supervisingDepartment: z.object({ id: z.string(), name: z.string(), regionCode: z.string() }).nullable(),
  blacklist: BlacklistFlag.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions,
});
export type Enterprise = z.infer<typeof Enterprise>;

export const EnterprisePage = page(Enterprise);

const listFilters = {
  regionCode: regionCode.optional(),
  industry: IndustryCode.optional(),
  status: EnterpriseStatusSchema.optional(),
  /** Part of the name, or the start of the USCC. */
  q: z.string().trim().max(50).optional(),
};

export const EnterpriseListQuery = z.strictObject({ ...listFilters, ...pageQuery });
export const EnterpriseExportQuery = z.strictObject(listFilters);

export const EnterpriseParams = z.strictObject({ id: z.uuid() });

export const CreateEnterpriseBody = z.strictObject({
  name: text(100),
  uscc: Uscc,
  regionCode,
  address: text(200),
  location: EnterpriseLocation.nullable().optional(),
  industries,
  scale: EnterpriseScaleSchema,
  legalRepresentative: text(50),
  principal: text(50),
  actualController: text(50).nullable().optional(),
  safetyContacts: z.array(SafetyContact).max(MAX_SAFETY_CONTACTS).default([]),
});

/**
 * Government users may change every field here; an enterprise's own principal only
 * ENTERPRISE_SELF_SERVICE_FIELDS. Status has its own route.
 */
export const UpdateEnterpriseBody = z.strictObject({
  name: text(100).optional(),
  uscc: Uscc.optional(),
  regionCode: regionCode.optional(),
  address: text(200).optional(),
  location: EnterpriseLocation.nullable().optional(),
  industries: industries.optional(),
  scale: EnterpriseScaleSchema.optional(),
  legalRepresentative: text(50).optional(),
  principal: text(50).optional(),
  actualController: text(50).nullable().optional(),
  safetyContacts: z.array(SafetyContact).max(MAX_SAFETY_CONTACTS).optional(),
});

/**
 * What an enterprise account (its principal) may keep current itself: how to reach the
 * people and the site. Registration facts (name, USCC, region, industries, scale, legal
 * representative, principal, actual controller) decide jurisdiction and accountability, so
 * the government keeps them.
 */
export const ENTERPRISE_SELF_SERVICE_FIELDS = ['safetyContacts', 'address', 'location'] as const;

export const EnterpriseStatusBody = z.strictObject({
  status: EnterpriseStatusSchema,
  reason: text(500),
});

export const EnterpriseImportResult = z.object({ imported: z.number().int() });

/** An import running as a job (POST /api/enterprises/import-jobs): polled for progress until done. */
export const EnterpriseImportJob = z.object({
  id: z.uuid(),
  phase: z.enum(['reading', 'checking', 'writing', 'done', 'failed']),
  rowsRead: z.number().int(),
  rowsChecked: z.number().int(),
  rowsTotal: z.number().int().nullable(),
  /** Set once done. A failed job answers its poll with the import's own error instead. */
  imported: z.number().int().nullable(),
});
export type EnterpriseImportJob = z.infer<typeof EnterpriseImportJob>;
export const EnterpriseImportJobParams = z.strictObject({ id: z.uuid() });
