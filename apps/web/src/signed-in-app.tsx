import './shared/i18n/all-messages';
import { MENU } from './menu';
import { SignedIn } from './shared/layout/SignedIn';

// The page the address names starts loading now, beside the session check, not after it.
MENU.find((m) => window.location.pathname === m.path || window.location.pathname.startsWith(`${m.path}/`))?.page.preload();

/** The signed-in shell with the full menu: a chunk of its own, loaded after sign-in. */
export default function SignedInApp() {
  return <SignedIn menu={MENU} />;
}
