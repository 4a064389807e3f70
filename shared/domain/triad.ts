// The four sides of KPSS planning (DOMAIN.md §2.4). Keys are English, labels come from i18n.
export const TRIAD_ROLES = ['commissioner', 'provider', 'user', 'public'] as const;
export type TriadRole = (typeof TRIAD_ROLES)[number];

export function emptyTriadCounts(): Record<TriadRole, number> {
  return { commissioner: 0, provider: 0, user: 0, public: 0 };
}
