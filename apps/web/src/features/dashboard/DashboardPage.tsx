import { Route, Routes } from 'react-router';
import { DashboardView } from './DashboardView';

/** /dashboard: the user's own region; /dashboard/<code>: a region below it, reached by drilling down. */
export default function DashboardPage() {
  return (
    <Routes>
      <Route index element={<DashboardView />} />
      <Route path=":regionCode" element={<DashboardView />} />
    </Routes>
  );
}
