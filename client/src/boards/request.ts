// Older entry points of the HTTP client, kept for the export panel: everything goes through app/http.ts.
import { send } from '../app/http.ts';

export { boardPath, describeFailure, errorFrom } from '../app/http.ts';

/** A bearer-token request whose reply body the caller reads itself (file downloads); see app/http.ts. */
export function authorizedFetch(
  path: string,
  token: string,
  init: { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown } = {},
): Promise<Response> {
  return send(path, { ...init, token });
}
