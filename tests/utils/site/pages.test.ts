import { describe, expect, it } from 'vitest';
import { pageKind, readPageInfo } from '@/utils/site/pages';

describe('e-Kinerja page detection', () => {
  it('knows the pages by path', () => {
    expect(pageKind('/kinerja_harian')).toBe('daily-progress');
    expect(pageKind('/kinerja_harian/')).toBe('daily-progress');
    expect(pageKind('/kinerja_harian/12345')).toBe('daily-progress');
    expect(pageKind('/skp/77/penilaian/TRIWULAN_IV/progress_harian')).toBe('daily-progress');
    expect(pageKind('/login')).toBe('login');
    expect(pageKind('/skp')).toBe('skp');
    expect(pageKind('/skp/77')).toBe('skp');
    expect(pageKind('/profil')).toBe('profile');
    expect(pageKind('/')).toBe('other');
    expect(pageKind('/kinerja_harianx')).toBe('other');
  });

  it('reads the user from the navbar greeting', () => {
    document.body.innerHTML = '<a class="nav-link"><span class="d-none d-md-block d-lg-inline-block"> Hi,  SITI AMINAH </span></a>';
    expect(readPageInfo(document, { pathname: '/kinerja_harian' })).toEqual({ kind: 'daily-progress', path: '/kinerja_harian', userName: 'SITI AMINAH' });
    document.body.innerHTML = '<p>Login with ASN Digital</p>';
    expect(readPageInfo(document, { pathname: '/login' })).toEqual({ kind: 'login', path: '/login', userName: null });
  });
});
