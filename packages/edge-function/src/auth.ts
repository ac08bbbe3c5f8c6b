/**
 * Bearer-secret check of the edge worker's start endpoint (spec §2.5): the secret is
 * PGFLOW_AUTH_SECRET when set and non-empty, else SUPABASE_SERVICE_ROLE_KEY. Comparison is
 * constant-time over SHA-256 digests, so neither the content nor the length of the secret leaks.
 */

/** Why a request was refused; these strings are what the log line says. */
export type AuthFailure = 'Missing Authorization header' | 'Invalid Authorization header';

/** The configured secret, or undefined when neither variable is set. */
export function resolveSecret(env: Record<string, string | undefined>): string | undefined {
  return env.PGFLOW_AUTH_SECRET || env.SUPABASE_SERVICE_ROLE_KEY || undefined;
}

/** Checks an `Authorization` header value against `secret`; returns the failure, or null when it matches. */
export async function checkBearer(
  header: string | undefined,
  secret: string,
): Promise<AuthFailure | null> {
  if (!header) return 'Missing Authorization header';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1] || !(await safeEqual(match[1], secret))) return 'Invalid Authorization header';
  return null;
}

async function safeEqual(a: string, b: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [x, y] = await Promise.all(
    [a, b].map(
      async (s) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(s))),
    ),
  );
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= (x[i] as number) ^ (y[i] as number);
  return diff === 0;
}
