import { Button, Card, Col, Input, List, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useRegion, useRegionSearch, type RegionData } from '../../shared/api/regions';
import { useCurrentUser } from '../../shared/auth/session';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { RegionDetail } from './RegionDetail';
import { RegionTree } from './RegionTree';

export default function RegionsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mobile = useIsMobile();
  const rootCode = me.org.regionCode;
  const root = useRegion(rootCode);
  const [params, setParams] = useSearchParams();
  const selected = params.get('code') ?? rootCode;
  const [query, setQuery] = useState('');
  const hits = useRegionSearch(rootCode, query, 50);
  const rootName = me.regionPath[me.regionPath.length - 1]?.name ?? rootCode;

  const select = (region: Pick<RegionData, 'code'>) => {
    setParams({ code: region.code }, { replace: true });
    // On a phone the details sit below the tree: bring them into view.
    if (mobile) requestAnimationFrame(() => document.getElementById('region-detail')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('regions.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={query ? t('regions.searchResults') : t('regions.tree')} extra={query && <Button type="link" onClick={() => setQuery('')}>{t('regions.clearSearch')}</Button>}>
            <Input.Search
              allowClear
              placeholder={t('regions.searchPlaceholder', { name: rootName })}
              aria-label={t('regions.searchPlaceholder', { name: rootName })}
              onSearch={(v) => setQuery(v.trim())}
              style={{ marginBottom: 12 }}
              enterButton
            />
            {query ? (
              hits.isError ? (
                <ErrorState error={hits.error} onRetry={() => void hits.refetch()} />
              ) : (
                <List
                  size="small"
                  loading={hits.isFetching}
                  dataSource={hits.data ?? []}
                  locale={{ emptyText: <EmptyState description={t('regions.noResults')} /> }}
                  renderItem={(hit) => (
                    <List.Item style={{ cursor: 'pointer' }} onClick={() => select(hit)}>
                      <List.Item.Meta title={<a>{hit.name}</a>} description={`${hit.path} · ${hit.code}`} />
                    </List.Item>
                  )}
                />
              )
            ) : root.isPending ? (
              <LoadingState />
            ) : root.isError ? (
              <ErrorState error={root.error} onRetry={() => void root.refetch()} />
            ) : (
              <RegionTree root={root.data} selected={selected} onSelect={select} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14} id="region-detail">
          <RegionDetail code={selected} onOpen={select} />
        </Col>
      </Row>
    </>
  );
}
