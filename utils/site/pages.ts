/**
 * e-Kinerja page detection. All knowledge of e-Kinerja's URLs and DOM lives in utils/site/
 * (see ./README.md for what each file knows and where the facts come from).
 */
export const EKINERJA_ORIGIN = 'https://kinerja.bkn.go.id';
export const EKINERJA_MATCHES = ['https://kinerja.bkn.go.id/*'];
/** The daily-progress page ("Progress Harian"). */
export const DAILY_PROGRESS_URL = `${EKINERJA_ORIGIN}/kinerja_harian`;

export type PageKind = 'daily-progress' | 'login' | 'skp' | 'profile' | 'other';

export interface PageInfo {
  kind: PageKind;
  path: string;
  /** The "Hi, NAMA" greeting in the navbar, when logged in. */
  userName: string | null;
}

const SELECTORS = {
  navbarUser: '.nav-link .d-none.d-md-block.d-lg-inline-block',
} as const;

/** Which e-Kinerja page a path is (client-side routes included). */
export function pageKind(path: string): PageKind {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/kinerja_harian' || p.startsWith('/kinerja_harian/') || /\/progress[_-]harian/i.test(p)) return 'daily-progress';
  if (p === '/login' || p.startsWith('/login/')) return 'login';
  if (p === '/skp' || p.startsWith('/skp/')) return 'skp';
  if (p === '/profil' || p.startsWith('/profil/')) return 'profile';
  return 'other';
}

export function readPageInfo(doc: Document, location: Pick<Location, 'pathname'>): PageInfo {
  const greeting = doc.querySelector(SELECTORS.navbarUser)?.textContent?.trim() ?? '';
  const m = /^Hi,\s*(.+)$/i.exec(greeting);
  return { kind: pageKind(location.pathname), path: location.pathname, userName: m?.[1]?.trim() || null };
}
