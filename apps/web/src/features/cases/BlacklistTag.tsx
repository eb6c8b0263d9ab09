import { REGION_LEVEL_NAMES, type BlacklistFlag, type RegionLevel } from '@anjian/domain';
import { Popover, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../shared/auth/session';
import { useLanguage } from '../../shared/i18n';
import { useBlacklist } from './cases.api';

/**
 * The in-force 黑名单 entries the user's scope sees, by enterprise (GET /api/blacklist?active=true,
 * one request shared by every tag on the page). Nothing for a user who may not read the blacklist.
 */
export function useBlacklistFlags(): Map<string, BlacklistFlag> {
  // useMe, not useCurrentUser: the public draw page renders these tags too, signed in or not.
  const me = useMe().data;
  const allowed = hasPermission(me, 'blacklist.read');
  const list = useBlacklist(true, allowed);
  return useMemo(() => new Map((list.data ?? []).map((b) => [b.enterpriseId, {
    entryId: b.id, reason: b.reason, legalBasis: b.legalBasis, fromOn: b.fromOn, toOn: b.toOn, issuingLevel: b.issuingLevel, issuingOrgName: b.issuingOrgName,
  }])), [list.data]);
}

/** A red 黑名单 tag; hover or tap shows the entry: reason, basis, from–to, issuing level and organ. */
export function BlacklistTag({ flag }: { flag: BlacklistFlag | null | undefined }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  if (!flag) return null;
  const level = REGION_LEVEL_NAMES[flag.issuingLevel as RegionLevel];
  const content = (
    <div style={{ maxWidth: 320 }} data-testid="blacklist-flag">
      <Typography.Text strong>{t('cases.blacklist.flagTitle')}</Typography.Text>
      <dl style={{ margin: '8px 0 0', display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px' }}>
        <dt>{t('cases.blacklist.reason')}</dt><dd style={{ margin: 0 }}>{flag.reason}</dd>
        <dt>{t('cases.blacklist.legalBasis')}</dt><dd style={{ margin: 0 }}>{flag.legalBasis}</dd>
        <dt>{t('cases.blacklist.period')}</dt><dd style={{ margin: 0 }}>{flag.fromOn} ~ {flag.toOn}</dd>
        <dt>{t('cases.blacklist.issuingLevel')}</dt><dd style={{ margin: 0 }}>{level ? `${pick(level)}${t('cases.blacklist.levelSuffix')}` : flag.issuingLevel}</dd>
        <dt>{t('cases.blacklist.issuer')}</dt><dd style={{ margin: 0 }}>{flag.issuingOrgName}</dd>
      </dl>
    </div>
  );
  return (
    <Popover content={content} trigger={['hover', 'click']}>
      <Tag color="red" style={{ cursor: 'pointer', marginInlineStart: 6, verticalAlign: 'middle' }} data-testid="blacklist-tag">{t('cases.blacklist.tag')}</Tag>
    </Popover>
  );
}

/** The tag for an enterprise known by id only (ledger rows, draws, cases): looked up in the shared flags. */
export function EnterpriseBlacklistTag({ enterpriseId }: { enterpriseId: string | null | undefined }) {
  const flags = useBlacklistFlags();
  return <BlacklistTag flag={enterpriseId ? flags.get(enterpriseId) : null} />;
}
