import { Typography } from 'antd';
import { useCurrentUser } from '../../shared/auth/session';
import { MyReports } from './MyReports';
import { QuickReport } from './QuickReport';

/**
 * The reporter's home (a grid member, an enterprise account — deskOf 'reporter'): 上报隐患
 * first and largest, then the account's own reports with their states. One column on a
 * phone; on a desk the same column, centred, with the reports in a grid below.
 */
export default function HomePage() {
  const me = useCurrentUser();
  return (
    <div style={{ maxWidth: 1080, margin: '0 auto' }} data-testid="reporter-home">
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>{me.displayName} · {me.org.name}</Typography.Text>
        <QuickReport />
      </div>
      <MyReports />
    </div>
  );
}
