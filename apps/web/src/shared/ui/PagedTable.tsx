import { Card, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadMore } from './states';

/** What a keyset-paged list needs from its TanStack infinite query. */
export interface PagedQuery {
  isError: boolean;
  error: unknown;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

type PagedTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'locale'> & {
  query: PagedQuery;
  rows: T[];
  /** What to say (and offer) when nothing matches. */
  empty: ReactNode;
};

/**
 * A keyset-paged list: the table, its empty state and "load more" — or, when loading failed,
 * the error with a retry in its place. Every list page of the app shows its rows this way.
 */
export function PagedTable<T extends object>({ query, rows, empty, loading, ...table }: PagedTableProps<T>) {
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      <Table<T>
        rowKey="id"
        size="middle"
        {...table}
        dataSource={rows}
        loading={loading ?? query.isPending}
        pagination={false}
        locale={{ emptyText: <EmptyState description={empty} /> }}
      />
      <LoadMore count={rows.length} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoad={() => void query.fetchNextPage()} />
    </Card>
  );
}
