import type { Permission } from '@anjian/domain';
import { App, Badge, Button, Card, Col, Divider, Flex, Row, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../shared/api/client';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { formatDateTime } from '../../shared/ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { HazardCard } from '../hazards/HazardList';
import { useInbox, useMarkRead, type InboxData, type TaskGroupName } from './inbox.api';

const GOVERNMENT_ORDER: TaskGroupName[] = ['toVerify', 'toAssign', 'toAccept', 'overdue', 'dueSoon', 'assigned'];
// An enterprise account works its own hazards first: what was assigned to it, then the clock.
const ENTERPRISE_ORDER: TaskGroupName[] = ['assigned', 'overdue', 'dueSoon', 'submitted', 'toVerify', 'toAssign', 'toAccept'];

/** The groups that are a desk's queue, shown only to those who hold the act (the server sends the permissions). */
const NEEDS: Partial<Record<TaskGroupName, Permission>> = { toVerify: 'hazard.verify', toAssign: 'hazard.assign', toAccept: 'hazard.accept', submitted: 'hazard.rectify' };

/** Where "see all" leads: the ledger with the matching filter. */
const LEDGER_FILTER: Record<TaskGroupName, string> = {
  assigned: 'status=rectifying',
  toVerify: 'status=reported',
  toAssign: 'status=verified',
  toAccept: 'status=pending_acceptance',
  dueSoon: '',
  overdue: 'overdue=true',
  submitted: 'status=pending_acceptance',
};

function Notifications({ data }: { data: InboxData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mark = useMarkRead();
  const open = (id: string, hazardId: string | null, read: boolean) => {
    if (!read) mark.mutate({ ids: [id] });
    if (hazardId) void navigate(`/hazards/${hazardId}`);
  };
  return (
    <Card
      size="small"
      title={<>{t('inbox.notifications')} {data.unread > 0 && <Badge count={data.unread} style={{ marginInlineStart: 4 }} />}</>}
      extra={data.unread > 0 && (
        <Button size="small" type="link" loading={mark.isPending} data-testid="inbox-mark-all-read" onClick={() => mark.mutate({ all: true }, { onSuccess: () => void message.success(t('inbox.markedAll')), onError: (e) => void message.error(errorText(e)) })}>
          {t('inbox.markAllRead')}
        </Button>
      )}
      data-testid="inbox-notifications"
    >
      {data.notifications.length === 0 && <EmptyState description={t('inbox.noNotifications')} />}
      {data.notifications.map((n, i) => (
        <div key={n.id} data-testid="inbox-notification" data-read={n.read ? 'true' : 'false'}>
          {i > 0 && <Divider style={{ margin: '8px 0' }} />}
          <Flex justify="space-between" align="center" gap={8}>
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Link onClick={() => open(n.id, n.hazardId, n.read)} strong={!n.read}>
                {!n.read && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                {n.title}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text>
            </Flex>
            {!n.read && <Button size="small" type="link" onClick={() => mark.mutate({ ids: [n.id] })}>{t('inbox.markRead')}</Button>}
          </Flex>
        </div>
      ))}
    </Card>
  );
}

/** 我的待办: the six task groups, then the notifications. */
export default function InboxPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const inbox = useInbox();
  const enterprise = me.org.type === 'enterprise';

  if (inbox.isPending) return <LoadingState />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const { tasks } = inbox.data;
  // An enterprise sees its own work (整改, deadlines), not the government's 待核实 / 待交办 / 待验收.
  const order = (enterprise ? ENTERPRISE_ORDER : GOVERNMENT_ORDER).filter((g) => !NEEDS[g] || hasPermission(me, NEEDS[g]));
  const label = (g: TaskGroupName) => (g === 'assigned' && enterprise ? t('inbox.groups.mine') : t(`inbox.groups.${g}`));
  const busy = order.filter((g) => tasks[g].count > 0);

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('inbox.title')}</Typography.Title>
      <Row gutter={[8, 8]} style={{ marginBottom: 16 }}>
        {order.map((g) => (
          <Col key={g} xs={Math.floor(24 / Math.min(order.length, 3))} sm={Math.floor(24 / Math.min(order.length, 3))} md={Math.max(4, Math.floor(24 / order.length))}>
            <a href={`#inbox-${g}`} data-testid={`inbox-count-${g}`} data-count={tasks[g].count} style={{ display: 'block', color: 'inherit' }}>
              <Card size="small" styles={{ body: { padding: '8px 10px' } }} style={{ borderColor: g === 'overdue' && tasks[g].count > 0 ? token.colorError : undefined }}>
                <div style={{ fontSize: 22, fontWeight: 600, color: g === 'overdue' && tasks[g].count > 0 ? token.colorError : undefined }}>{tasks[g].count}</div>
                <div style={{ fontSize: 12, opacity: 0.75, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{label(g)}</div>
              </Card>
            </a>
          </Col>
        ))}
      </Row>
      {busy.length === 0 && <Card size="small" style={{ marginBottom: 16 }}><EmptyState description={t('inbox.nothing')} /></Card>}
      {busy.map((g) => (
        <section key={g} id={`inbox-${g}`} data-testid={`inbox-group-${g}`} style={{ marginBottom: 16 }}>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>{label(g)} <Badge count={tasks[g].count} color={g === 'overdue' ? 'red' : 'blue'} overflowCount={999} /></Typography.Title>
            {tasks[g].count > tasks[g].items.length && LEDGER_FILTER[g] && <Link to={`/hazards?${LEDGER_FILTER[g]}`}>{t('inbox.seeAll', { count: tasks[g].count })}</Link>}
          </Flex>
          <Row gutter={[8, 8]}>
            {tasks[g].items.map((h) => (
              <Col key={h.id} xs={24} md={12} xl={8}><HazardCard hazard={h} /></Col>
            ))}
          </Row>
        </section>
      ))}
      <Notifications data={inbox.data} />
    </>
  );
}
