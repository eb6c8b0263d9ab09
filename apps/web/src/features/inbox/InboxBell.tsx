import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { useUnreadCount } from './inbox.api';

/** The header's bell: unread notifications, a tap from the inbox. */
export function InboxBell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const allowed = hasPermission(me, 'hazard.read');
  const unread = useUnreadCount(allowed).data ?? 0;
  if (!allowed) return null;
  return (
    <Link to="/inbox" aria-label={t('inbox.bell', { count: unread })} data-testid="inbox-bell" data-unread={unread}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined style={{ fontSize: 18 }} />} tabIndex={-1} aria-hidden />
      </Badge>
    </Link>
  );
}
