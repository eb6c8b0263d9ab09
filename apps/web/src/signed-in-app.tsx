import './shared/i18n/all-messages';
import { MENU } from './menu';
import { SignedIn } from './shared/layout/SignedIn';

/** The signed-in shell with the full menu: a chunk of its own, loaded after sign-in. */
export default function SignedInApp() {
  return <SignedIn menu={MENU} />;
}
