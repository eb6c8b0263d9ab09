import { Alert, Button, Empty, Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError } from '../api/client';

/** A failed load: the server's message, its request id for support, and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={
        <>
          <div>{errorText(error)}</div>
          {requestId && <div style={{ opacity: 0.7, fontSize: 12 }}>{t('common.requestId')}: {requestId}</div>}
        </>
      }
      action={onRetry && <Button size="small" onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ padding: 48 }}>
      <Spin description={t('common.loading')} />
    </Flex>
  );
}

/** Empty lists say what to do next, not just "no data". */
export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  );
}

/** Keyset paging footer: "load more" while the server has a next cursor. */
export function LoadMore(props: { hasMore: boolean; loading: boolean; onLoad: () => void; count: number }) {
  const { t } = useTranslation();
  if (props.count === 0) return null;
  return (
    <Flex justify="center" align="center" gap={12} style={{ padding: '12px 0' }} wrap>
      <span style={{ opacity: 0.65 }}>{t('common.shownCount', { count: props.count })}</span>
      {props.hasMore ? (
        <Button onClick={props.onLoad} loading={props.loading}>{t('common.loadMore')}</Button>
      ) : (
        <span style={{ opacity: 0.65 }}>{t('common.noMore')}</span>
      )}
    </Flex>
  );
}
