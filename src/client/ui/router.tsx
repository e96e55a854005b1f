// The app's router: wouter underneath (about 2 KB gzipped; react-router-dom was 13.6 KB of the
// first load, issue 15), with the names and shapes the screens used from react-router, so a screen
// only imports from here. Here and not in `app/`, because screens and `ui` may not import `app`.
// Two things react-router did that wouter leaves to us: params come decoded (the screens build
// their links with encodeURIComponent), and a link to the page already shown replaces it rather
// than stacking a second copy under the back button.
import { useCallback, useLayoutEffect, useMemo, type AnchorHTMLAttributes } from 'react';
import { Link as WouterLink, useLocation as useWouterLocation, useParams as useWouterParams, useRoute, useSearch } from 'wouter';
import { navigate as browserNavigate, useHistoryState, useLocationProperty } from 'wouter/use-browser-location';

export { Route, Switch, useSearchParams } from 'wouter';

interface NavigateOptions {
  replace?: boolean;
  /** Kept in history.state: survives a reload and back/forward, as react-router's did. */
  state?: unknown;
}

type Params = Readonly<Record<string, string | undefined>>;

function decode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed escape in a typed address: the screen says it finds nothing
  }
}

function decoded(raw: Readonly<Record<string | number, string | undefined>>): Params {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(raw)) if (!/^\d+$/.test(k)) out[k] = decode(v);
  return out;
}

/** The named segments of the innermost matched route, decoded. */
export function useParams(): Params {
  const raw = useWouterParams();
  return useMemo(() => decoded(raw), [raw]);
}

/** The params of `pattern` if the current address matches it, else null (react-router's useMatch). */
export function useMatch(pattern: string): Params | null {
  const [matches, raw] = useRoute(pattern);
  return useMemo(() => (matches ? decoded(raw) : null), [matches, raw]);
}

const currentHash = () => location.hash;

export function useLocation(): { pathname: string; search: string; hash: string; state: unknown } {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  const hash = useLocationProperty(currentHash, () => '');
  const state: unknown = useHistoryState();
  return { pathname, search: search ? `?${search}` : '', hash, state };
}

/** navigate('/x'), navigate('/x', { replace, state }), navigate(-1) for the browser's back. */
export function useNavigate(): (to: string | number, options?: NavigateOptions) => void {
  const [, navigate] = useWouterLocation();
  return useCallback(
    (to: string | number, options?: NavigateOptions) => (typeof to === 'number' ? history.go(to) : navigate(to, options)),
    [navigate],
  );
}

/** Goes to `to` as soon as it is rendered (a redirect). */
export function Navigate({ to, replace, state }: { to: string } & NavigateOptions) {
  const navigate = useNavigate();
  useLayoutEffect(() => navigate(to, { replace, state }), []); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string } & NavigateOptions;

const here = () => location.pathname + location.search + location.hash;

export function Link({ to, onClick, ...rest }: LinkProps) {
  return (
    <WouterLink
      to={to}
      {...rest}
      onClick={(e) => {
        onClick?.(e); // wouter calls this for a plain left click only, then navigates unless prevented
        // A link to the page already shown replaces it: back then leaves the page (as react-router did).
        if (!e.defaultPrevented && to === here()) {
          e.preventDefault();
          browserNavigate(to, { replace: true, state: rest.state });
        }
      }}
    />
  );
}

interface NavLinkProps extends Omit<LinkProps, 'className'> {
  /** Active only on this exact address, not on the addresses under it. */
  end?: boolean;
  /** A string gets " active" added when active (react-router's NavLink did the same). */
  className?: string | ((state: { isActive: boolean }) => string);
}

/** A link that knows whether the page shown is its own (or under it): aria-current and "active". */
export function NavLink({ to, end, className, ...rest }: NavLinkProps) {
  const pathname = useLocation().pathname.toLowerCase();
  const target = to.toLowerCase();
  const isActive = pathname === target || (!end && pathname.startsWith(target.endsWith('/') ? target : `${target}/`));
  const cls = typeof className === 'function' ? className({ isActive }) : [className, isActive ? 'active' : ''].filter(Boolean).join(' ');
  return <Link to={to} className={cls || undefined} aria-current={isActive ? 'page' : undefined} {...rest} />;
}
